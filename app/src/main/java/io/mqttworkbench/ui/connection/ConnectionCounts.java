package io.mqttworkbench.ui.connection;

import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.message.MessageQuery;
import io.mqttworkbench.message.TrafficCounts;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The timeline's counts: over the whole retained history (days, from its per-second table) when the
 * profile keeps one and no search is in effect; otherwise over the messages in memory, which a search
 * can test one by one.
 */
final class ConnectionCounts implements TrafficCounts {
    private final Supplier<MessageHistory> history;
    private final TrafficCounts inMemory;

    ConnectionCounts(Supplier<MessageHistory> history, TrafficCounts inMemory) {
        this.history = history;
        this.inMemory = inMemory;
    }

    @Override
    public Buckets count(MessageQuery query, long fromMillis, long toMillis, int buckets, BooleanSupplier cancelled) {
        MessageHistory stored = history.get();
        if (stored != null && query.isEmpty()) {
            long bucketMillis = Math.max(1, (Math.max(1, toMillis - fromMillis) + buckets - 1) / buckets);
            try {
                return new Buckets(fromMillis, bucketMillis, stored.countsPerBucket(fromMillis, bucketMillis, buckets));
            } catch (HistoryException e) {
                // the file is unwell: the messages in memory still say something
            }
        }
        return inMemory.count(query, fromMillis, toMillis, buckets, cancelled);
    }

    @Override
    public OptionalLong oldestMillis() {
        MessageHistory stored = history.get();
        if (stored != null) {
            try {
                OptionalLong oldest = stored.oldestMillis();
                if (oldest.isPresent()) {
                    return oldest;
                }
            } catch (HistoryException e) {
                // fall back to memory
            }
        }
        return inMemory.oldestMillis();
    }
}
