package io.mqttworkbench.history;

import io.mqttworkbench.mqtt.TopicFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * The topics table of a history read once, by id, with whether each name matches a filter: a scan over
 * millions of rows then tests each topic once and shares one String per topic. A topic the writer adds
 * while the scan runs is looked up when its first row appears.
 */
final class TopicNames implements AutoCloseable {
    private static final byte UNKNOWN = 0;
    private static final byte MATCHES = 1;
    private static final byte OTHER = 2;

    private final TopicFilter filter;
    private final PreparedStatement lookup;
    private String[] names = new String[256];
    private byte[] matches = new byte[256];

    /** @param filter null for every topic */
    TopicNames(Connection connection, TopicFilter filter) throws SQLException {
        this.filter = filter;
        this.lookup = connection.prepareStatement("SELECT name FROM topics WHERE id = ?");
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT id, name FROM topics")) {
            while (r.next()) {
                put(r.getInt(1), r.getString(2));
            }
        }
    }

    /** The topic's name, or null when the history does not know the id. */
    String name(int id) throws SQLException {
        if (id >= 0 && id < names.length && names[id] != null) {
            return names[id];
        }
        lookup.setInt(1, id);
        try (ResultSet r = lookup.executeQuery()) {
            return r.next() ? put(id, r.getString(1)) : null;
        }
    }

    /** Whether the topic with this id matches the filter (always, without one). */
    boolean matches(int id) throws SQLException {
        if (filter == null) {
            return true;
        }
        byte known = id >= 0 && id < matches.length ? matches[id] : UNKNOWN;
        if (known == UNKNOWN) {
            String name = name(id);
            known = name != null && filter.matches(name) ? MATCHES : OTHER;
            if (id >= 0 && id < matches.length) {
                matches[id] = known;
            }
        }
        return known == MATCHES;
    }

    private String put(int id, String name) {
        if (id < 0) {
            return name;
        }
        if (id >= names.length) {
            int size = Math.max(id + 1, names.length * 2);
            names = Arrays.copyOf(names, size);
            matches = Arrays.copyOf(matches, size);
        }
        names[id] = name;
        return name;
    }

    @Override
    public void close() throws SQLException {
        lookup.close();
    }
}
