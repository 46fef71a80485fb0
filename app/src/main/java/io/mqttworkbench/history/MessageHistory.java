package io.mqttworkbench.history;

import io.mqttworkbench.message.MessageJson;
import io.mqttworkbench.mqtt.ConnectionEvent;
import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One profile's message history in SQLite (docs/history-store.md says why SQLite, and what was measured).
 * The arrival time in microseconds is the table's key, so the table is in time order and a time range is a
 * range of its b-tree; there is no index on the topic (it cost three quarters of the insert rate). Small
 * tables kept in the same transaction answer what would otherwise scan millions of rows: messages per
 * second (the timeline), per topic per minute, and each topic's newest message (the tree after a restart).
 *
 * <p>One connection writes (the {@link HistoryWriter}'s thread); reads use their own connections, which
 * WAL lets run beside the writer, in this process or another. Another process may write the same file too
 * ({@code record --history} beside the window): each write takes the file's lock before it picks keys and topic ids.
 * The read queries are in {@link HistoryQueries}.
 */
public final class MessageHistory implements HistoryWriter.Sink, AutoCloseable {

    /** What opening found: the history, and a sentence when a damaged file had to be set aside. */
    public record Opened(MessageHistory history, String notice) {
    }


    private final Path file;
    private final Connection writer;
    private final NameIds topicIds = new NameIds("topics", "name");
    private final NameIds subscriptionIds = new NameIds("subscriptions", "filter");
    /** Which subscription filter a message on a topic came through; null for none known. */
    private volatile java.util.function.Function<ReceivedMessage, String> subscriptionOf = message -> null;
    private long lastTimeUs;

    private MessageHistory(Path file, Connection writer) throws SQLException {
        this.file = file;
        this.writer = writer;
        topicIds.load(writer);
        try (Statement s = writer.createStatement(); ResultSet r = s.executeQuery("SELECT max(time_us) FROM messages")) {
            lastTimeUs = r.next() ? r.getLong(1) : 0;
        }
        writer.setAutoCommit(false);
    }

    /**
     * Opens the history in {@code file}, creating it. A file SQLite cannot read is moved aside untouched
     * (as {@code NAME.unreadable-TIME}) and a new one begun: a damaged history never blocks the start.
     */
    public static Opened open(Path file) throws HistoryException {
        HistoryFile.Opened opened = HistoryFile.open(file);
        try {
            return new Opened(new MessageHistory(file, opened.connection()), opened.notice());
        } catch (SQLException e) {
            throw new HistoryException("The message history " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Where a profile's history lives in {@code messagesFolder}: its id, made safe as a file name. */
    public static Path fileFor(Path messagesFolder, String profileId) {
        return HistoryFile.fileFor(messagesFolder, profileId);
    }

    /** A connection for reading beside the writer. */
    Connection reader() throws SQLException {
        return HistoryFile.connect(file, false);
    }

    /**
     * Tells the writer which subscription a message came through (by its subscription identifier, or the
     * connection's filters as they are when it is written), so each row keeps it. Called on the writer's thread.
     */
    public void matchSubscriptions(java.util.function.Function<ReceivedMessage, String> filterOfMessage) {
        subscriptionOf = filterOfMessage;
    }

    /** The subscription filter each stored message came through, by key; messages without one are left out. */
    public Map<Long, String> subscriptionsOf(long fromKey, long toKey) throws HistoryException {
        return HistoryQueries.subscriptionsOf(this, fromKey, toKey);
    }

    public Path file() {
        return file;
    }

    /** Work on the writer's connection, in a transaction of its own. */
    interface WriterWork<T> {
        T run(Connection writer) throws SQLException;
    }

    /** Runs {@code work} as one transaction on the writer's connection, new messages waiting meanwhile; rolled back when it fails. */
    synchronized <T> T writing(WriterWork<T> work, String failure) throws HistoryException {
        try {
            T result = work.run(writer);
            writer.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw new HistoryException(failure + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void write(List<ReceivedMessage> messages, List<ConnectionMarker> markers) throws HistoryException {
        try (PreparedStatement insert = writer.prepareStatement(
                     "INSERT INTO messages (time_us, topic_id, qos, retain, payload, properties, readable, subscription_id) "
                             + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement second = writer.prepareStatement(
                     "INSERT INTO timeline (second, count) VALUES (?, ?) ON CONFLICT (second) DO UPDATE SET count = count + excluded.count");
             PreparedStatement latest = writer.prepareStatement(
                     "INSERT INTO latest (topic_id, time_us) VALUES (?, ?) ON CONFLICT (topic_id) DO UPDATE SET time_us = excluded.time_us");
             PreparedStatement event = writer.prepareStatement("INSERT INTO events (time_us, kind, detail) VALUES (?, ?, ?)")) {
            catchUpWithOtherWriters();
            Map<Long, Integer> perSecond = new HashMap<>();
            Map<Integer, Long> newest = new HashMap<>();
            for (ReceivedMessage m : messages) {
                // strictly increasing: the time is the row's key, so a tie or a clock stepping back moves on by 1 µs
                long timeUs = Math.max(timeKey(m), lastTimeUs + 1);
                lastTimeUs = timeUs;
                int topic = topicIds.idOf(writer, m.topic());
                insert.setLong(1, timeUs);
                insert.setInt(2, topic);
                insert.setInt(3, m.qos());
                insert.setInt(4, m.retained() ? 1 : 0);
                insert.setBytes(5, m.payload());
                insert.setString(6, m.properties() == null || m.properties().isEmpty() ? null : propertiesJson(m));
                insert.setInt(7, TextPrefilter.readable(m.payload()) ? 1 : 0);
                Integer subscription = subscriptionIds.idOf(writer, subscriptionOf.apply(m));
                if (subscription == null) {
                    insert.setNull(8, java.sql.Types.INTEGER);
                } else {
                    insert.setInt(8, subscription);
                }
                insert.addBatch();
                perSecond.merge(timeUs / 1_000_000, 1, Integer::sum);
                newest.put(topic, timeUs);
            }
            insert.executeBatch();
            for (Map.Entry<Long, Integer> e : perSecond.entrySet()) {
                second.setLong(1, e.getKey());
                second.setInt(2, e.getValue());
                second.addBatch();
            }
            second.executeBatch();
            for (Map.Entry<Integer, Long> e : newest.entrySet()) {
                latest.setInt(1, e.getKey());
                latest.setLong(2, e.getValue());
                latest.addBatch();
            }
            latest.executeBatch();
            for (ConnectionMarker marker : markers) {
                event.setLong(1, marker.epochMillis() * 1000);
                event.setString(2, marker.kind().id());
                event.setString(3, marker.text());
                event.addBatch();
            }
            event.executeBatch();
            writer.commit();
            topicIds.committed();
            subscriptionIds.committed();
        } catch (SQLException e) {
            rollback();
            throw new HistoryException("The message history could not be written: " + e.getMessage(), e);
        }
    }

    /** Connection events, except our own publishes and notes: stored as {@code event:KIND}, which the recording's markers never use. */
    @Override
    public synchronized void events(List<ConnectionEvent> events) throws HistoryException {
        try (PreparedStatement insert = writer.prepareStatement("INSERT INTO events (time_us, kind, detail) VALUES (?, ?, ?)")) {
            for (ConnectionEvent e : events) {
                if (e.kind() == ConnectionEvent.Kind.PUBLISH || e.kind() == ConnectionEvent.Kind.INFO) {
                    continue;
                }
                insert.setLong(1, e.epochMillis() * 1000);
                insert.setString(2, "event:" + e.kind().name().toLowerCase(java.util.Locale.ROOT));
                insert.setString(3, e.text());
                insert.addBatch();
            }
            insert.executeBatch();
            writer.commit();
        } catch (SQLException e) {
            rollback();
            throw new HistoryException("The message history could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * The key a message is stored under, unless an earlier one took it (then the next free microsecond): its
     * arrival in epoch microseconds, the sub-millisecond part from its monotonic receive time.
     */
    public static long timeKey(ReceivedMessage m) {
        return m.receivedEpochMillis() * 1000 + Math.floorMod(Math.floorDiv(m.receivedNanos(), 1000), 1000);
    }

    /**
     * Takes the file's write lock, then moves past the newest key stored. Another process may write the same
     * file (record --history beside the window): holding the lock, what is read here stays true until the commit,
     * so the two never take the same key. The driver begins transactions deferred: a first statement that only
     * read would make the later write fail at once (SQLITE_BUSY) where the other writer had committed meanwhile;
     * a write first waits for the other writer instead (busy_timeout).
     */
    private void catchUpWithOtherWriters() throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.executeUpdate("UPDATE meta SET value = value WHERE key = 'none'"); // changes nothing, takes the lock
            try (ResultSet r = s.executeQuery("SELECT coalesce(max(time_us), 0) FROM messages")) {
                lastTimeUs = Math.max(lastTimeUs, r.next() ? r.getLong(1) : 0);
            }
        }
    }

    /** The MQTT 5 properties as the message log's JSON export writes them. */
    private static String propertiesJson(ReceivedMessage m) {
        return MessageJson.toJson(new ReceivedMessage(m.topic(), new byte[0], m.qos(), m.retained(), false, 0, 0, m.properties()));
    }


    private void rollback() {
        subscriptionIds.rolledBack();
        topicIds.rolledBack();
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the next write says so
        }
    }

    /** The newest message of every topic: what the tree shows again after a restart. */
    public List<ReceivedMessage> lastValues() throws HistoryException {
        return HistoryQueries.lastValues(this);
    }

    /** Up to {@code limit} messages that arrived before {@code beforeMillis} (null: the newest), newest first. */
    public List<ReceivedMessage> newest(Long beforeMillis, int limit) throws HistoryException {
        return HistoryQueries.newest(this, beforeMillis, limit);
    }

    /**
     * The newest {@code limit} messages in {@code [fromMillis, toMillis]} (null ends are open) that
     * {@code keep} accepts, oldest first: read newest first in time order and tested in Java, so any search
     * the log can run works here too.
     */
    public List<ReceivedMessage> find(Long fromMillis, Long toMillis, java.util.function.Predicate<ReceivedMessage> keep, int limit)
            throws HistoryException {
        return HistoryQueries.find(this, fromMillis, toMillis, keep, limit);
    }

    /** Messages stored. */
    public long count() throws HistoryException {
        return single("SELECT count(*) FROM messages");
    }

    /** When the oldest message kept arrived. */
    public OptionalLong oldestMillis() throws HistoryException {
        long oldest = single("SELECT coalesce((SELECT min(time_us) FROM messages), -1)");
        return oldest < 0 ? OptionalLong.empty() : OptionalLong.of(oldest / 1000);
    }

    /** Messages per bucket over a range, from the per-second table: no scan of the messages. */
    public long[] countsPerBucket(long fromMillis, long bucketMillis, int buckets) throws HistoryException {
        return HistoryQueries.countsPerBucket(this, fromMillis, bucketMillis, buckets);
    }

    /** Bytes the history takes on disk: the pages in use and the write-ahead log. */
    public long bytesOnDisk() throws HistoryException {
        long pages = single("PRAGMA page_count") - single("PRAGMA freelist_count");
        long wal = 0;
        try {
            Path walFile = file.resolveSibling(file.getFileName() + "-wal");
            wal = Files.exists(walFile) ? Files.size(walFile) : 0;
        } catch (java.io.IOException ignored) {
            // no WAL to count
        }
        return pages * single("PRAGMA page_size") + wal;
    }

    /** Messages retention has removed since the history began. */
    public long droppedByRetention() throws HistoryException {
        return single("SELECT coalesce((SELECT value FROM meta WHERE key = 'retention_dropped'), 0)");
    }

    private synchronized long single(String sql) throws HistoryException {
        try (Statement s = writer.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            throw new HistoryException("The message history could not be read: " + e.getMessage(), e);
        } finally {
            rollback(); // reads on the writer's connection end their transaction
        }
    }

    /**
     * Removes the oldest messages, first those older than {@code maxAgeMillis}, then more until the history
     * takes at most {@code maxBytes}; gives the space back to the disk and counts what went. Returns how many
     * messages were removed.
     */
    public long applyRetention(long maxAgeMillis, long maxBytes, long nowMillis) throws HistoryException {
        return HistoryRetention.apply(this, maxAgeMillis, maxBytes, nowMillis);
    }

    /** Gives freed pages back to the disk (auto_vacuum = INCREMENTAL: only when asked). */
    void vacuum() throws HistoryException {
        outsideTransaction(s -> {
            s.executeUpdate("PRAGMA incremental_vacuum"); // executeUpdate runs it to the end; execute frees one page
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            return null;
        }, "Could not give freed space back to the disk");
    }

    /** Runs statements that cannot run in a transaction (VACUUM, checkpoints) on the writer's connection, new messages waiting. */
    synchronized <T> T outsideTransaction(StatementWork<T> work, String failure) throws HistoryException {
        try {
            writer.commit();
            writer.setAutoCommit(true);
            try (Statement s = writer.createStatement()) {
                return work.run(s);
            } finally {
                writer.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw new HistoryException(failure + ": " + e.getMessage(), e);
        }
    }

    interface StatementWork<T> {
        T run(Statement statement) throws SQLException;
    }

    /** Forgets every stored message (the user asked, after being asked) and frees the disk; how many messages went. */
    public synchronized long clear() throws HistoryException {
        long removed;
        try (Statement s = writer.createStatement()) {
            removed = s.executeUpdate("DELETE FROM messages");
            for (String table : List.of("latest", "timeline", "events")) {
                s.executeUpdate("DELETE FROM " + table);
            }
            writer.commit();
        } catch (SQLException e) {
            rollback();
            throw new HistoryException("The message history could not be cleared: " + e.getMessage(), e);
        }
        vacuum();
        return removed;
    }

    /** Removes a closed history's files from the disk: the profile was deleted. */
    public static void delete(Path file) throws HistoryException {
        try {
            for (Path f : HistoryFile.withSideFiles(file)) {
                Files.deleteIfExists(f);
            }
        } catch (java.io.IOException e) {
            throw new HistoryException("The message history " + file + " could not be removed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.commit();
            writer.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
