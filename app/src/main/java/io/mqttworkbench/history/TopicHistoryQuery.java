package io.mqttworkbench.history;

import io.mqttworkbench.mqtt.ReceivedMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One topic's stored messages, newest first: what the topic detail pane shows beyond the few it keeps in
 * memory. Nothing indexes the topic (docs/history-store.md says why), so this scans the time-ordered
 * messages backwards in windows of time: it starts at the topic's newest message (the {@code latest} table),
 * sizes each window from the rows the per-second {@code timeline} table counts in it and the topic's share
 * of them so far, and stops when it has enough. A window holds up to about {@link #MAX_WINDOW_ROWS} rows (twice
 * that after a burst), so cancelling takes effect within one window, and progress is reported after each.
 */
public final class TopicHistoryQuery {

    /** Rows the first window covers; later ones follow the topic's share of the traffic. */
    static final long FIRST_WINDOW_ROWS = 50_000;
    /** The first window's length in µs, before the traffic's rate is known. */
    private static final long FIRST_SPAN_US = 60_000_000;
    /**
     * Sets the longest a cancel waits and the time between two reports: a window of 250,000 rows took 25 to 60 ms
     * with the file in the page cache, and a 1,000,000-row one about 3.5 s from the disk (the machine
     * docs/history-store.md describes; bench.TopicHistoryBenchmark).
     */
    static final long MAX_WINDOW_ROWS = 250_000;

    /**
     * What a read found.
     *
     * @param newestFirst the messages, newest first
     * @param complete there are no older messages of the topic in the range
     * @param cancelled the read stopped because it was cancelled; {@code newestFirst} holds what it found until then
     */
    public record Result(List<ReceivedMessage> newestFirst, boolean complete, boolean cancelled) {
    }

    /** Told after each window: how far back the scan has got, and what it has found so far (newest first). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (backToMillis, found) -> { };

        void searched(long backToMillis, List<ReceivedMessage> found);
    }

    private final MessageHistory history;

    public TopicHistoryQuery(MessageHistory history) {
        this.history = history;
    }

    /** The newest {@code limit} messages of exactly {@code topic} that arrived before {@code beforeMillis} (null: any). */
    public Result newest(String topic, Long beforeMillis, int limit) throws HistoryException {
        return newest(topic, null, beforeMillis, limit, () -> false, Progress.NONE);
    }

    /**
     * The newest {@code limit} messages of exactly {@code topic} (not the topics below it) that arrived in
     * {@code [fromMillis, beforeMillis)}; a null end is open.
     */
    public Result newest(String topic, Long fromMillis, Long beforeMillis, int limit, BooleanSupplier cancelled, Progress progress)
            throws HistoryException {
        long floor = fromMillis == null ? Long.MIN_VALUE : fromMillis * 1000;
        long upper = beforeMillis == null ? Long.MAX_VALUE : beforeMillis * 1000;
        List<ReceivedMessage> found = new ArrayList<>(Math.min(limit, 10_000));
        if (limit <= 0 || upper <= floor) {
            return new Result(found, upper <= floor, false);
        }
        try (Connection c = history.reader()) {
            long topicId = single(c, "SELECT id FROM topics WHERE name = ?", topic);
            if (topicId < 0) {
                return new Result(found, true, false);
            }
            // nothing of the topic after its newest message: the rest of the traffic is skipped
            long newest = single(c, "SELECT time_us FROM latest WHERE topic_id = ?", topicId);
            if (newest < 0) {
                newest = single(c, "SELECT coalesce(max(time_us), -1) FROM messages");
            }
            upper = Math.min(upper, newest + 1);
            floor = Math.max(floor, single(c, "SELECT coalesce(min(time_us), 0) FROM messages"));
            // one more than asked says whether older ones are left
            Result result = scan(c, topic, topicId, floor, upper, limit == Integer.MAX_VALUE ? limit : limit + 1, found, cancelled, progress);
            if (found.size() > limit) {
                return new Result(found.subList(0, limit), false, result.cancelled());
            }
            return result;
        } catch (SQLException e) {
            throw new HistoryException("The message history could not be read: " + e.getMessage(), e);
        }
    }

    /** When the newest stored message (of any topic) arrived, or -1 when there is none. */
    public long newestMillis() throws HistoryException {
        try (Connection c = history.reader(); PreparedStatement s = c.prepareStatement("SELECT max(time_us) FROM messages");
             ResultSet r = s.executeQuery()) {
            long newest = r.next() ? r.getLong(1) : 0;
            return r.wasNull() ? -1 : Math.floorDiv(newest, 1000);
        } catch (SQLException e) {
            throw new HistoryException("The message history could not be read: " + e.getMessage(), e);
        }
    }

    private static Result scan(Connection c, String topic, long topicId, long floor, long upper, int limit, List<ReceivedMessage> found,
                               BooleanSupplier cancelled, Progress progress) throws SQLException {
        long nowNanos = System.nanoTime();
        long nowMicros = System.currentTimeMillis() * 1000;
        try (PreparedStatement counts = c.prepareStatement("SELECT coalesce(sum(count), 0) FROM timeline WHERE second BETWEEN ? AND ?");
             PreparedStatement rows = c.prepareStatement("SELECT ?, time_us, qos, retain, payload, properties FROM messages "
                     + "WHERE time_us >= ? AND time_us < ? AND +topic_id = ? ORDER BY time_us DESC LIMIT ?")) {
            rows.setString(1, topic);
            rows.setLong(4, topicId);
            long windowRows = FIRST_WINDOW_ROWS;
            long span = FIRST_SPAN_US;
            while (found.size() < limit && upper > floor) {
                if (cancelled.getAsBoolean()) {
                    return new Result(found, false, true);
                }
                long lower = upper - floor <= span ? floor : upper - span;
                long covered = counted(counts, lower, upper);
                // a burst can put far more rows in a span than the rate before it said: halve it until it fits
                while (covered > 2 * windowRows && upper - lower > 1_000_000) {
                    lower = upper - (upper - lower) / 2;
                    covered = counted(counts, lower, upper);
                }
                int before = found.size();
                rows.setLong(2, lower);
                rows.setLong(3, upper);
                rows.setInt(5, limit - before);
                try (ResultSet r = rows.executeQuery()) {
                    while (r.next()) {
                        found.add(StoredRow.read(r, nowNanos, nowMicros));
                    }
                }
                progress.searched(Math.floorDiv(lower, 1000), List.copyOf(found));
                windowRows = nextWindow(windowRows, covered, found.size() - before, limit - found.size());
                // the next span holds about windowRows at this one's rate, and grows at most 16 times
                long took = upper - lower;
                long most = took > Long.MAX_VALUE / 16 ? Long.MAX_VALUE : took * 16;
                span = covered == 0 ? most : (long) Math.max(1_000_000, Math.min(most, took * (double) windowRows / covered));
                upper = lower;
            }
        }
        return new Result(found, found.size() < limit, false);
    }

    /** The rows the per-second table counts in [lower, upper) µs, whole seconds at both ends. */
    private static long counted(PreparedStatement counts, long lower, long upper) throws SQLException {
        counts.setLong(1, Math.floorDiv(lower, 1_000_000));
        counts.setLong(2, Math.floorDiv(upper - 1, 1_000_000));
        try (ResultSet r = counts.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    /** The next window's rows: what the topic's share so far says the rest needs, a fifth more, within bounds. */
    private static long nextWindow(long windowRows, long covered, int hits, int missing) {
        if (hits == 0 || covered == 0) {
            return Math.min(MAX_WINDOW_ROWS, windowRows * 4);
        }
        double needed = missing * (double) covered / hits * 1.2;
        return Math.max(FIRST_WINDOW_ROWS, Math.min(MAX_WINDOW_ROWS, (long) needed));
    }

    private static long single(Connection c, String sql, Object... arguments) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                s.setObject(i + 1, arguments[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : -1;
            }
        }
    }
}
