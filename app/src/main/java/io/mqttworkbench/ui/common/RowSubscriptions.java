package io.mqttworkbench.ui.common;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionException;
import io.mqttworkbench.mqtt.SubscribeOutcome;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.collections.ObservableList;

/**
 * The list's subscriptions at the broker: sending them, and showing each answer on its row (granted,
 * downgraded, refused, pending while the connection is down). Split from {@link SubscriptionsViewModel},
 * which keeps the list itself, the form and what is saved. JavaFX thread.
 */
final class RowSubscriptions {

    private final ObservableList<SubscriptionRow> rows;
    private final Executor ui;
    private final Texts texts;

    /** @param rows the list's rows, which this shows the broker's answers on */
    RowSubscriptions(ObservableList<SubscriptionRow> rows, Executor ui, Texts texts) {
        this.rows = rows;
        this.ui = ui;
        this.texts = texts;
    }

    /** Makes every subscription the connection does not hold yet (all on a new one; added offline or refused before on a reconnect). */
    void connected(BrokerConnection current) {
        Set<String> held = new HashSet<>();
        current.subscriptions().forEach(r -> held.add(r.filter()));
        List<SubscriptionRow> missing = rows.stream()
                .filter(r -> !held.contains(r.filter()) || r.stateProperty().get() == SubscriptionRow.State.WAITING)
                .toList();
        if (!missing.isEmpty()) {
            send(current, missing);
        }
    }

    /** What the broker granted no longer holds: each subscription shows pending until it answers again. */
    void connectionDown(boolean reconnecting) {
        String text = texts.text(reconnecting ? "common.subscription.pending.reconnecting" : "common.subscription.pending.offline");
        for (SubscriptionRow row : rows) {
            SubscriptionRow.State s = row.stateProperty().get();
            if (s == SubscriptionRow.State.GRANTED || s == SubscriptionRow.State.DOWNGRADED || s == SubscriptionRow.State.PENDING) {
                row.show(SubscriptionRow.State.PENDING, text);
            }
        }
    }

    /** The answers to the subscriptions made again after a reconnect, or none because the resumed session kept them. */
    void restored(List<SubscribeOutcome> outcomes, boolean keptBySession) {
        if (keptBySession) {
            rows.stream().filter(r -> r.stateProperty().get() == SubscriptionRow.State.PENDING)
                    .forEach(r -> r.show(SubscriptionRow.State.GRANTED, texts.text("common.subscription.kept")));
            return;
        }
        for (SubscribeOutcome outcome : outcomes) {
            rows.stream().filter(r -> r.filter().equals(outcome.filter())).findFirst().ifPresent(r -> show(r, r.request(), outcome));
        }
    }

    void send(BrokerConnection current, List<SubscriptionRow> toSend) {
        List<SubscriptionRequest> requests = toSend.stream().map(SubscriptionRow::request).toList();
        toSend.forEach(r -> r.show(SubscriptionRow.State.PENDING, texts.text("common.subscription.subscribing")));
        current.subscribe(requests).whenCompleteAsync((outcomes, error) -> {
            if (error != null) {
                String reason = ConnectionException.unwrap(error).getMessage();
                requests.forEach(r -> find(r).ifPresent(row -> row.show(SubscriptionRow.State.REFUSED, reason)));
                return;
            }
            for (int i = 0; i < outcomes.size() && i < requests.size(); i++) {
                SubscribeOutcome outcome = outcomes.get(i);
                SubscriptionRequest asked = requests.get(i);
                find(asked).ifPresent(row -> show(row, asked, outcome));
            }
        }, ui);
    }

    private void show(SubscriptionRow row, SubscriptionRequest asked, SubscribeOutcome outcome) {
        if (!outcome.granted()) {
            row.show(SubscriptionRow.State.REFUSED, new ProblemTexts(texts).reasons(outcome.description()));
        } else if (outcome.grantedQos() < asked.qos()) {
            row.show(SubscriptionRow.State.DOWNGRADED, texts.format("common.subscription.downgraded", outcome.grantedQos(), asked.qos()));
        } else {
            row.show(SubscriptionRow.State.GRANTED, texts.format("common.subscription.granted", outcome.grantedQos()));
        }
    }

    /** The row still asking for exactly this (not one edited or removed since). */
    private Optional<SubscriptionRow> find(SubscriptionRequest request) {
        return rows.stream().filter(r -> r.request().equals(request)).findFirst();
    }
}
