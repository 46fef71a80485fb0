package io.mqttworkbench.history;

import io.mqttworkbench.message.MessageJson;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A stored row read back as a message: the columns every reader selects, and how they become a {@link ReceivedMessage}. */
final class StoredRow {
    /** The columns {@link #read} reads, with the topic's name. */
    static final String SELECT = "SELECT t.name, m.time_us, m.qos, m.retain, m.payload, m.properties FROM messages m "
            + "JOIN topics t ON t.id = m.topic_id ";

    private StoredRow() {
    }

    /** A row of the columns name, time_us, qos, retain, payload, properties, with its receive time on this run's clock. */
    static ReceivedMessage read(ResultSet r, long nowNanos, long nowMicros) throws SQLException {
        long timeUs = r.getLong(2);
        return new ReceivedMessage(r.getString(1), r.getBytes(5), r.getInt(3), r.getInt(4) != 0, false,
                receivedNanos(timeUs, nowNanos, nowMicros), timeUs / 1000, properties(r.getString(6)));
    }

    /**
     * A stored row's receive time on this run's monotonic clock, as if received that long ago (ages and rates
     * stay right), with the microseconds of its key, so that {@link MessageHistory#timeKey} gives the key back.
     */
    static long receivedNanos(long timeUs, long nowNanos, long nowMicros) {
        long approxMicros = Math.floorDiv(nowNanos - (nowMicros - timeUs) * 1000, 1000);
        long delta = Math.floorMod(timeUs - approxMicros, 1000);
        return (approxMicros + (delta > 500 ? delta - 1000 : delta)) * 1000;
    }

    static MessageProperties properties(String json) {
        return json == null ? MessageProperties.NONE : MessageJson.read(json).message().properties();
    }
}
