package io.mqttworkbench.ui.connection;

import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.HistorySearch;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.message.MessageQuery;
import io.mqttworkbench.message.TrafficCounts;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The timeline's counts: over the whole retained history (days, from its per-second table) when the
 * profile keeps one and no search is in effect; for a search that ran on disk, from its matches' keys plus
 * the matches in memory since; otherwise over the messages in memory, which a search tests one by one.
 */
final class ConnectionCounts implements TrafficCounts {
    private final Supplier<MessageHistory> history;
    private final Function<MessageQuery, HistorySearch.Result> storedMatches;
    private final TrafficCounts inMemory;

    /** @param storedMatches the search on disk shown for a query, or null */
    ConnectionCounts(Supplier<MessageHistory> history, Function<MessageQuery, HistorySearch.Result> storedMatches, TrafficCounts inMemory) {
        this.history = history;
        this.storedMatches = storedMatches;
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
        HistorySearch.Result found = query.isEmpty() ? null : storedMatches.apply(query);
        if (found != null) {
            return countMatches(found, query, fromMillis, toMillis, buckets, cancelled);
        }
        return inMemory.count(query, fromMillis, toMillis, buckets, cancelled);
    }

    /** The matches on disk per bucket, from their keys, plus those that arrived in memory after the search began. */
    private Buckets countMatches(HistorySearch.Result found, MessageQuery query, long fromMillis, long toMillis, int buckets,
                                 BooleanSupplier cancelled) {
        long afterMillis = found.upToKey() / 1000 + 1;
        MessageQuery since = new MessageQuery(query.topicFilter(), query.text(), query.regex(), query.caseSensitive(), query.qos(),
                query.retained(), query.fromMillis() == null ? afterMillis : Math.max(query.fromMillis(), afterMillis), query.toMillis(),
                query.userProperty());
        Buckets live = since.fromMillis() > toMillis ? null : inMemory.count(since, fromMillis, toMillis, buckets, cancelled);
        if (live == null && since.fromMillis() <= toMillis) {
            return null; // cancelled
        }
        long bucketMillis = live != null ? live.bucketMillis() : Math.max(1, (Math.max(1, toMillis - fromMillis) + buckets - 1) / buckets);
        long[] counts = live != null ? live.counts().clone() : new long[buckets];
        for (int i = 0; i < counts.length; i++) {
            long start = fromMillis + i * bucketMillis;
            counts[i] += found.rows().countBetween(start, start + bucketMillis);
        }
        return new Buckets(fromMillis, bucketMillis, counts);
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
