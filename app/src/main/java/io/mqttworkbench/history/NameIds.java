package io.mqttworkbench.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names kept once in a small table and referred to by id from each row: topics ({@code topics.name}) and the
 * subscription filters messages came through ({@code subscriptions.filter}). The writer's thread only; another
 * process writing the same file may have added a name since, so an unknown one is looked up before it is added.
 */
final class NameIds {
    private final String table;
    private final String column;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> added = new ArrayList<>();

    NameIds(String table, String column) {
        this.table = table;
        this.column = column;
    }

    /** Learns every name the table holds (at open: one query instead of one per name later). */
    void load(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, " + column + " FROM " + table); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.put(r.getString(2), r.getInt(1));
            }
        }
    }

    /** The name's id, added to the table if new; null for no name. */
    Integer idOf(Connection writer, String filter) throws SQLException {
        if (filter == null) {
            return null;
        }
        Integer known = ids.get(filter);
        if (known != null) {
            return known;
        }
        int id;
        try (PreparedStatement find = writer.prepareStatement("SELECT id FROM " + table + " WHERE " + column + " = ?")) {
            find.setString(1, filter);
            try (ResultSet r = find.executeQuery()) {
                id = r.next() ? r.getInt(1) : -1;
            }
        }
        if (id < 0) {
            try (PreparedStatement add = writer.prepareStatement("INSERT INTO " + table + " (" + column + ") VALUES (?) RETURNING id")) {
                add.setString(1, filter);
                try (ResultSet r = add.executeQuery()) {
                    r.next();
                    id = r.getInt(1);
                }
            }
            added.add(filter);
        }
        ids.put(filter, id);
        return id;
    }

    void committed() {
        added.clear();
    }

    /** Ids given in a transaction that rolled back were never stored. */
    void rolledBack() {
        ids.keySet().removeAll(added);
        added.clear();
    }
}
