package io.mqttworkbench.ui;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionException;
import io.mqttworkbench.mqtt.SubscribeOutcome;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.TopicValidator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The subscribe form and the list of subscriptions of one connection. */
public final class SubscriptionsViewModel {

    private final Supplier<BrokerConnection> connection;
    private final Supplier<BrokerConnection> anyConnection;
    private final Executor ui;
    private final StringProperty filter = new SimpleStringProperty("#");
    private final IntegerProperty qos = new SimpleIntegerProperty(1);
    private final ReadOnlyStringWrapper filterProblem = new ReadOnlyStringWrapper("");
    private final ObservableList<SubscriptionRow> rows = FXCollections.observableArrayList();

    /**
     * @param connection the connection while it is connected, else null
     * @param anyConnection the connection in whatever state, or null before the first connect
     */
    SubscriptionsViewModel(Supplier<BrokerConnection> connection, Supplier<BrokerConnection> anyConnection, Executor ui) {
        this.connection = connection;
        this.anyConnection = anyConnection;
        this.ui = ui;
        filter.addListener((obs, old, text) -> filterProblem.set(problemWith(text)));
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public IntegerProperty qosProperty() {
        return qos;
    }

    /** Why the typed filter cannot be subscribed to, or empty: updated as the user types. */
    public ReadOnlyStringProperty filterProblemProperty() {
        return filterProblem.getReadOnlyProperty();
    }

    public ObservableList<SubscriptionRow> rows() {
        return rows;
    }

    /** Subscribes to the typed filter; returns false (and says why) when it cannot. */
    public boolean subscribe() {
        String text = filter.get() == null ? "" : filter.get().trim();
        if (text.isEmpty()) {
            filterProblem.set("Type a topic filter, such as # or sensors/+/temperature");
            return false;
        }
        String problem = problemWith(text);
        if (!problem.isEmpty()) {
            filterProblem.set(problem);
            return false;
        }
        BrokerConnection current = connection.get();
        if (current == null) {
            filterProblem.set("Connect first, then subscribe");
            return false;
        }
        subscribe(current, List.of(SubscriptionRequest.of(text, qos.get())));
        return true;
    }

    /** Subscribes on behalf of the profile (its saved subscriptions) or the user. */
    void subscribe(BrokerConnection current, List<SubscriptionRequest> requests) {
        for (SubscriptionRequest request : requests) {
            rows.removeIf(row -> row.filter().equals(request.filter()));
            rows.add(new SubscriptionRow(request));
        }
        current.subscribe(requests).whenCompleteAsync((outcomes, error) -> {
            if (error != null) {
                String reason = ConnectionException.unwrap(error).getMessage();
                requests.forEach(r -> find(r.filter()).ifPresent(row -> refuse(row, reason)));
                return;
            }
            for (SubscribeOutcome outcome : outcomes) {
                find(outcome.filter()).ifPresent(row -> {
                    if (outcome.granted()) {
                        row.resultProperty().set("QoS " + outcome.grantedQos() + " granted");
                        row.refusedProperty().set(false);
                    } else {
                        refuse(row, outcome.description());
                    }
                });
            }
        }, ui);
    }

    /** What the rows asked for: a replacement connection subscribes to the same again. */
    List<SubscriptionRequest> requests() {
        return rows.stream().map(SubscriptionRow::request).toList();
    }

    /** Removes the subscription; while offline it is forgotten so that it is not restored on reconnect. */
    public void unsubscribe(SubscriptionRow row) {
        rows.remove(row);
        BrokerConnection current = anyConnection.get();
        if (current != null) {
            current.unsubscribe(row.filter());
        }
    }

    private static void refuse(SubscriptionRow row, String reason) {
        row.resultProperty().set(reason);
        row.refusedProperty().set(true);
    }

    private java.util.Optional<SubscriptionRow> find(String filterText) {
        return rows.stream().filter(r -> r.filter().equals(filterText)).findFirst();
    }

    private static String problemWith(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return TopicValidator.checkFilter(text.trim()).orElse("");
    }
}
