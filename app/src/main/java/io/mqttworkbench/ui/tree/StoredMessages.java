package io.mqttworkbench.ui.tree;

import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.history.TopicHistoryQuery;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Where the topic detail pane finds a topic's messages beyond those in memory: the profile's history on disk. */
public interface StoredMessages {

    /** No history: the pane shows what is in memory only. */
    StoredMessages NONE = of(() -> null);

    /** False while the profile keeps no history, or it is not open (yet), or could not be opened. */
    boolean isOpen();

    /** The newest {@code limit} messages of exactly {@code topic} before {@code beforeMillis} (null: any); off the JavaFX thread. */
    TopicHistoryQuery.Result newest(String topic, Long beforeMillis, int limit, BooleanSupplier cancelled, TopicHistoryQuery.Progress progress)
            throws HistoryException;

    /** The history {@code history} gives, which is null until it is open. */
    static StoredMessages of(Supplier<MessageHistory> history) {
        return new HistoryMessages(history);
    }
}
