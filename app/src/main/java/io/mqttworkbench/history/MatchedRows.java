package io.mqttworkbench.history;

import io.mqttworkbench.mqtt.ReceivedMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a search found: the rows' keys in time order, read back a block at a time by key. */
public final class MatchedRows implements StoredRows {
    /** Keys per statement: well under SQLite's limit on parameters. */
    private static final int KEYS_PER_READ = 500;

    private final MessageHistory history;
    private final long[] keys;

    MatchedRows(MessageHistory history, long[] keys) {
        this.history = history;
        this.keys = keys;
    }

    @Override
    public long size() {
        return keys.length;
    }

    @Override
    public long newestMillis() {
        return keys.length == 0 ? -1 : keys[keys.length - 1] / 1000;
    }

    /** The arrival times of the rows, in microseconds: what the timeline counts a search's matches from. */
    public long[] keys() {
        return keys;
    }

    /** How many rows arrived in {@code [fromMillis, toMillis)}. */
    public long countBetween(long fromMillis, long toMillis) {
        return lowerBound(toMillis * 1000) - lowerBound(fromMillis * 1000);
    }

    @Override
    public List<ReceivedMessage> read(long position, int count) throws HistoryException {
        int from = (int) Math.max(0, position);
        int to = (int) Math.min(keys.length, position + Math.max(0, count));
        List<ReceivedMessage> rows = new ArrayList<>(Math.max(0, to - from));
        try (Connection c = history.reader()) {
            for (int start = from; start < to; start += KEYS_PER_READ) {
                int end = Math.min(to, start + KEYS_PER_READ);
                Map<Long, ReceivedMessage> found = new HashMap<>();
                String marks = String.join(",", java.util.Collections.nCopies(end - start, "?"));
                try (PreparedStatement s = c.prepareStatement(StoredRow.SELECT + "WHERE m.time_us IN (" + marks + ")")) {
                    for (int k = start; k < end; k++) {
                        s.setLong(k - start + 1, keys[k]);
                    }
                    long nowNanos = System.nanoTime();
                    long nowMicros = System.currentTimeMillis() * 1000;
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            found.put(r.getLong(2), StoredRow.read(r, nowNanos, nowMicros));
                        }
                    }
                }
                for (int k = start; k < end; k++) {
                    rows.add(found.get(keys[k])); // null: removed since the search
                }
            }
        } catch (SQLException e) {
            throw new HistoryException("The message history could not be read: " + e.getMessage(), e);
        }
        return rows;
    }

    @Override
    public long positionAt(long epochMillis) {
        return lowerBound(epochMillis * 1000);
    }

    private int lowerBound(long key) {
        int i = Arrays.binarySearch(keys, key);
        return i >= 0 ? i : -i - 1;
    }
}
