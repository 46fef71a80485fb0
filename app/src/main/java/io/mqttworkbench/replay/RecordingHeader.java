package io.mqttworkbench.replay;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.util.List;

/**
 * The first line of a recording: what wrote it, from where, what it listened to and when it began.
 *
 * @param source the broker URL, without user name or password
 * @param startEpochMillis when the recording began; message offsets count from here
 */
public record RecordingHeader(String format, int version, String recorder, String source, List<String> filters, long startEpochMillis) {
    public static final String FORMAT = "mqtt-workbench-recording";
    public static final int VERSION = 1;
    private static final Gson GSON = new Gson();

    public RecordingHeader {
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    public static RecordingHeader of(String recorder, String source, List<String> filters, long startEpochMillis) {
        return new RecordingHeader(FORMAT, VERSION, recorder, source, filters, startEpochMillis);
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    /** The header, or null when the line is not one (a recording made by another tool starts with a message). */
    static RecordingHeader parse(String line) {
        if (!line.contains(FORMAT)) {
            return null;
        }
        try {
            RecordingHeader header = GSON.fromJson(line, RecordingHeader.class);
            return header != null && FORMAT.equals(header.format()) ? header : null;
        } catch (JsonParseException e) {
            return null;
        }
    }
}
