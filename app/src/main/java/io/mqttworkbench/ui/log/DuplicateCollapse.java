package io.mqttworkbench.ui.log;

import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.common.SubscriptionOrigins.Origin;
import io.mqttworkbench.ui.common.Texts;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * "Collapse duplicates": one row for a message that overlapping subscriptions delivered several times, marked
 * with how many deliveries and through which subscriptions. Only the rows change: the received count still
 * counts every delivery. JavaFX thread.
 */
public final class DuplicateCollapse {
    private final BooleanProperty on = new SimpleBooleanProperty();
    private final ReadOnlyLongWrapper hidden = new ReadOnlyLongWrapper();
    private Function<ReceivedMessage, Origin> origins = m -> Origin.UNKNOWN;
    private DuplicateDeliveries current;
    private final Texts texts;

    DuplicateCollapse(Texts texts) {
        this.texts = texts;
    }

    public BooleanProperty onProperty() {
        return on;
    }

    /** Where a message came from: which subscriptions, told by the broker or inferred from the topic. */
    public void useOrigins(Function<ReceivedMessage, Origin> origins) {
        this.origins = origins;
    }

    /** The rows of every message with the copies left out, live as messages arrive; each call starts afresh. */
    RowSource rows(MessageStore store) {
        current = new DuplicateDeliveries(origins, texts);
        return new QueryRows(store, new long[0], store.firstSequence(), current::keep);
    }

    /** Collapsing stopped: the marks go with it. */
    void stop() {
        current = null;
    }

    /** "×2 via #, factory/+/press3/#" on a row that stands for several deliveries, else null. */
    public String mark(ReceivedMessage row) {
        return current == null ? null : current.mark(row);
    }

    /** For the row's tooltip: how many deliveries it stands for, through which subscriptions; else null. */
    String explanation(ReceivedMessage row) {
        return current == null ? null : current.explanation(row);
    }

    /** How many copies have no row of their own: a kept row's mark changes with it. */
    public ReadOnlyLongProperty hiddenProperty() {
        return hidden.getReadOnlyProperty();
    }

    /** "3 duplicate deliveries collapsed", or empty while there are none. Once per frame, with the rows. */
    String summary() {
        long count = current == null ? 0 : current.hidden();
        hidden.set(count);
        return summaryOf(count);
    }

    private String summaryOf(long hidden) {
        return hidden == 0 ? "" : texts.format(hidden == 1 ? "log.duplicates.one" : "log.duplicates.other", hidden);
    }
}
