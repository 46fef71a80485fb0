package io.mqttworkbench.history;

import io.mqttworkbench.mqtt.ReceivedMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The history's read queries (newest messages, a search in a time range, each topic's last value, counts
 * for the timeline, the subscription of each row), each on a read connection of its own beside the writer.
 * {@link MessageHistory} keeps them as its public methods and delegates here, so it is only the writer.
 */
final class HistoryQueries {

    private HistoryQueries() {
    }

    static Map<Long, String> subscriptionsOf(MessageHistory history, long fromKey, long toKey) throws HistoryException {
        Map<Long, String> found = new HashMap<>();
        try (Connection c = history.reader(); PreparedStatement s = c.prepareStatement("SELECT m.time_us, s.filter FROM messages m "
                + "JOIN subscriptions s ON s.id = m.subscription_id WHERE m.time_us BETWEEN ? AND ?")) {
            s.setLong(1, fromKey);
            s.setLong(2, toKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.put(r.getLong(1), r.getString(2));
                }
            }
        } catch (SQLException e) {
            throw readFailed(e);
        }
        return found;
    }

    static List<ReceivedMessage> lastValues(MessageHistory history) throws HistoryException {
        return select(history, "SELECT t.name, m.time_us, m.qos, m.retain, m.payload, m.properties FROM latest l "
                + "JOIN topics t ON t.id = l.topic_id JOIN messages m ON m.time_us = l.time_us ORDER BY m.time_us", List.of());
    }

    static List<ReceivedMessage> newest(MessageHistory history, Long beforeMillis, int limit) throws HistoryException {
        long before = beforeMillis == null ? Long.MAX_VALUE : beforeMillis * 1000;
        return select(history, StoredRow.SELECT + "WHERE m.time_us < ? ORDER BY m.time_us DESC LIMIT ?", List.of(before, (long) limit));
    }

    static List<ReceivedMessage> find(MessageHistory history, Long fromMillis, Long toMillis, Predicate<ReceivedMessage> keep, int limit)
            throws HistoryException {
        long from = fromMillis == null ? Long.MIN_VALUE : fromMillis * 1000;
        long to = toMillis == null ? Long.MAX_VALUE : toMillis * 1000 + 999;
        List<ReceivedMessage> found = new ArrayList<>();
        String sql = StoredRow.SELECT + "WHERE m.time_us BETWEEN ? AND ? ORDER BY m.time_us DESC";
        try (Connection c = history.reader(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, from);
            s.setLong(2, to);
            s.setFetchSize(1000);
            long nowNanos = System.nanoTime();
            long nowMicros = System.currentTimeMillis() * 1000;
            try (ResultSet r = s.executeQuery()) {
                while (found.size() < limit && r.next()) {
                    ReceivedMessage m = StoredRow.read(r, nowNanos, nowMicros);
                    if (keep.test(m)) {
                        found.add(m);
                    }
                }
            }
        } catch (SQLException e) {
            throw readFailed(e);
        }
        Collections.reverse(found);
        return found;
    }

    private static List<ReceivedMessage> select(MessageHistory history, String sql, List<Long> arguments) throws HistoryException {
        try (Connection c = history.reader(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < arguments.size(); i++) {
                s.setLong(i + 1, arguments.get(i));
            }
            List<ReceivedMessage> found = new ArrayList<>();
            // receive times on this run's monotonic clock, as if received that long ago: ages and rates stay right
            long nowNanos = System.nanoTime();
            long nowMicros = System.currentTimeMillis() * 1000;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(StoredRow.read(r, nowNanos, nowMicros));
                }
            }
            return found;
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    /** From the per-second table: no scan of the messages. */
    static long[] countsPerBucket(MessageHistory history, long fromMillis, long bucketMillis, int buckets) throws HistoryException {
        long[] counts = new long[buckets];
        try (Connection c = history.reader(); PreparedStatement s = c.prepareStatement(
                "SELECT second, count FROM timeline WHERE second >= ? AND second < ?")) {
            s.setLong(1, Math.floorDiv(fromMillis, 1000));
            s.setLong(2, Math.floorDiv(fromMillis + bucketMillis * buckets + 999, 1000));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    // the second the range starts in counts from the range's start (its messages may all be after it)
                    long bucket = (Math.max(r.getLong(1) * 1000, fromMillis) - fromMillis) / bucketMillis;
                    if (bucket >= 0 && bucket < buckets) {
                        counts[(int) bucket] += r.getLong(2);
                    }
                }
            }
            return counts;
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    private static HistoryException readFailed(SQLException e) {
        return new HistoryException("The message history could not be read: " + e.getMessage(), e);
    }
}
