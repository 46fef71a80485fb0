package io.mqttworkbench.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Retention: the oldest messages go, by age, then by size, a step at a time on the writer's connection (new
 * messages wait at most one step), and what went is counted. The small tables the writer keeps follow.
 */
final class HistoryRetention {
    /** Rows deleted per transaction, so the writer never waits long. */
    private static final int STEP = 50_000;

    private HistoryRetention() {
    }

    /**
     * Removes the oldest messages, first those older than {@code maxAgeMillis}, then more until the history
     * takes at most {@code maxBytes}; gives the space back to the disk. Returns how many messages were removed.
     */
    static long apply(MessageHistory history, long maxAgeMillis, long maxBytes, long nowMillis) throws HistoryException {
        long removed = maxAgeMillis >= nowMillis ? 0 : deleteBefore(history, (nowMillis - maxAgeMillis) * 1000);
        long bytes;
        long rows;
        while ((bytes = history.bytesOnDisk()) > maxBytes && (rows = history.count()) > 0) {
            // as many of the oldest as the excess takes at the average row's size (a little more), at most a step
            long excessRows = (long) Math.ceil((bytes - maxBytes) / Math.max(1.0, (double) bytes / rows) * 1.05);
            long n = Math.max(1, Math.min(STEP, excessRows));
            long cut = n >= rows ? Long.MAX_VALUE - 1 : nthOldest(history, n - 1);
            long step = deleteBefore(history, cut + 1);
            removed += step;
            history.vacuum();
            if (step == 0) {
                break;
            }
        }
        history.vacuum();
        return removed;
    }

    private static long nthOldest(MessageHistory history, long offset) throws HistoryException {
        return history.writing(writer -> {
            try (PreparedStatement s = writer.prepareStatement("SELECT time_us FROM messages ORDER BY time_us LIMIT 1 OFFSET ?")) {
                s.setLong(1, offset);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getLong(1) : Long.MAX_VALUE - 1;
                }
            }
        }, "Retention could not find the oldest messages");
    }

    private static long deleteBefore(MessageHistory history, long timeUs) throws HistoryException {
        return history.writing(writer -> {
            try (PreparedStatement m = writer.prepareStatement("DELETE FROM messages WHERE time_us < ?");
                 PreparedStatement t = writer.prepareStatement("DELETE FROM timeline WHERE second < ?");
                 PreparedStatement l = writer.prepareStatement("DELETE FROM latest WHERE time_us < ?");
                 PreparedStatement e = writer.prepareStatement("DELETE FROM events WHERE time_us < ?");
                 PreparedStatement meta = writer.prepareStatement("INSERT INTO meta (key, value) VALUES ('retention_dropped', ?) "
                         + "ON CONFLICT (key) DO UPDATE SET value = value + excluded.value")) {
                m.setLong(1, timeUs);
                int removed = m.executeUpdate();
                t.setLong(1, timeUs / 1_000_000);
                t.executeUpdate();
                recountSecond(writer, timeUs / 1_000_000); // the cut can fall inside a second: its count must say what is left
                l.setLong(1, timeUs);
                l.executeUpdate();
                e.setLong(1, timeUs);
                e.executeUpdate();
                meta.setLong(1, removed);
                meta.executeUpdate();
                return (long) removed;
            }
        }, "Retention could not remove old messages");
    }

    private static void recountSecond(Connection writer, long second) throws SQLException {
        try (PreparedStatement u = writer.prepareStatement("UPDATE timeline SET count = "
                + "(SELECT count(*) FROM messages WHERE time_us >= ?1 * 1000000 AND time_us < (?1 + 1) * 1000000) WHERE second = ?1");
             PreparedStatement d = writer.prepareStatement("DELETE FROM timeline WHERE second = ? AND count = 0")) {
            u.setLong(1, second);
            u.executeUpdate();
            d.setLong(1, second);
            d.executeUpdate();
        }
    }
}
