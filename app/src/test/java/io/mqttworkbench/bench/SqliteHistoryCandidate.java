package io.mqttworkbench.bench;

import io.mqttworkbench.bench.HistoryWorkload.Msg;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.sqlite.Function;

/**
 * SQLite in WAL mode. The message's time in µs is the rowid: the table is stored in time order, a time range
 * is a range of the b-tree, and a topic filter is checked on the rows of that range (no index on the topic: it
 * cost four fifths of the insert rate). The writer keeps times strictly increasing (a tie or a clock stepping
 * back moves on by 1 µs), so the time is also the message's key for paging. Two small tables kept by the writer
 * answer what SQLite would otherwise sort millions of rows for (it groups by sorting): messages per second, and
 * per topic per minute; a third holds each topic's newest time, for the tree.
 */
final class SqliteHistoryCandidate extends HistoryCandidate {

    /**
     * Without an index on topic_id (the design measured as shipped) or with it ({@code -Dsqlite.topicIndex=true}):
     * every commit writes each index page one of its topics ends on, a page per topic in the batch, which took the
     * insert rate from 355,000 down to 86,000 msg/s at 2,040 topics and to 54,000 at 20,040.
     */
    static final boolean TOPIC_INDEX = Boolean.getBoolean("sqlite.topicIndex");

    static final String[] SCHEMA = {
        "PRAGMA page_size = " + Integer.getInteger("sqlite.pageSize", 8192), // before the first table; 4096 and 16384 measured too
        "PRAGMA auto_vacuum = INCREMENTAL",  // before the first table; lets retention give space back
        "PRAGMA journal_mode = WAL",
        "CREATE TABLE IF NOT EXISTS topics (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
        "CREATE TABLE IF NOT EXISTS subscriptions (id INTEGER PRIMARY KEY, filter TEXT NOT NULL, qos INTEGER NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS messages (
            time_us INTEGER PRIMARY KEY,      -- arrival, epoch µs, strictly increasing: the rowid
            topic_id INTEGER NOT NULL,
            qos INTEGER NOT NULL,
            retain INTEGER NOT NULL,
            subscription INTEGER,             -- subscriptions.id it matched, null when unknown
            payload BLOB NOT NULL,
            properties BLOB                   -- MQTT 5 properties as MessageJson writes them, null when none
        )""",
        TOPIC_INDEX
                ? "CREATE INDEX IF NOT EXISTS messages_topic ON messages (topic_id)" // entries are (topic_id, time_us)
                // without the index, the newest time of each topic, upserted with every batch, for the tree
                : "CREATE TABLE IF NOT EXISTS latest (topic_id INTEGER PRIMARY KEY, time_us INTEGER NOT NULL)",
        // messages per second, all topics: the timeline without sorting millions of rows (SQLite groups by sorting)
        "CREATE TABLE IF NOT EXISTS timeline (second INTEGER PRIMARY KEY, count INTEGER NOT NULL)",
        // messages per topic per minute: the rows a batch adds sit at the end (minute ascends), so it stays cheap
        """
        CREATE TABLE IF NOT EXISTS minute_counts (
            minute INTEGER NOT NULL, topic_id INTEGER NOT NULL, count INTEGER NOT NULL,
            PRIMARY KEY (minute, topic_id)
        ) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS events (
            time_us INTEGER NOT NULL,
            kind TEXT NOT NULL,               -- connect, disconnect, suback, marker
            detail TEXT
        )""",
        "CREATE INDEX IF NOT EXISTS events_time ON events (time_us)"
    };

    private static final String COLUMNS = "time_us, topic_id, qos, retain, subscription, payload, properties";

    private Connection writer;
    private PreparedStatement insert;
    private PreparedStatement insertTopic;
    private PreparedStatement countSecond;
    private PreparedStatement upsertLatest;
    private PreparedStatement countMinute;

    SqliteHistoryCandidate(Path file) {
        super(file);
    }

    @Override
    String name() {
        return "SQLite";
    }

    @Override
    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        execute(c, "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA busy_timeout = 5000",
                "PRAGMA cache_size = -32768", "PRAGMA temp_store = MEMORY");
        return c;
    }

    @Override
    void open() throws SQLException {
        writer = DriverManager.getConnection("jdbc:sqlite:" + file);
        execute(writer, SCHEMA);
        writer.close();
        writer = connect();
        loadTopicIds(writer);
        writer.setAutoCommit(false);
        insert = writer.prepareStatement("INSERT INTO messages (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        insertTopic = writer.prepareStatement("INSERT INTO topics (id, name) VALUES (?, ?)");
        countSecond = writer.prepareStatement("INSERT INTO timeline (second, count) VALUES (?, ?) "
                + "ON CONFLICT (second) DO UPDATE SET count = count + excluded.count");
        countMinute = writer.prepareStatement("INSERT INTO minute_counts (minute, topic_id, count) VALUES (?, ?, ?) "
                + "ON CONFLICT (minute, topic_id) DO UPDATE SET count = count + excluded.count");
        upsertLatest = TOPIC_INDEX ? null : writer.prepareStatement("INSERT INTO latest (topic_id, time_us) VALUES (?, ?) "
                + "ON CONFLICT (topic_id) DO UPDATE SET time_us = excluded.time_us");
    }

    @Override
    void append(List<Msg> batch) throws SQLException {
        for (Msg m : batch) {
            insert.setLong(1, m.timeUs());
            insert.setInt(2, topicId(m.topic(), insertTopic));
            insert.setInt(3, m.qos());
            insert.setInt(4, m.retain() ? 1 : 0);
            insert.setInt(5, m.subscription());
            insert.setBytes(6, m.payload());
            insert.setBytes(7, m.properties());
            insert.addBatch();
        }
        insert.executeBatch();
        // a batch spans a second or two (times increase): one upsert per second it touches
        long second = -1;
        int inSecond = 0;
        for (Msg m : batch) {
            long s = m.timeUs() / SECOND_US;
            if (s != second && inSecond > 0) {
                countSecond(second, inSecond);
                inSecond = 0;
            }
            second = s;
            inSecond++;
        }
        if (inSecond > 0) {
            countSecond(second, inSecond);
        }
        countSecond.executeBatch();
        Map<Long, Integer> perMinute = new HashMap<>(); // key: minute << 24 | topic id
        for (Msg m : batch) {
            perMinute.merge(m.timeUs() / MINUTE_US << 24 | topicIds.get(m.topic()), 1, Integer::sum);
        }
        for (Map.Entry<Long, Integer> e : perMinute.entrySet()) {
            countMinute.setLong(1, e.getKey() >>> 24);
            countMinute.setLong(2, e.getKey() & 0xFFFFFF);
            countMinute.setInt(3, e.getValue());
            countMinute.addBatch();
        }
        countMinute.executeBatch();
        if (upsertLatest != null) {
            Map<Integer, Long> last = new HashMap<>();
            for (Msg m : batch) {
                last.put(topicIds.get(m.topic()), m.timeUs());
            }
            for (Map.Entry<Integer, Long> e : last.entrySet()) {
                upsertLatest.setInt(1, e.getKey());
                upsertLatest.setLong(2, e.getValue());
                upsertLatest.addBatch();
            }
            upsertLatest.executeBatch();
        }
        writer.commit();
    }

    private void countSecond(long second, int count) throws SQLException {
        countSecond.setLong(1, second);
        countSecond.setInt(2, count);
        countSecond.addBatch();
    }

    @Override
    void checkpoint() throws SQLException {
        writer.setAutoCommit(true);
        execute(writer, "PRAGMA wal_checkpoint(TRUNCATE)");
        writer.setAutoCommit(false);
    }

    @Override
    long deleteBefore(long timeUs) throws SQLException {
        try (PreparedStatement s = writer.prepareStatement("DELETE FROM messages WHERE time_us < ?")) {
            s.setLong(1, timeUs);
            int n = s.executeUpdate();
            try (PreparedStatement t = writer.prepareStatement("DELETE FROM timeline WHERE second < ?")) {
                t.setLong(1, timeUs / SECOND_US);
                t.executeUpdate();
            }
            try (PreparedStatement t = writer.prepareStatement("DELETE FROM minute_counts WHERE minute < ?")) {
                t.setLong(1, timeUs / MINUTE_US);
                t.executeUpdate();
            }
            if (!TOPIC_INDEX) {
                try (PreparedStatement t = writer.prepareStatement("DELETE FROM latest WHERE time_us < ?")) {
                    t.setLong(1, timeUs);
                    t.executeUpdate();
                }
            }
            writer.commit();
            return n;
        }
    }

    @Override
    void reclaim() throws SQLException {
        writer.setAutoCommit(true);
        try (var s = writer.createStatement()) {
            s.executeUpdate("PRAGMA incremental_vacuum"); // frees a page per step: execute() would step once
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        writer.setAutoCommit(false);
    }

    @Override
    long lastValues(Connection reader) throws SQLException {
        // one index seek per topic for its newest time (or the latest table), then one rowid lookup: no scan
        return rows(reader, "SELECT t.name, m.time_us, m.qos, m.retain, m.payload, m.properties FROM topics t "
                + (TOPIC_INDEX ? "JOIN messages m ON m.time_us = (SELECT max(time_us) FROM messages WHERE topic_id = t.id)"
                : "JOIN latest l ON l.topic_id = t.id JOIN messages m ON m.time_us = l.time_us"));
    }

    @Override
    List<Query> queries(Params p) throws SQLException {
        Connection r = reader();
        Connection r2 = reader();
        Pattern regex = Pattern.compile(p.regex(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Function.create(r, "regexp", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                result(regex.matcher(value_text(1)).find() ? 1 : 0); // X REGEXP Y calls regexp(Y, X)
            }
        });
        String select = "SELECT " + COLUMNS + " FROM messages ";
        byte[] lowerText = p.text().toLowerCase().getBytes(StandardCharsets.US_ASCII);
        List<Query> q = new ArrayList<>(topicQueries(r, p, select, "+"));
        q.add(new Query("b1 text, case-sensitive, in the DB", () -> single(r,
                "SELECT count(*) FROM messages WHERE instr(payload, ?) > 0", p.text().getBytes(StandardCharsets.UTF_8))));
        q.add(new Query("b2 text, ignoring case, in the DB", () -> single(r,
                "SELECT count(*) FROM messages WHERE payload LIKE ?", "%" + p.text() + "%")));
        q.add(new Query("b3 text, ignoring case, in Java", () -> PayloadScan.bytes(r, "SELECT payload FROM messages",
                b -> PayloadScan.containsIgnoringAsciiCase(b, lowerText))));
        q.add(new Query("c1 regex in the DB (Java UDF)", () -> single(r, "SELECT count(*) FROM messages WHERE payload REGEXP ?", p.regex())));
        q.add(new Query("c2 regex in Java, 1 thread", () -> PayloadScan.bytes(r, "SELECT payload FROM messages",
                b -> regex.matcher(new String(b, StandardCharsets.UTF_8)).find())));
        q.add(new Query("c3 regex in Java, 2 threads", () -> PayloadScan.inTwo(
                () -> PayloadScan.bytes(r, "SELECT payload FROM messages WHERE time_us < " + mid(p),
                        b -> regex.matcher(new String(b, StandardCharsets.UTF_8)).find()),
                () -> PayloadScan.bytes(r2, "SELECT payload FROM messages WHERE time_us >= " + mid(p),
                        b -> regex.matcher(new String(b, StandardCharsets.UTF_8)).find()))));
        q.add(new Query("c4 regex: SQL on its literal, then Java", () -> PayloadScan.bytes(r, "SELECT payload FROM messages WHERE payload "
                + "LIKE '%" + p.regexLiteral() + "%'", b -> regex.matcher(new String(b, StandardCharsets.UTF_8)).find())));
        q.add(new Query("d1 per topic per minute, 1 h", () -> rows(r, "SELECT topic_id, time_us / 60000000 AS minute, count(*) "
                + "FROM messages WHERE time_us BETWEEN ? AND ? GROUP BY topic_id, minute", p.hourFromUs(), p.hourToUs())));
        q.add(new Query("d2 per topic per minute, 24 h", () -> rows(r, "SELECT topic_id, time_us / 60000000 AS minute, count(*) "
                + "FROM messages " + (TOPIC_INDEX ? "INDEXED BY messages_topic " : "") + "GROUP BY topic_id, minute")));
        q.add(new Query("d3 per second, 1 h", () -> rows(r, "SELECT time_us / 1000000 AS s, count(*) FROM messages "
                + "WHERE time_us BETWEEN ? AND ? GROUP BY s", p.hourFromUs(), p.hourToUs())));
        q.add(new Query("d4 per minute, 24 h", () -> rows(r, "SELECT time_us / 60000000 AS minute, count(*) FROM messages "
                + (TOPIC_INDEX ? "INDEXED BY messages_topic " : "") + "GROUP BY minute")));
        q.add(new Query("d3b per second, 1 h, timeline table", () -> rows(r, "SELECT second, count FROM timeline "
                + "WHERE second BETWEEN ? AND ?", p.hourFromUs() / SECOND_US, p.hourToUs() / SECOND_US)));
        q.add(new Query("d4b per minute, 24 h, timeline table", () -> rows(r, "SELECT second / 60 AS minute, sum(count) FROM timeline "
                + "GROUP BY minute")));
        q.add(new Query("d1b per topic per minute, 1 h, rollup", () -> rows(r, "SELECT topic_id, minute, count FROM minute_counts "
                + "WHERE minute BETWEEN ? AND ?", p.hourFromUs() / MINUTE_US, p.hourToUs() / MINUTE_US)));
        q.add(new Query("d2b per topic per minute, 24 h, rollup", () -> rows(r, "SELECT topic_id, minute, count FROM minute_counts")));
        q.add(new Query("d5b per minute, 24 h, filter, rollup", () -> rows(r, "SELECT minute, sum(count) FROM minute_counts "
                + "WHERE topic_id IN " + inList(resolve(r, p.filter())) + " GROUP BY minute")));
        q.add(new Query("d5 per minute, 24 h, filter", () -> rows(r, "SELECT time_us / 60000000 AS minute, count(*) FROM messages "
                + "WHERE topic_id IN " + inList(resolve(r, p.filter())) + " GROUP BY minute")));
        q.add(new Query("e last value per topic", () -> lastValues(r)));
        q.add(new Query("f1 page back 10 × 1000", () -> pageBack(r, select + "WHERE time_us < ? ORDER BY time_us DESC LIMIT 1000",
                p.dayToUs())));
        q.add(new Query("f2 page back 10 × 1000, filter", () -> pageBack(r, select + "WHERE time_us < ? AND +topic_id IN "
                + inList(resolve(r, p.filter())) + " ORDER BY time_us DESC LIMIT 1000", p.dayToUs())));
        q.add(new Query("f3 page back 10 × 1000, exact topic", () -> pageBack(r, select + "WHERE time_us < ? AND topic_id IN "
                + inList(resolve(r, p.exactTopic())) + " ORDER BY time_us DESC LIMIT 1000", p.dayToUs())));
        q.add(new Query("g user property, count", () -> single(r,
                "SELECT count(*) FROM messages WHERE properties IS NOT NULL AND instr(properties, ?) > 0",
                p.userProperty().getBytes(StandardCharsets.UTF_8))));
        return q;
    }

    static long mid(Params p) {
        return (p.dayFromUs() + p.dayToUs()) / 2;
    }

    /** The plans SQLite chose, for the record. */
    String plans(Params p) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection r = connect()) {
            String ids = inList(resolve(r, p.filter()));
            for (String sql : List.of(
                    "SELECT * FROM messages WHERE topic_id IN " + ids + " AND time_us BETWEEN 1 AND 2 ORDER BY time_us DESC LIMIT 1000",
                    "SELECT * FROM messages WHERE +topic_id IN " + ids + " AND time_us BETWEEN 1 AND 2 ORDER BY time_us DESC LIMIT 1000",
                    "SELECT count(*) FROM messages WHERE topic_id IN " + ids + " AND time_us BETWEEN 1 AND 2",
                    "SELECT topic_id, time_us / 60000000 AS minute, count(*) FROM messages WHERE time_us BETWEEN 1 AND 2 GROUP BY 1, 2",
                    "SELECT time_us / 60000000 AS minute, count(*) FROM messages GROUP BY minute",
                    "SELECT time_us / 60000000 AS minute, count(*) FROM messages WHERE topic_id IN " + ids + " GROUP BY minute")) {
                out.append(sql.length() > 110 ? sql.substring(0, 110) + "…" : sql).append('\n');
                try (ResultSet rs = r.createStatement().executeQuery("EXPLAIN QUERY PLAN " + sql)) {
                    while (rs.next()) {
                        out.append("    ").append(rs.getString(4)).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    @Override
    void closeWriter() throws SQLException {
        if (writer != null) {
            writer.close();
        }
    }
}
