package io.mqttworkbench.ui.tree;

import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.history.TopicHistoryQuery;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** A connection's history on disk as the detail pane reads it, while the connection's writer still adds to it. */
final class HistoryMessages implements StoredMessages {
    /** How long a read waits for the writer to store what came just before the messages in memory. */
    private static final long COMMIT_WAIT_NANOS = 2_000_000_000L;
    private static final long POLL_NANOS = 50_000_000L;

    private final Supplier<MessageHistory> history;

    HistoryMessages(Supplier<MessageHistory> history) {
        this.history = history;
    }

    @Override
    public boolean isOpen() {
        return history.get() != null;
    }

    @Override
    public TopicHistoryQuery.Result newest(String topic, Long beforeMillis, int limit, BooleanSupplier cancelled,
                                           TopicHistoryQuery.Progress progress) throws HistoryException {
        MessageHistory open = history.get();
        if (open == null) {
            return new TopicHistoryQuery.Result(List.of(), true, false);
        }
        TopicHistoryQuery query = new TopicHistoryQuery(open);
        // the messages just before the boundary may still be on their way to the disk (the writer commits every
        // 250 ms): wait until something from the boundary's millisecond on is stored, a while at most
        long deadline = System.nanoTime() + COMMIT_WAIT_NANOS;
        while (beforeMillis != null && query.newestMillis() < beforeMillis - 1 && System.nanoTime() < deadline
                && !cancelled.getAsBoolean()) {
            LockSupport.parkNanos(POLL_NANOS);
        }
        return query.newest(topic, null, beforeMillis, limit, cancelled, progress);
    }
}
