package io.mqttworkbench.bench;

import io.mqttworkbench.bench.HistoryWorkload.Msg;
import io.mqttworkbench.mqtt.TopicFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * One database as the message history would use it: the schema and statements that would ship, behind the
 * operations the benchmark times. Topic filters are resolved to topic ids in Java (a few thousand topics) and
 * queried by id. The writer is one thread with its own connection; readers get their own connections.
 */
abstract class HistoryCandidate implements AutoCloseable {

    /** One timed query; the number it returns (rows or a count) must be the same for both databases. */
    record Query(String name, Callable<Long> run) {
    }

    /**
     * What the queries look for: a filter, an exact topic, an hour, the whole day; {@code regexLiteral} is text every
     * match of {@code regex} contains (picked by hand here; the application would take the longest literal run of
     * a pattern without alternation), for a database prefilter.
     */
    record Params(String filter, String exactTopic, long hourFromUs, long hourToUs, long dayFromUs, long dayToUs, String text,
                  String regex, String regexLiteral, String userProperty) {
    }

    static final long MINUTE_US = 60_000_000L;
    static final long SECOND_US = 1_000_000L;

    protected final Path file;
    protected final Map<String, Integer> topicIds = new HashMap<>();
    private final List<Connection> readers = new ArrayList<>();

    protected HistoryCandidate(Path file) {
        this.file = file;
    }

    abstract String name();

    /** A new connection to the file (the writer's, a reader's, or the one a reopened profile starts with). */
    abstract Connection connect() throws SQLException;

    /** A reader connection that lives as long as this candidate (closed with it). */
    protected Connection reader() throws SQLException {
        Connection c = connect();
        readers.add(c);
        return c;
    }

    /** Closes the readers, then the writer. */
    @Override
    public void close() throws SQLException {
        for (Connection c : readers) {
            c.close();
        }
        readers.clear();
        closeWriter();
    }

    abstract void closeWriter() throws SQLException;

    /** Creates the schema when the file is new, and loads the topic ids the writer knows. */
    abstract void open() throws SQLException;

    /** One batch in one transaction; new topics get their ids in the same transaction. */
    abstract void append(List<Msg> batch) throws SQLException;

    /** Makes the file self-contained (WAL folded in), so its size is the size. */
    abstract void checkpoint() throws SQLException;

    /** Deletes messages older than {@code timeUs}; returns how many. */
    abstract long deleteBefore(long timeUs) throws SQLException;

    /** Gives the space of deleted rows back to the file system where the database can. */
    abstract void reclaim() throws SQLException;

    /** The last message of every topic, as the tree gets them when a profile is reopened; returns how many. */
    abstract long lastValues(Connection reader) throws SQLException;

    abstract List<Query> queries(Params p) throws SQLException;

    /** All the files the database keeps (main file, WAL). */
    long diskBytes() {
        try (Stream<Path> files = Files.list(file.getParent())) {
            String name = file.getFileName().toString();
            return files.filter(f -> f.getFileName().toString().startsWith(name)).mapToLong(HistoryCandidate::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0; // a WAL that went away while listing
        }
    }

    /** The ids of the topics a filter matches, from the topics table. */
    static List<Integer> resolve(Connection reader, String filter) throws SQLException {
        TopicFilter f = TopicFilter.of(filter);
        List<Integer> ids = new ArrayList<>();
        try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name FROM topics")) {
            while (rs.next()) {
                if (f.matches(rs.getString(2))) {
                    ids.add(rs.getInt(1));
                }
            }
        }
        return ids;
    }

    /** Ids as an SQL list: integers are safe to inline, and a bound list would need one parameter each. */
    static String inList(List<Integer> ids) {
        StringJoiner j = new StringJoiner(",", "(", ")");
        ids.forEach(id -> j.add(id.toString()));
        return ids.isEmpty() ? "(NULL)" : j.toString();
    }

    /** Runs a statement and returns its first column as a long (for count(*)). */
    static long single(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /** Runs a query and reads every row's columns (as a reader would), returning the row count. */
    static long rows(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                return readAll(rs, new long[1]);
            }
        }
    }

    /** Reads every column of every row and returns the row count; {@code lastFirstColumn[0]} gets the last row's first column (a number). */
    static long readAll(ResultSet rs, long[] lastFirstColumn) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        long n = 0;
        while (rs.next()) {
            if (rs.getObject(1) instanceof Number first) {
                lastFirstColumn[0] = first.longValue();
            }
            for (int i = 2; i <= columns; i++) {
                rs.getObject(i);
            }
            n++;
        }
        return n;
    }

    /**
     * The topic filter and the exact topic, each over one hour: the newest 1,000 rows and the count. {@code scanHint}
     * goes before topic_id in the filter's row query ("+" keeps SQLite on the time range instead of a topic index).
     */
    static List<Query> topicQueries(Connection r, Params p, String select, String scanHint) {
        List<Query> q = new ArrayList<>();
        q.add(new Query("a1 filter + 1 h, newest 1000", () -> rows(r, select + "WHERE " + scanHint + "topic_id IN "
                + inList(resolve(r, p.filter())) + " AND time_us BETWEEN ? AND ? ORDER BY time_us DESC LIMIT 1000", p.hourFromUs(), p.hourToUs())));
        q.add(new Query("a2 filter + 1 h, count", () -> single(r, "SELECT count(*) FROM messages WHERE topic_id IN "
                + inList(resolve(r, p.filter())) + " AND time_us BETWEEN ? AND ?", p.hourFromUs(), p.hourToUs())));
        q.add(new Query("a3 exact topic + 1 h, newest 1000", () -> rows(r, select + "WHERE topic_id IN " + inList(resolve(r, p.exactTopic()))
                + " AND time_us BETWEEN ? AND ? ORDER BY time_us DESC LIMIT 1000", p.hourFromUs(), p.hourToUs())));
        q.add(new Query("a4 exact topic + 1 h, count", () -> single(r, "SELECT count(*) FROM messages WHERE topic_id IN "
                + inList(resolve(r, p.exactTopic())) + " AND time_us BETWEEN ? AND ?", p.hourFromUs(), p.hourToUs())));
        return q;
    }

    static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }

    /** Pages back from the newest message, 10 pages of 1,000, each page starting where the last ended. */
    static long pageBack(Connection c, String sqlBefore, long startUs) throws SQLException {
        long[] before = {startUs};
        long n = 0;
        try (PreparedStatement s = c.prepareStatement(sqlBefore)) {
            for (int page = 0; page < 10; page++) {
                s.setLong(1, before[0]);
                try (ResultSet rs = s.executeQuery()) {
                    n += readAll(rs, before);
                }
            }
        }
        return n;
    }

    /** The topic id for a batch's message, inserting unseen topics with {@code insert} (id, name). */
    protected int topicId(String topic, PreparedStatement insert) throws SQLException {
        Integer id = topicIds.get(topic);
        if (id == null) {
            id = topicIds.size() + 1;
            insert.setInt(1, id);
            insert.setString(2, topic);
            insert.executeUpdate();
            topicIds.put(topic, id);
        }
        return id;
    }

    protected void loadTopicIds(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name FROM topics")) {
            while (rs.next()) {
                topicIds.put(rs.getString(2), rs.getInt(1));
            }
        }
    }

    static void execute(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        }
    }
}
