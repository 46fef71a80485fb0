package io.mqttworkbench.ui;

import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.profile.FieldCheck;
import io.mqttworkbench.profile.ProfileChecks;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The subscriptions a profile makes on connect, as the editor shows them: a filter and a QoS per line. */
final class SubscriptionsEditor {

    /** One subscription being edited; MQTT 5 options it already had are kept. */
    static final class Row {
        final CheckedField filter;
        final IntegerProperty qos = new SimpleIntegerProperty();
        private final SubscriptionRequest original;

        Row(SubscriptionRequest request) {
            this.original = request;
            this.filter = new CheckedField(request.filter(), this::check);
            this.qos.set(request.qos());
        }

        /** The filter on its own, then with the options it keeps (No Local is refused on a shared subscription). */
        private FieldCheck check(String text) {
            FieldCheck verdict = ProfileChecks.subscriptionFilter(text);
            if (verdict.blocksSaving() || text == null) {
                return verdict;
            }
            try {
                new SubscriptionRequest(text.trim(), 0, original.noLocal(), original.retainAsPublished(), original.retainHandling(),
                        original.subscriptionIdentifier());
                return verdict;
            } catch (IllegalArgumentException e) {
                return FieldCheck.error(e.getMessage());
            }
        }

        SubscriptionRequest build() {
            return new SubscriptionRequest(filter.trimmed(), qos.get(), original.noLocal(), original.retainAsPublished(),
                    original.retainHandling(), original.subscriptionIdentifier());
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList(row -> new javafx.beans.Observable[] {row.filter.checkProperty()});
    private final BooleanBinding hasErrors = Bindings.createBooleanBinding(() -> rows.stream().anyMatch(r -> r.filter.blocksSaving()), rows);

    SubscriptionsEditor(List<SubscriptionRequest> subscriptions) {
        subscriptions.forEach(s -> rows.add(new Row(s)));
    }

    ObservableList<Row> rows() {
        return rows;
    }

    Row add() {
        Row row = new Row(SubscriptionRequest.of("#", 0));
        rows.add(row);
        return row;
    }

    void remove(Row row) {
        rows.remove(row);
    }

    BooleanBinding hasErrorsProperty() {
        return hasErrors;
    }

    List<SubscriptionRequest> build() {
        return rows.stream().map(Row::build).toList();
    }
}
