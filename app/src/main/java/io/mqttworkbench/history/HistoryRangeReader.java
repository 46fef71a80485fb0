package io.mqttworkbench.history;

import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.TopicFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Reads a range of a history oldest first, one row at a time, with the connection drops stored beside the
 * messages in their place: an export or a replay of ten million rows holds one of them at a time. Its own
 * read connection (WAL) lets the window's writer go on meanwhile; what the writer commits during the read
 * may or may not be seen. Not thread-safe: one reader, one thread.
 *
 * <p>Receive times are put on this run's monotonic clock as if the messages had arrived that long ago, the
 * markers' too, so the gaps between them are the stored ones to the microsecond.
 */
public final class HistoryRangeReader implements AutoCloseable {

    /** A message or a connection marker, at its stored time. */
    public sealed interface Item permits Message, Marker {
        /** When it happened, epoch microseconds. */
        long timeMicros();
    }

    public record Message(long timeMicros, ReceivedMessage message) implements Item {
    }

    /** The connection went down or came back here: the messages sent meanwhile are not in the history. */
    public record Marker(long timeMicros, ConnectionMarker marker) implements Item {
    }

    /** What a range holds: how many messages, and the first and last one's times (0 when none). */
    public record Extent(long messages, long firstMillis, long lastMillis) {
        public boolean isEmpty() {
            return messages == 0;
        }
    }

    /** Called for each item in time order; returns false to stop early. */
    @FunctionalInterface
    public interface Visitor<E extends Exception> {
        boolean visit(Item item) throws E;
    }

    private static final int CANCEL_CHECK_ROWS = 4096;

    private final Connection connection;
    private final TopicNames topics;
    private final Predicate<ReceivedMessage> keep;
    private final PreparedStatement messageQuery;
    private final PreparedStatement eventQuery;
    private final ResultSet messageRows;
    private final ResultSet eventRows;
    private final long nowNanos = System.nanoTime();
    private final long nowMicros = System.currentTimeMillis() * 1000;
    private Message nextMessage;
    private Marker nextMarker;
    private boolean messagesDone;
    private boolean eventsDone;
    private long scanned;
    private BooleanSupplier cancelled = () -> false;

    private HistoryRangeReader(Connection connection, HistoryRange range) throws SQLException {
        this.connection = connection;
        this.keep = range.keep();
        this.topics = new TopicNames(connection, range.topicFilter().isEmpty() ? null : TopicFilter.of(range.topicFilter()));
        this.messageQuery = connection.prepareStatement(
                "SELECT time_us, topic_id, qos, retain, payload, properties FROM messages WHERE time_us BETWEEN ? AND ? ORDER BY time_us");
        this.eventQuery = connection.prepareStatement("SELECT time_us, kind, detail FROM events WHERE time_us BETWEEN ? AND ? ORDER BY time_us, rowid");
        for (PreparedStatement s : new PreparedStatement[] {messageQuery, eventQuery}) {
            s.setLong(1, range.fromMicros());
            s.setLong(2, range.toMicros());
        }
        this.messageRows = messageQuery.executeQuery();
        this.eventRows = eventQuery.executeQuery();
    }

    /** Opens a read of {@code range}; the history file must exist (nothing is created here). */
    public static HistoryRangeReader open(Path file, HistoryRange range) throws HistoryException {
        if (!Files.isRegularFile(file)) {
            throw new HistoryException("There is no message history at " + file);
        }
        Connection c = null;
        try {
            c = HistoryFile.connect(file, false);
            return new HistoryRangeReader(c, range);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new HistoryException("The message history " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Hands each item of {@code range} to {@code visitor}, oldest first, until the range ends or the visitor
     * returns false; returns how many items it was given.
     */
    public static <E extends Exception> long forEach(Path file, HistoryRange range, Visitor<E> visitor) throws HistoryException, E {
        long visited = 0;
        try (HistoryRangeReader reader = open(file, range)) {
            for (Item item = reader.next(); item != null; item = reader.next()) {
                visited++;
                if (!visitor.visit(item)) {
                    break;
                }
            }
        }
        return visited;
    }

    /**
     * How many messages {@code range} holds, and its first and last times. Without a {@code keep} test no
     * payload is read (the topic filter is tested once per topic). Throws {@link CancellationException} once
     * {@code cancelled} says so: a count that the user's next keystroke made stale stops.
     */
    public static Extent measure(Path file, HistoryRange range, BooleanSupplier cancelled) throws HistoryException {
        if (range.keep() != null) {
            return measureByReading(file, range, cancelled);
        }
        if (!Files.isRegularFile(file)) {
            throw new HistoryException("There is no message history at " + file);
        }
        String sql = range.topicFilter().isEmpty()
                ? "SELECT count(*), coalesce(min(time_us), 0), coalesce(max(time_us), 0) FROM messages WHERE time_us BETWEEN ? AND ?"
                : "SELECT time_us, topic_id FROM messages WHERE time_us BETWEEN ? AND ? ORDER BY time_us";
        try (Connection c = HistoryFile.connect(file, false); PreparedStatement s = c.prepareStatement(sql);
             TopicNames names = new TopicNames(c, range.topicFilter().isEmpty() ? null : TopicFilter.of(range.topicFilter()))) {
            s.setLong(1, range.fromMicros());
            s.setLong(2, range.toMicros());
            try (ResultSet r = s.executeQuery()) {
                if (range.topicFilter().isEmpty()) {
                    r.next();
                    return new Extent(r.getLong(1), r.getLong(2) / 1000, r.getLong(3) / 1000);
                }
                long count = 0;
                long first = 0;
                long last = 0;
                for (long rows = 1; r.next(); rows++) {
                    if (rows % CANCEL_CHECK_ROWS == 0 && cancelled.getAsBoolean()) {
                        throw new CancellationException("count cancelled");
                    }
                    if (names.matches(r.getInt(2))) {
                        last = r.getLong(1);
                        first = count++ == 0 ? last : first;
                    }
                }
                return new Extent(count, first / 1000, last / 1000);
            }
        } catch (SQLException e) {
            throw new HistoryException("The message history " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Extent measureByReading(Path file, HistoryRange range, BooleanSupplier cancelled) throws HistoryException {
        long count = 0;
        long first = 0;
        long last = 0;
        try (HistoryRangeReader reader = open(file, range)) {
            reader.cancelWhen(cancelled);
            for (Item item = reader.next(); item != null; item = reader.next()) {
                if (item instanceof Message m) {
                    last = m.timeMicros();
                    first = count++ == 0 ? last : first;
                }
            }
        }
        return new Extent(count, first / 1000, last / 1000);
    }

    /**
     * From now on {@link #next} throws {@link CancellationException} once {@code cancelled} says so (asked
     * every few thousand rows, also while rows are being skipped).
     */
    public void cancelWhen(BooleanSupplier test) {
        this.cancelled = test;
    }

    /** The next message or marker in time order (a marker first when they share a microsecond), or null after the last. */
    public Item next() throws HistoryException {
        try {
            if (nextMessage == null && !messagesDone) {
                nextMessage = readMessage();
                messagesDone = nextMessage == null;
            }
            if (nextMarker == null && !eventsDone) {
                nextMarker = readMarker();
                eventsDone = nextMarker == null;
            }
        } catch (SQLException e) {
            throw new HistoryException("The message history could not be read on: " + e.getMessage(), e);
        }
        Item item;
        if (nextMarker != null && (nextMessage == null || nextMarker.timeMicros() <= nextMessage.timeMicros())) {
            item = nextMarker;
            nextMarker = null;
        } else {
            item = nextMessage;
            nextMessage = null;
        }
        return item;
    }

    /** Message rows read so far, kept or not: how far through the range the read is. */
    public long scanned() {
        return scanned;
    }

    private Message readMessage() throws SQLException {
        while (messageRows.next()) {
            if (++scanned % CANCEL_CHECK_ROWS == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("read of the history cancelled");
            }
            int topic = messageRows.getInt(2);
            if (!topics.matches(topic)) {
                continue; // the payload of a topic that is not wanted is never read
            }
            long timeUs = messageRows.getLong(1);
            String name = topics.name(topic);
            ReceivedMessage m = new ReceivedMessage(name == null ? "?" : name, messageRows.getBytes(5), messageRows.getInt(3),
                    messageRows.getInt(4) != 0, false, nanosAt(timeUs), timeUs / 1000, StoredRow.properties(messageRows.getString(6)));
            if (keep == null || keep.test(m)) {
                return new Message(timeUs, m);
            }
        }
        return null;
    }

    private Marker readMarker() throws SQLException {
        while (eventRows.next()) {
            long timeUs = eventRows.getLong(1);
            ConnectionMarker.Kind kind;
            try {
                kind = ConnectionMarker.Kind.byId(eventRows.getString(2));
            } catch (IllegalArgumentException e) {
                continue; // an event of a kind this version does not know
            }
            String detail = eventRows.getString(3) == null ? "" : eventRows.getString(3);
            boolean resumed = kind == ConnectionMarker.Kind.RECONNECT && detail.equals(ConnectionMarker.SESSION_RESUMED);
            return new Marker(timeUs, new ConnectionMarker(kind, timeUs / 1000, nanosAt(timeUs), detail, resumed));
        }
        return null;
    }

    private long nanosAt(long timeUs) {
        return nowNanos - (nowMicros - timeUs) * 1000;
    }

    @Override
    public void close() {
        try {
            messageRows.close();
            eventRows.close();
            messageQuery.close();
            eventQuery.close();
            topics.close();
        } catch (SQLException ignored) {
            // the connection is closed below anyway
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to free
        }
    }
}
