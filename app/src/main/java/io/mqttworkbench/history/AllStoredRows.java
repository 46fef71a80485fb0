package io.mqttworkbench.history;

import io.mqttworkbench.mqtt.ReceivedMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every message the history held when this was made, by position. Counting rows in SQLite means reading
 * them, so positions come from the per-second table instead: a row's position is the rows of the seconds
 * before its own, plus its place within its second. Reading a block is then one range read with a skip
 * of at most one second's rows.
 */
public final class AllStoredRows implements StoredRows {
    private final MessageHistory history;
    /** The seconds with messages, ascending. */
    private final long[] seconds;
    /** {@code before[i]}: messages in the seconds before {@code seconds[i]}; the last entry is the size. */
    private final long[] before;
    private final long newestMicros;

    private AllStoredRows(MessageHistory history, long[] seconds, long[] before, long newestMicros) {
        this.history = history;
        this.seconds = seconds;
        this.before = before;
        this.newestMicros = newestMicros;
    }

    /** What the history holds now; reads the per-second table (a row per second with traffic). */
    public static AllStoredRows of(MessageHistory history) throws HistoryException {
        try (Connection c = history.reader()) {
            c.setAutoCommit(false); // one snapshot for the table and the newest row
            long[] seconds = new long[1024];
            long[] before = new long[1025];
            int n = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT second, count FROM timeline ORDER BY second");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (n == seconds.length) {
                        seconds = Arrays.copyOf(seconds, n * 2);
                        before = Arrays.copyOf(before, n * 2 + 1);
                    }
                    seconds[n] = r.getLong(1);
                    before[n + 1] = before[n] + r.getLong(2);
                    n++;
                }
            }
            long newest;
            try (PreparedStatement s = c.prepareStatement("SELECT coalesce((SELECT max(time_us) FROM messages), -1)"); ResultSet r = s.executeQuery()) {
                newest = r.next() ? r.getLong(1) : -1;
            }
            c.rollback();
            return new AllStoredRows(history, Arrays.copyOf(seconds, n), Arrays.copyOf(before, n + 1), newest);
        } catch (SQLException e) {
            throw new HistoryException("The message history could not be read: " + e.getMessage(), e);
        }
    }

    /** How many stored messages arrived before {@code epochMillis}: the seconds before from the per-second table, the rest counted. */
    public static long countBefore(MessageHistory history, long epochMillis) throws HistoryException {
        return countBeforeKey(history, epochMillis * 1000);
    }

    /** How many stored messages have a key (arrival in µs, see {@link MessageHistory#timeKey}) below {@code key}. */
    public static long countBeforeKey(MessageHistory history, long key) throws HistoryException {
        long second = Math.floorDiv(key, 1_000_000);
        try (Connection c = history.reader(); PreparedStatement s = c.prepareStatement(
                "SELECT (SELECT coalesce(sum(count), 0) FROM timeline WHERE second < ?1) "
                        + "+ (SELECT count(*) FROM messages WHERE time_us >= ?1 * 1000000 AND time_us < ?2)")) {
            s.setLong(1, second);
            s.setLong(2, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new HistoryException("The message history could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public long size() {
        return before[seconds.length];
    }

    @Override
    public long newestMillis() {
        return newestMicros < 0 ? -1 : newestMicros / 1000;
    }

    @Override
    public List<ReceivedMessage> read(long position, int count) throws HistoryException {
        int n = (int) Math.max(0, Math.min(count, size() - position));
        if (n == 0 || position < 0) {
            return List.of();
        }
        int i = secondOf(position);
        List<ReceivedMessage> rows = new ArrayList<>(n);
        try (Connection c = history.reader(); PreparedStatement s = c.prepareStatement(
                StoredRow.SELECT + "WHERE m.time_us >= ? ORDER BY m.time_us LIMIT ? OFFSET ?")) {
            s.setLong(1, seconds[i] * 1_000_000);
            s.setInt(2, n);
            s.setLong(3, position - before[i]);
            long nowNanos = System.nanoTime();
            long nowMicros = System.currentTimeMillis() * 1000;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(StoredRow.read(r, nowNanos, nowMicros));
                }
            }
        } catch (SQLException e) {
            throw new HistoryException("The message history could not be read: " + e.getMessage(), e);
        }
        while (rows.size() < n) {
            rows.add(null); // removed since the positions were counted
        }
        return rows;
    }

    @Override
    public long positionAt(long epochMillis) throws HistoryException {
        return positionAtKey(epochMillis * 1000);
    }

    /** The position of the first row with a key (arrival in µs) at or after {@code key}. */
    public long positionAtKey(long key) throws HistoryException {
        long second = Math.floorDiv(key, 1_000_000);
        int i = Arrays.binarySearch(seconds, second);
        if (i < 0) {
            return before[-i - 1];
        }
        try (Connection c = history.reader(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM messages WHERE time_us >= ? AND time_us < ?")) {
            s.setLong(1, second * 1_000_000);
            s.setLong(2, key);
            try (ResultSet r = s.executeQuery()) {
                long within = r.next() ? r.getLong(1) : 0;
                return before[i] + Math.min(within, before[i + 1] - before[i]);
            }
        } catch (SQLException e) {
            throw new HistoryException("The message history could not be read: " + e.getMessage(), e);
        }
    }

    /** The index of the second holding {@code position}. */
    private int secondOf(long position) {
        int i = Arrays.binarySearch(before, 0, seconds.length + 1, position);
        if (i >= 0) {
            while (i < seconds.length - 1 && before[i + 1] == position) {
                i++; // seconds whose count went to 0: skip to the one that holds the row
            }
            return Math.min(i, seconds.length - 1);
        }
        return -i - 2;
    }
}
