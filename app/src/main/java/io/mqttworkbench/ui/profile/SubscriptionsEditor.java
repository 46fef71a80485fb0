package io.mqttworkbench.ui.profile;

import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.profile.FieldCheck;
import io.mqttworkbench.profile.ProfileChecks;
import io.mqttworkbench.profile.SavedSubscription;
import io.mqttworkbench.ui.common.CheckTexts;
import io.mqttworkbench.ui.common.CheckedField;
import io.mqttworkbench.ui.common.Texts;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The subscriptions a profile makes on connect, as the editor shows them: a filter and a QoS per line. */
public final class SubscriptionsEditor {

    /** One subscription being edited; MQTT 5 options, colour and pause it already had are kept. */
    static final class Row {
        final CheckedField filter;
        final IntegerProperty qos = new SimpleIntegerProperty();
        private final SavedSubscription saved;
        private final SubscriptionRequest original;

        Row(SavedSubscription saved, CheckTexts checks) {
            this.saved = saved;
            this.original = saved.request();
            SubscriptionRequest request = original;
            this.filter = new CheckedField(request.filter(), checks.of(this::check));
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

        SavedSubscription build() {
            return saved.withRequest(new SubscriptionRequest(filter.trimmed(), qos.get(), original.noLocal(), original.retainAsPublished(),
                    original.retainHandling(), original.subscriptionIdentifier()));
        }

        /** The colour the subscription's messages are marked with. */
        String color() {
            return saved.color();
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList(row -> new javafx.beans.Observable[] {row.filter.checkProperty()});
    private final BooleanBinding hasErrors = Bindings.createBooleanBinding(() -> rows.stream().anyMatch(r -> r.filter.blocksSaving()), rows);

    private final CheckTexts checks;

    SubscriptionsEditor(List<SavedSubscription> subscriptions, Texts texts) {
        this.checks = new CheckTexts(texts);
        subscriptions.forEach(s -> rows.add(new Row(s, checks)));
    }

    ObservableList<Row> rows() {
        return rows;
    }

    Row add() {
        Row row = new Row(new SavedSubscription(SubscriptionRequest.of("#", 0), SavedSubscription.nextColor(build()), false), checks);
        rows.add(row);
        return row;
    }

    void remove(Row row) {
        rows.remove(row);
    }

    BooleanBinding hasErrorsProperty() {
        return hasErrors;
    }

    List<SavedSubscription> build() {
        return rows.stream().map(Row::build).toList();
    }
}
