package io.mqttworkbench.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The history's SQLite file: its schema and settings, and what is done with a file SQLite cannot read. */
final class HistoryFile {

    /** An open writer connection, and a sentence when a damaged file had to be set aside. */
    record Opened(Connection connection, String notice) {
    }

    private static final String[] CREATE = {
        "PRAGMA page_size = 8192",
        "PRAGMA auto_vacuum = INCREMENTAL",
        "PRAGMA journal_mode = WAL",
        "CREATE TABLE IF NOT EXISTS topics (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
        "CREATE TABLE IF NOT EXISTS subscriptions (id INTEGER PRIMARY KEY, filter TEXT NOT NULL UNIQUE)",
        """
        CREATE TABLE IF NOT EXISTS messages (
            time_us INTEGER PRIMARY KEY,
            topic_id INTEGER NOT NULL,
            qos INTEGER NOT NULL,
            retain INTEGER NOT NULL,
            payload BLOB NOT NULL,
            properties TEXT,
            readable INTEGER,
            subscription_id INTEGER
        )""",
        "CREATE TABLE IF NOT EXISTS latest (topic_id INTEGER PRIMARY KEY, time_us INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS timeline (second INTEGER PRIMARY KEY, count INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS events (time_us INTEGER NOT NULL, kind TEXT NOT NULL, detail TEXT)",
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    };
    /** How long a statement waits for another connection's lock (another process's commit) before it fails. */
    static final int BUSY_TIMEOUT_MS = 5000;
    // SQLite's primary result codes (https://sqlite.org/rescode.html)
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private HistoryFile() {
    }

    /** Opens (creating) the file; a file SQLite cannot read is moved aside untouched and a new one begun. */
    static Opened open(Path file) throws HistoryException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new HistoryException("Cannot create the folder for the message history " + file + ": " + e.getMessage(), e);
        }
        try {
            return new Opened(connect(file, true), "");
        } catch (SQLException damaged) {
            if (!isDamage(damaged)) {
                // busy (another process holds it: record --history, a second window), or the disk: not the file's fault
                throw new HistoryException("The message history " + file + (isBusy(damaged)
                        ? " is in use by another program and did not become free within " + BUSY_TIMEOUT_MS / 1000 + " s: "
                        : " cannot be opened: ") + damaged.getMessage(), damaged);
            }
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + ASIDE.format(Instant.now()));
            try {
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
                for (String suffix : List.of("-wal", "-shm")) {
                    Path extra = file.resolveSibling(file.getFileName() + suffix);
                    if (Files.exists(extra)) {
                        Files.move(extra, aside.resolveSibling(aside.getFileName() + suffix));
                    }
                }
                return new Opened(connect(file, true), "The message history " + file.getFileName() + " could not be read ("
                        + inWords(damaged) + "); it was kept aside as " + aside.getFileName() + " and a new one begun.");
            } catch (java.io.IOException | SQLException again) {
                throw new HistoryException("The message history " + file + " cannot be opened: " + damaged.getMessage(), damaged);
            }
        }
    }

    /** SQLite says the file is not a database, or a damaged one: only then is it set aside. */
    private static boolean isDamage(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
    }

    /** What SQLite said, without its codes: "it is not a database file", "it is damaged". */
    private static String inWords(SQLException e) {
        int primary = e.getErrorCode() & 0xFF;
        return primary == SQLITE_NOTADB ? "it is not a database file" : primary == SQLITE_CORRUPT ? "it is damaged" : e.getMessage();
    }

    private static boolean isBusy(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
    }

    /** The file, with the side files SQLite keeps beside it. */
    static List<Path> withSideFiles(Path file) {
        return List.of(file, file.resolveSibling(file.getFileName() + "-wal"), file.resolveSibling(file.getFileName() + "-shm"));
    }

    static Path fileFor(Path messagesFolder, String profileId) {
        return messagesFolder.resolve(profileId.replaceAll("[^A-Za-z0-9._-]", "_") + ".sqlite");
    }

    /**
     * Files from before a column get it, empty: rows written from now on fill it. {@code readable} lets a search
     * rule rows out in SQL (see {@link TextPrefilter}); {@code subscription_id} names the subscription a message
     * came through.
     */
    private static void addMissingColumns(Statement s) throws SQLException {
        for (String column : List.of("readable", "subscription_id")) {
            try (java.sql.ResultSet r = s.executeQuery("SELECT count(*) FROM pragma_table_info('messages') WHERE name = '" + column + "'")) {
                if (r.next() && r.getInt(1) > 0) {
                    continue;
                }
            }
            s.execute("ALTER TABLE messages ADD COLUMN " + column + " INTEGER");
        }
    }

    static Connection connect(Path file, boolean create) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            // first: another process writing the file is waited for, from the first statement on
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            if (create) {
                for (String sql : CREATE) {
                    s.execute(sql);
                }
                addMissingColumns(s);
            }
            s.execute("PRAGMA synchronous = NORMAL");
            s.execute("PRAGMA cache_size = -32768");
            s.execute("PRAGMA temp_store = MEMORY");
            // a file that is not a database only says so when read
            s.executeQuery("SELECT count(*) FROM sqlite_master").close();
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
