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
 * The subscription filters messages matched, as ids in the history's {@code subscriptions} table: a row
 * keeps the one its message came through in a byte or two. The writer's thread only; another process
 * writing the same file may have added a filter since, so an unknown one is looked up before it is added.
 */
final class SubscriptionIds {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> added = new ArrayList<>();

    /** The filter's id, added to the table if new; null for no filter. */
    Integer idOf(Connection writer, String filter) throws SQLException {
        if (filter == null) {
            return null;
        }
        Integer known = ids.get(filter);
        if (known != null) {
            return known;
        }
        int id;
        try (PreparedStatement find = writer.prepareStatement("SELECT id FROM subscriptions WHERE filter = ?")) {
            find.setString(1, filter);
            try (ResultSet r = find.executeQuery()) {
                id = r.next() ? r.getInt(1) : -1;
            }
        }
        if (id < 0) {
            try (PreparedStatement add = writer.prepareStatement("INSERT INTO subscriptions (filter) VALUES (?) RETURNING id")) {
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
