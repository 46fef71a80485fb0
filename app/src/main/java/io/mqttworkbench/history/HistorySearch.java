package io.mqttworkbench.history;

import io.mqttworkbench.message.MessageQuery;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.TopicFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs a search over a stored history: every row in the time range is read and tested in Java, so a search
 * finds here what it finds in memory (decoded payloads, regular expressions, user properties). The range is
 * read newest first in two halves at once (this machine has two cores); topics are tested by id before a
 * row is made. What it found comes back as keys ({@link MatchedRows}), read a block at a time as shown.
 */
public final class HistorySearch {
    /** Topic ids named in SQL at most: past that the test in Java is as quick. */
    private static final int MAX_IDS_IN_SQL = 5_000;
    /** Rows read between two looks at the cancel flag and the progress. */
    private static final int STEP = 4096;

    /**
     * @param rows what was found, oldest first
     * @param scanned rows looked at; {@code total} rows were in the range when the search began
     * @param upToKey the newest key that existed when the search began: later rows were not looked at
     * @param cancelled stopped before the end; {@code capped}: stopped at the most matches it keeps
     */
    public record Result(MatchedRows rows, long scanned, long total, long upToKey, boolean cancelled, boolean capped) {
    }

    /** Told how many rows were looked at, of how many in the range, now and then from the searching threads. */
    public interface Progress {
        void update(long scanned, long total);
    }

    private final MessageHistory history;
    private final Executor executor;

    public HistorySearch(MessageHistory history, Executor executor) {
        this.history = history;
        this.executor = executor;
    }

    /**
     * @param query what to look for: its time range, topic filter, QoS and retain flag narrow the rows read
     *              (in SQL); the rest is up to {@code keep}
     * @param keep whether a row matches (the log's matcher for the same query)
     * @param maxMatches the most matches kept (the newest); past it the search stops and says so
     * @param progress told the rows looked at so far
     */
    public Result run(MessageQuery query, Predicate<ReceivedMessage> keep, int maxMatches, Progress progress, BooleanSupplier cancelled)
            throws HistoryException {
        Predicate<String> topics = query.topicFilter().isEmpty() ? t -> true : TopicFilter.of(query.topicFilter())::matches;
        try (Connection c = history.reader()) {
            c.setAutoCommit(false);
            Map<Integer, String> names = new HashMap<>();
            int allTopics = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT id, name FROM topics"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    allTopics++;
                    if (topics.test(r.getString(2))) {
                        names.put(r.getInt(1), r.getString(2));
                    }
                }
            }
            long upTo;
            long oldest;
            try (PreparedStatement s = c.prepareStatement(
                    // two subqueries: SQLite answers a lone min() or max() from the b-tree's end, both together by a full scan
                    "SELECT coalesce((SELECT max(time_us) FROM messages), -1), coalesce((SELECT min(time_us) FROM messages), 0)");
                 ResultSet r = s.executeQuery()) {
                upTo = r.next() ? r.getLong(1) : -1;
                oldest = r.getLong(2);
            }
            long from = Math.max(oldest, query.fromMillis() == null ? Long.MIN_VALUE : query.fromMillis() * 1000);
            long to = Math.min(upTo, query.toMillis() == null ? Long.MAX_VALUE : query.toMillis() * 1000 + 999);
            long total = countBetween(c, from, to);
            long middle = total < 2 * STEP ? from : middleKey(c, from, to, total);
            c.rollback();
            progress.update(0, total);
            // what SQL can rule out never crosses into Java: a row costs most in being handed over
            StringBuilder where = new StringBuilder();
            if (names.size() < allTopics && names.size() <= MAX_IDS_IN_SQL) {
                where.append(" AND topic_id IN (").append(names.keySet().stream().map(String::valueOf).collect(Collectors.joining(","))).append(')');
            }
            if (query.qos() != null) {
                where.append(" AND qos = ").append(query.qos().intValue());
            }
            if (query.retained() != null) {
                where.append(" AND retain = ").append(query.retained() ? 1 : 0);
            }
            String literal = TextPrefilter.literal(query).orElse(null);
            if (literal != null) {
                String inTopics = names.entrySet().stream().filter(e -> e.getValue().toLowerCase(Locale.ROOT).contains(literal))
                        .map(e -> String.valueOf(e.getKey())).collect(Collectors.joining(","));
                // LIKE folds ASCII case as the matcher does, and is faster than instr(lower(...)) (1.6 s against 2.9 s at 10M rows)
                where.append(" AND (readable IS NOT 1 OR payload LIKE ? ESCAPE '\\'")
                        .append(inTopics.isEmpty() ? "" : " OR topic_id IN (" + inTopics + ")").append(')');
            }
            Scan scan = new Scan(names, where.toString(), literal, !query.userProperty().isEmpty(), keep, maxMatches, progress, total,
                    cancelled);
            AtomicLong scanned = new AtomicLong();
            Half newer = new Half(scan, middle, to, scanned);
            Half older = new Half(scan, from, middle - 1, scanned);
            CompletableFuture<long[]> olderKeys = middle <= from ? CompletableFuture.completedFuture(new long[0])
                    : CompletableFuture.supplyAsync(older::scan, executor);
            long[] newerKeys = newer.scan();
            long[] olderFound = join(olderKeys);
            // Each half keeps its newest matches up to the cap, so the newest of both together are without a hole.
            boolean capped = newer.capped || older.capped;
            long[] keys = newer.capped ? newerKeys : concat(olderFound, newerKeys);
            if (keys.length > maxMatches) {
                keys = Arrays.copyOfRange(keys, keys.length - maxMatches, keys.length);
            }
            boolean stopped = cancelled.getAsBoolean();
            return new Result(new MatchedRows(history, keys), stopped || capped ? Math.min(scanned.get(), total) : total, total, upTo, stopped,
                    capped);
        } catch (SQLException e) {
            throw new HistoryException("The message history could not be searched: " + e.getMessage(), e);
        }
    }

    private static long[] join(CompletableFuture<long[]> f) throws HistoryException {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SearchFailure failure) {
                throw new HistoryException("The message history could not be searched: " + failure.getCause().getMessage(), failure.getCause());
            }
            throw e;
        }
    }

    private static long[] concat(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Rows in the range, from the per-second table (a second cut by the range counts whole: only for progress). */
    private static long countBetween(Connection c, long from, long to) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT coalesce(sum(count), 0) FROM timeline WHERE second BETWEEN ? AND ?")) {
            s.setLong(1, Math.floorDiv(from, 1_000_000));
            s.setLong(2, Math.floorDiv(to, 1_000_000));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    /** A key that splits the range into halves of about as many rows, from the per-second table. */
    private static long middleKey(Connection c, long from, long to, long total) throws SQLException {
        long half = total / 2;
        long seen = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT second, count FROM timeline WHERE second BETWEEN ? AND ? ORDER BY second")) {
            s.setLong(1, Math.floorDiv(from, 1_000_000));
            s.setLong(2, Math.floorDiv(to, 1_000_000));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    seen += r.getLong(2);
                    if (seen >= half) {
                        return Math.max(from, (r.getLong(1) + 1) * 1_000_000);
                    }
                }
            }
        }
        return from;
    }

    /** A failure inside a half's thread, carried out of it. */
    private static final class SearchFailure extends RuntimeException {
        SearchFailure(SQLException cause) {
            super(cause);
        }
    }

    /** What both halves of a search share: which rows can match, how to test them, and where to report. */
    private record Scan(Map<Integer, String> names, String where, String literal, boolean properties, Predicate<ReceivedMessage> keep, int maxMatches,
                        Progress progress, long total, BooleanSupplier cancelled) {
    }

    /** One half of the range, read newest first on its own connection. */
    private final class Half {
        private final Scan scan;
        private final long from;
        private final long to;
        private final AtomicLong scanned;
        private boolean capped;

        Half(Scan scan, long from, long to, AtomicLong scanned) {
            this.scan = scan;
            this.from = from;
            this.to = to;
            this.scanned = scanned;
        }

        /** The matching keys, oldest first. */
        long[] scan() {
            long[] keys = new long[1024];
            int n = 0;
            String columns = scan.properties() ? "topic_id, time_us, qos, retain, payload, properties" : "topic_id, time_us, qos, retain, payload";
            try (Connection c = history.reader(); PreparedStatement s = c.prepareStatement("SELECT " + columns
                    + " FROM messages WHERE time_us BETWEEN ? AND ?" + scan.where() + " ORDER BY time_us DESC")) {
                s.setLong(1, from);
                s.setLong(2, to);
                if (scan.literal() != null) {
                    s.setString(3, TextPrefilter.likePattern(scan.literal()));
                }
                s.setFetchSize(STEP);
                long nowNanos = System.nanoTime();
                long nowMicros = System.currentTimeMillis() * 1000;
                long lastKey = to;
                int rows = 0;
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long key = r.getLong(2);
                        if (++rows == STEP) {
                            rows = 0;
                            report(key);
                            if (scan.cancelled().getAsBoolean()) {
                                break;
                            }
                        }
                        lastKey = key;
                        String topic = scan.names().get(r.getInt(1));
                        if (topic == null) {
                            continue; // the topic filter rules it out: the row is never made
                        }
                        ReceivedMessage m = new ReceivedMessage(topic, r.getBytes(5), r.getInt(3), r.getInt(4) != 0, false,
                                StoredRow.receivedNanos(key, nowNanos, nowMicros), key / 1000,
                                scan.properties() ? StoredRow.properties(r.getString(6)) : MessageProperties.NONE);
                        if (scan.keep().test(m)) {
                            if (n == keys.length) {
                                keys = Arrays.copyOf(keys, n * 2);
                            }
                            keys[n++] = key;
                            if (n >= scan.maxMatches()) {
                                capped = true;
                                break;
                            }
                        }
                    }
                }
                if (!scan.cancelled().getAsBoolean() && !capped) {
                    lastKey = from;
                }
                report(lastKey);
            } catch (SQLException e) {
                throw new SearchFailure(e);
            }
            long[] ascending = new long[n];
            for (int i = 0; i < n; i++) {
                ascending[i] = keys[n - 1 - i];
            }
            return ascending;
        }

        /**
         * Progress by time, not by rows handed over (SQL skips what it rules out): the rows of the range this half
         * has passed, from the per-second counts, approximated linearly within the half.
         */
        private long passed;

        private void report(long reachedKey) {
            long span = Math.max(1, to - from);
            long half = scan.total() / 2;
            long now = (long) (half * Math.min(1.0, (to - reachedKey) / (double) span));
            scan.progress().update(scanned.addAndGet(now - passed), scan.total());
            passed = now;
        }
    }
}
