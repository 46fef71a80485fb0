package io.mqttworkbench.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * What the user asks of a history as a whole: how much it holds, and to forget all of it or a topic's
 * subtree, giving the space back to the disk. The figures come from the small tables, never a scan of the
 * messages; a subtree's clear scans them in steps, so the writer waits at most one step.
 */
public final class HistoryMaintenance {

    /** Messages looked at per transaction by a subtree's clear: about a second's work, then the writer gets its turn. */
    static final int CLEAR_STEP = 200_000;
    /** The share of the messages a subtree's clear must remove for the file to be rewritten at once. */
    static final int COMPACT_SHARE_PERCENT = 5;

    /**
     * What a history holds.
     *
     * @param bytesOnDisk the pages in use and the write-ahead log
     * @param droppedByRetention messages retention removed since the history began
     */
    public record Summary(long messages, OptionalLong oldestMillis, long bytesOnDisk, long droppedByRetention) {
    }

    /**
     * What a clear removed.
     *
     * @param bytesFreed what the history's files shrank by
     * @param compact  whether the file was compacted (or had nothing to compact), else why not
     */
    public record Removed(long messages, long bytesFreed, Compact compact) {

        /** Empty when the file was compacted (or had nothing to compact), else why not, in English. */
        public String compactNote() {
            return compact.message();
        }
    }

    /**
     * Why the file was not rewritten after a clear, so the window can say it in its own language.
     *
     * @param detail what the disk said, for {@link Why#FAILED}; else empty
     */
    public record Compact(Why why, String detail) {
        public static final Compact DONE = new Compact(Why.DONE, "");

        public enum Why { DONE, TOO_FEW, NO_ROOM, FAILED }

        /** Empty when compacted, else why not, in English. */
        public String message() {
            return switch (why) {
                case DONE -> "";
                case TOO_FEW -> "too few to rewrite the file for: their space is freed as retention reaches them";
                case NO_ROOM -> "the file was not compacted: that needs twice its size free on the disk";
                case FAILED -> "the file was not compacted: " + detail;
            };
        }
    }

    private final MessageHistory history;
    private final int step;

    public HistoryMaintenance(MessageHistory history) {
        this(history, CLEAR_STEP);
    }

    /** @param step rows looked at per transaction by a subtree's clear (tests take a few, to see several steps) */
    HistoryMaintenance(MessageHistory history, int step) {
        this.history = history;
        this.step = step;
    }

    /** The figures for the status line, read beside the writer (it does not wait for a retention run or a clear). */
    public Summary summary() throws HistoryException {
        try (Connection c = history.reader(); Statement s = c.createStatement()) {
            // the per-second counts add up to the rows: milliseconds at 10 million messages where count(*) takes seconds
            long messages = single(s, "SELECT coalesce(sum(count), 0) FROM timeline");
            long oldest = single(s, "SELECT coalesce(min(time_us), -1) FROM messages");
            long pages = single(s, "PRAGMA page_count") - single(s, "PRAGMA freelist_count");
            long bytes = pages * single(s, "PRAGMA page_size") + size(history.file().resolveSibling(history.file().getFileName() + "-wal"));
            long dropped = single(s, "SELECT coalesce((SELECT value FROM meta WHERE key = 'retention_dropped'), 0)");
            return new Summary(messages, oldest < 0 ? OptionalLong.empty() : OptionalLong.of(oldest / 1000), bytes, dropped);
        } catch (SQLException e) {
            throw new HistoryException("The message history could not be read: " + e.getMessage(), e);
        }
    }

    /** How many topics at or under {@code topic} have messages stored: from the newest-per-topic table, no scan. */
    public int topicsWithMessagesUnder(String topic) throws HistoryException {
        try (Connection c = history.reader(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM latest l JOIN topics t ON t.id = l.topic_id WHERE " + SUBTREE)) {
            bindSubtree(s, topic);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new HistoryException("The message history could not be read: " + e.getMessage(), e);
        }
    }

    /** Forgets every message and frees the disk. */
    public Removed clearAll() throws HistoryException {
        long before = filesSize();
        long removed = history.clear();
        return new Removed(removed, Math.max(0, before - filesSize()), Compact.DONE);
    }

    /**
     * Forgets the messages of {@code topic} and every topic under it (the topic filter {@code topic/#} and
     * {@code topic} itself), their newest-message entries, and their share of each second's count; then frees
     * the disk. Messages that arrive meanwhile are kept.
     *
     * <p>A topic's messages are spread between the others', so removing them leaves pages part empty, which
     * only a VACUUM gives back: that rewrites the file (16 s per GB measured) with the writer waiting, so it
     * runs when at least {@value #COMPACT_SHARE_PERCENT} % of the messages went; a smaller gap goes when
     * retention reaches it.
     */
    public Removed clearSubtree(String topic) throws HistoryException {
        long before = filesSize();
        long messagesBefore = summary().messages();
        String failure = "The stored messages of " + topic + " could not be removed";
        long[] range = history.writing(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE IF NOT EXISTS clearing (id INTEGER PRIMARY KEY)");
                s.execute("DELETE FROM clearing");
            }
            try (PreparedStatement ids = c.prepareStatement("INSERT INTO clearing SELECT id FROM topics t WHERE " + SUBTREE)) {
                bindSubtree(ids, topic);
                ids.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                return new long[] {single(s, "SELECT count(*) FROM clearing"), single(s, "SELECT coalesce(min(time_us), 0) FROM messages"),
                        single(s, "SELECT coalesce(max(time_us), -1) FROM messages")};
            }
        }, failure);
        long removed = 0;
        if (range[0] > 0) {
            long from = range[1];
            long last = range[2];
            while (from <= last) {
                long start = from;
                long end = Math.min(last, stepEnd(start));
                removed += history.writing(c -> removeBetween(c, start, end), failure);
                from = end + 1;
            }
            history.writing(c -> {
                try (PreparedStatement latest = c.prepareStatement("DELETE FROM latest WHERE topic_id IN (SELECT id FROM clearing) AND time_us <= ?")) {
                    latest.setLong(1, last);
                    return latest.executeUpdate();
                }
            }, failure);
        }
        history.writing(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("DROP TABLE IF EXISTS temp.clearing");
            }
        }, failure);
        history.vacuum();
        Compact note = Compact.DONE;
        if (removed > 0 && removed * 100 >= messagesBefore * COMPACT_SHARE_PERCENT) {
            note = compact();
        } else if (removed > 0) {
            note = new Compact(Compact.Why.TOO_FEW, "");
        }
        return new Removed(removed, Math.max(0, before - filesSize()), note);
    }

    /** Rewrites the file without its part-empty pages; done, or why not. */
    private Compact compact() throws HistoryException {
        long size = filesSize();
        try {
            // the copy goes to a temporary file, then through the write-ahead log: twice the file's size for a while
            long free = Files.getFileStore(history.file().toAbsolutePath().getParent()).getUsableSpace();
            if (free < 2 * size + 64L * 1024 * 1024) {
                return new Compact(Compact.Why.NO_ROOM, "");
            }
        } catch (IOException e) {
            return new Compact(Compact.Why.FAILED, e.getMessage());
        }
        history.outsideTransaction(s -> {
            s.execute("PRAGMA temp_store = FILE"); // not memory: the copy is as large as the file
            try {
                return s.execute("VACUUM");
            } finally {
                s.execute("PRAGMA temp_store = MEMORY");
            }
        }, "The message history could not be compacted");
        history.vacuum(); // the checkpoint: the rewritten pages leave the write-ahead log
        return Compact.DONE;
    }

    /** The time of the message {@link #step} rows on from {@code start}, or the newest. */
    private long stepEnd(long start) throws HistoryException {
        return history.writing(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT time_us FROM messages WHERE time_us >= ? ORDER BY time_us LIMIT 1 OFFSET ?")) {
                s.setLong(1, start);
                s.setInt(2, step - 1);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getLong(1) : Long.MAX_VALUE;
                }
            }
        }, "The message history could not be read");
    }

    /** One step: the seconds' counts lose the rows about to go, then the rows go. */
    private static long removeBetween(Connection c, long from, long to) throws SQLException {
        String rows = "FROM messages WHERE time_us BETWEEN ?1 AND ?2 AND topic_id IN (SELECT id FROM clearing)";
        try (PreparedStatement seconds = c.prepareStatement("UPDATE timeline SET count = timeline.count - gone.n FROM "
                + "(SELECT time_us / 1000000 AS second, count(*) AS n " + rows + " GROUP BY 1) AS gone WHERE timeline.second = gone.second");
             PreparedStatement empty = c.prepareStatement("DELETE FROM timeline WHERE second BETWEEN ?1 / 1000000 AND ?2 / 1000000 AND count <= 0");
             PreparedStatement messages = c.prepareStatement("DELETE " + rows)) {
            for (PreparedStatement s : new PreparedStatement[] {seconds, empty, messages}) {
                s.setLong(1, from);
                s.setLong(2, to);
            }
            seconds.executeUpdate();
            empty.executeUpdate();
            return messages.executeUpdate();
        }
    }

    /** A topic and its subtree, by name: equal, or starting with it and a '/' (no LIKE: '%' and '_' are allowed in topics). */
    private static final String SUBTREE = "(t.name = ?1 OR substr(t.name, 1, ?2) = ?3)";

    private static void bindSubtree(PreparedStatement s, String topic) throws SQLException {
        s.setString(1, topic);
        s.setInt(2, topic.codePointCount(0, topic.length()) + 1); // substr counts characters, not UTF-16 units
        s.setString(3, topic + "/");
    }

    private long filesSize() {
        long total = 0;
        for (Path f : HistoryFile.withSideFiles(history.file())) {
            total += size(f);
        }
        return total;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0; // gone meanwhile
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : 0;
        }
    }
}
