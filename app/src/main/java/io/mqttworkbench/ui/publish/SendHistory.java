package io.mqttworkbench.ui.publish;

import io.mqttworkbench.publish.Composition;
import io.mqttworkbench.publish.PublishHistory;
import java.io.IOException;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The profile's sends as the composer keeps them: each one added at once, the file saved in the background. */
final class SendHistory {
    private static final Logger LOG = LoggerFactory.getLogger(SendHistory.class);

    /** Null where nothing is kept (a quick connection, a test of the form alone). */
    private final PublishHistory history;
    private final Executor background;
    private final ReadOnlyLongWrapper added = new ReadOnlyLongWrapper();

    SendHistory(PublishHistory history, Executor background) {
        this.history = history;
        this.background = background;
    }

    /** Counts sends added: the history list refreshes when it changes. */
    ReadOnlyLongProperty addedProperty() {
        return added.getReadOnlyProperty();
    }

    /** Keeps a send with what came of it. JavaFX thread; the disk is written on the background executor. */
    void add(Composition composition, String outcome) {
        if (history == null) {
            return;
        }
        history.add(new PublishHistory.Entry(System.currentTimeMillis(), composition, outcome));
        added.set(added.get() + 1);
        background.execute(() -> {
            try {
                history.save();
            } catch (IOException e) {
                LOG.warn("could not save the publish history: {}", e.toString());
            }
        });
    }
}
