package io.mqttworkbench.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** For tests elsewhere: the connection markers a history file keeps, as "kind: detail" in time order. */
public final class StoredEvents {
    private StoredEvents() {
    }

    public static List<String> read(Path file) throws SQLException {
        List<String> events = new ArrayList<>();
        try (Connection c = HistoryFile.connect(file, false); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT kind, detail FROM events ORDER BY time_us")) {
            while (r.next()) {
                events.add(r.getString(1) + ": " + r.getString(2));
            }
        }
        return events;
    }
}
