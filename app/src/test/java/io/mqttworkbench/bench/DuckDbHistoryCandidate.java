package io.mqttworkbench.bench;

import io.mqttworkbench.bench.HistoryWorkload.Msg;
import io.mqttworkbench.decode.Utf8;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB: columns, compressed, scanned in parallel; rows go in through the Appender. No index on the messages:
 * an ART index would be maintained on every insert, and the zone maps (min/max per row group of 122,880
 * rows) already skip everything outside a time range, since rows arrive in time order. Payloads that are
 * UTF-8 are stored as VARCHAR (compressed, searchable by SQL), the rest as BLOB.
 */
final class DuckDbHistoryCandidate extends HistoryCandidate {

    static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS topics (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL UNIQUE)",
        "CREATE TABLE IF NOT EXISTS subscriptions (id INTEGER PRIMARY KEY, filter VARCHAR NOT NULL, qos TINYINT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS messages (
            time_us BIGINT NOT NULL,     -- arrival, epoch µs, strictly increasing (the writer sees to it)
            topic_id INTEGER NOT NULL,
            qos TINYINT NOT NULL,
            retain BOOLEAN NOT NULL,
            subscription SMALLINT,
            payload_text VARCHAR,        -- the payload when it is valid UTF-8
            payload_bin BLOB,            -- otherwise
            properties VARCHAR           -- MQTT 5 properties as MessageJson writes them, null when none
        )""",
        "CREATE TABLE IF NOT EXISTS events (time_us BIGINT NOT NULL, kind VARCHAR NOT NULL, detail VARCHAR)"
    };

    private static final String COLUMNS = "time_us, topic_id, qos, retain, subscription, payload_text, payload_bin, properties";

    private DuckDBConnection writer;
    private DuckDBAppender appender;
    private PreparedStatement insertTopic;

    DuckDbHistoryCandidate(Path file) {
        super(file);
    }

    @Override
    String name() {
        return "DuckDB";
    }

    @Override
    Connection connect() throws SQLException {
        if (writer != null) {
            return writer.duplicate(); // one database instance per file and process; connections share it
        }
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        execute(c, "SET memory_limit = '1GB'", "SET threads = 2");
        return c;
    }

    @Override
    void open() throws SQLException {
        writer = (DuckDBConnection) connect();
        execute(writer, SCHEMA);
        loadTopicIds(writer);
        writer.setAutoCommit(false);
        insertTopic = writer.prepareStatement("INSERT INTO topics (id, name) VALUES (?, ?)");
        appender = writer.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "messages");
    }

    @Override
    void append(List<Msg> batch) throws SQLException {
        for (Msg m : batch) {
            int topic = topicId(m.topic(), insertTopic);
            appender.beginRow().append(m.timeUs()).append(topic).append((byte) m.qos()).append(m.retain())
                    .append((short) m.subscription());
            if (Utf8.isValid(m.payload())) {
                appender.append(m.payload()).appendNull(); // bytes into a VARCHAR: stored as the UTF-8 they are
            } else {
                appender.appendNull().append(m.payload());
            }
            if (m.properties() == null) {
                appender.appendNull();
            } else {
                appender.append(m.properties());
            }
            appender.endRow();
        }
        appender.flush();
        writer.commit();
    }

    @Override
    void checkpoint() throws SQLException {
        writer.commit();
        execute(writer, "CHECKPOINT");
        writer.commit();
    }

    @Override
    long deleteBefore(long timeUs) throws SQLException {
        try (PreparedStatement s = writer.prepareStatement("DELETE FROM messages WHERE time_us < ?")) {
            s.setLong(1, timeUs);
            int n = s.executeUpdate();
            writer.commit();
            return n;
        }
    }

    @Override
    void reclaim() throws SQLException {
        checkpoint();
    }

    @Override
    long lastValues(Connection reader) throws SQLException {
        return rows(reader, "SELECT t.name, m.time_us, m.qos, m.retain, m.payload_text, m.payload_bin, m.properties "
                + "FROM messages m JOIN (SELECT topic_id, max(time_us) AS last FROM messages GROUP BY topic_id) l "
                + "ON m.topic_id = l.topic_id AND m.time_us = l.last JOIN topics t ON t.id = m.topic_id");
    }

    @Override
    List<Query> queries(Params p) throws SQLException {
        Connection r = reader();
        Connection r2 = reader();
        Pattern regex = Pattern.compile(p.regex(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        String select = "SELECT " + COLUMNS + " FROM messages ";
        long mid = SqliteHistoryCandidate.mid(p);
        List<Query> q = new ArrayList<>(topicQueries(r, p, select, ""));
        q.add(new Query("b1 text, case-sensitive, in the DB", () -> single(r,
                "SELECT count(*) FROM messages WHERE contains(payload_text, ?)", p.text())));
        q.add(new Query("b2 text, ignoring case, in the DB", () -> single(r,
                "SELECT count(*) FROM messages WHERE payload_text ILIKE ?", "%" + p.text() + "%")));
        q.add(new Query("b3 text, ignoring case, in Java", () -> PayloadScan.text(r, "SELECT payload_text FROM messages",
                s -> PayloadScan.containsIgnoringCase(s, p.text()))));
        q.add(new Query("c1 regex in the DB (RE2)", () -> single(r,
                "SELECT count(*) FROM messages WHERE regexp_matches(payload_text, ?)", "(?i)" + p.regex())));
        q.add(new Query("c2 regex in Java, 1 thread", () -> PayloadScan.text(r, "SELECT payload_text FROM messages",
                s -> regex.matcher(s).find())));
        q.add(new Query("c3 regex in Java, 2 threads", () -> PayloadScan.inTwo(
                () -> PayloadScan.text(r, "SELECT payload_text FROM messages WHERE time_us < " + mid, s -> regex.matcher(s).find()),
                () -> PayloadScan.text(r2, "SELECT payload_text FROM messages WHERE time_us >= " + mid, s -> regex.matcher(s).find()))));
        q.add(new Query("c4 regex: SQL on its literal, then Java", () -> PayloadScan.text(r, "SELECT payload_text FROM messages WHERE "
                + "payload_text ILIKE '%" + p.regexLiteral() + "%'", s -> regex.matcher(s).find())));
        q.add(new Query("d1 per topic per minute, 1 h", () -> rows(r, "SELECT topic_id, time_us // 60000000 AS minute, count(*) "
                + "FROM messages WHERE time_us BETWEEN ? AND ? GROUP BY ALL", p.hourFromUs(), p.hourToUs())));
        q.add(new Query("d2 per topic per minute, 24 h", () -> rows(r, "SELECT topic_id, time_us // 60000000 AS minute, count(*) "
                + "FROM messages GROUP BY ALL")));
        q.add(new Query("d3 per second, 1 h", () -> rows(r, "SELECT time_us // 1000000 AS s, count(*) FROM messages "
                + "WHERE time_us BETWEEN ? AND ? GROUP BY ALL", p.hourFromUs(), p.hourToUs())));
        q.add(new Query("d4 per minute, 24 h", () -> rows(r, "SELECT time_us // 60000000 AS minute, count(*) FROM messages GROUP BY ALL")));
        q.add(new Query("d5 per minute, 24 h, filter", () -> rows(r, "SELECT time_us // 60000000 AS minute, count(*) FROM messages "
                + "WHERE topic_id IN " + inList(resolve(r, p.filter())) + " GROUP BY ALL")));
        q.add(new Query("e last value per topic", () -> lastValues(r)));
        q.add(new Query("f1 page back 10 × 1000", () -> pageBackInWindows(r, select + "WHERE time_us >= ? AND time_us < ? "
                + "ORDER BY time_us DESC LIMIT 1000", p.dayToUs(), p.dayFromUs())));
        q.add(new Query("f2 page back 10 × 1000, filter", () -> pageBackInWindows(r, select + "WHERE time_us >= ? AND time_us < ? "
                + "AND topic_id IN " + inList(resolve(r, p.filter())) + " ORDER BY time_us DESC LIMIT 1000", p.dayToUs(), p.dayFromUs())));
        q.add(new Query("f3 page back 10 × 1000, exact topic", () -> pageBackInWindows(r, select + "WHERE time_us >= ? AND time_us < ? "
                + "AND topic_id IN " + inList(resolve(r, p.exactTopic())) + " ORDER BY time_us DESC LIMIT 1000", p.dayToUs(), p.dayFromUs())));
        q.add(new Query("g user property, count", () -> single(r,
                "SELECT count(*) FROM messages WHERE contains(properties, ?)", p.userProperty())));
        return q;
    }

    /**
     * Pages back 10 × 1,000 rows. With only an upper bound DuckDB sorts everything before it (top-N over the
     * whole table, 18 ms a page at 200,000 rows and growing), so each page asks for a time window the zone maps
     * can prune to, widened eightfold until it holds a page or reaches the first message; the next page starts
     * with the window that worked.
     */
    static long pageBackInWindows(Connection c, String sqlWindow, long startUs, long firstUs) throws SQLException {
        long before = startUs;
        long window = 60 * SECOND_US;
        long n = 0;
        try (PreparedStatement s = c.prepareStatement(sqlWindow)) {
            for (int page = 0; page < 10; page++) {
                while (true) {
                    s.setLong(1, before - window);
                    s.setLong(2, before);
                    long rows;
                    long[] oldest = {before};
                    try (ResultSet rs = s.executeQuery()) {
                        rows = readAll(rs, oldest);
                    }
                    if (rows == 1000 || before - window <= firstUs) {
                        n += rows;
                        before = oldest[0];
                        break;
                    }
                    window *= 8;
                }
            }
        }
        return n;
    }

    @Override
    void closeWriter() throws SQLException {
        if (appender != null) {
            appender.close();
        }
        if (writer != null) {
            writer.commit();
            writer.close();
            writer = null;
        }
    }
}
