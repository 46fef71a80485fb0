package io.mqttworkbench.publish;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.mqttworkbench.sparkplug.SparkplugEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * A Sparkplug B payload written as a small JSON description, for the composer and {@code pub --sparkplug}:
 * <pre>{"seq": {{counter}}, "metrics": [{"name": "Setpoint", "type": "Double", "value": 12.5}, {"alias": 10, "type": "Boolean", "value": true}]}</pre>
 * The timestamp is the moment of sending unless given; {@code seq} is taken modulo 256 (so a placeholder
 * counter runs through Sparkplug's 0–255) and left out when not given, as commands do. Encoded with the
 * same schema the decoder reads.
 */
public final class SparkplugDescription {
    /** What the composer offers as a start. */
    public static final String EXAMPLE = """
            {
              "metrics": [
                {"name": "Node Control/Rebirth", "type": "Boolean", "value": true}
              ]
            }""";

    private SparkplugDescription() {
    }

    /** The payload bytes; throws {@link IllegalArgumentException} saying what is wrong with the description. */
    public static byte[] encode(String description, long nowMillis) {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(description == null ? "" : description);
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException("A Sparkplug description is a JSON object: {\"metrics\": [{\"name\": …, \"type\": …, \"value\": …}]}");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("Not valid JSON: " + firstLine(e.getMessage()));
        }
        if (!root.has("metrics") || !root.get("metrics").isJsonArray()) {
            throw new IllegalArgumentException("A Sparkplug description needs \"metrics\": [{\"name\": …, \"type\": …, \"value\": …}]");
        }
        Long timestamp = root.has("timestamp") ? number(root.get("timestamp"), "timestamp") : nowMillis;
        Long seq = root.has("seq") ? Math.floorMod(number(root.get("seq"), "seq"), 256L) : null;
        JsonArray array = root.getAsJsonArray("metrics");
        List<SparkplugEncoder.Metric> metrics = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            metrics.add(metric(array.get(i), i + 1));
        }
        return SparkplugEncoder.encode(timestamp, seq, metrics);
    }

    private static SparkplugEncoder.Metric metric(JsonElement element, int position) {
        if (!element.isJsonObject()) {
            throw new IllegalArgumentException("metric " + position + " is not an object like {\"name\": …, \"type\": …, \"value\": …}");
        }
        JsonObject m = element.getAsJsonObject();
        String name = m.has("name") && !m.get("name").isJsonNull() ? m.get("name").getAsString() : null;
        Long alias = m.has("alias") && !m.get("alias").isJsonNull() ? number(m.get("alias"), "alias of metric " + position) : null;
        if (name == null && alias == null) {
            throw new IllegalArgumentException("metric " + position + " needs a \"name\" or an \"alias\"");
        }
        if (!m.has("type")) {
            throw new IllegalArgumentException("metric " + (name != null ? name : position) + " needs a \"type\": Boolean, Int32, Int64, Float, Double, String…");
        }
        JsonElement value = m.get("value");
        Object plain = value == null || value.isJsonNull() ? null
                : value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() ? (Object) value.getAsBoolean()
                : value.isJsonPrimitive() ? value.getAsString() : value.toString();
        Long timestamp = m.has("timestamp") ? number(m.get("timestamp"), "timestamp of metric " + position) : null;
        return new SparkplugEncoder.Metric(name, alias, m.get("type").getAsString(), plain, timestamp);
    }

    private static long number(JsonElement element, String what) {
        try {
            return element.getAsBigDecimal().longValueExact();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " must be a whole number, not " + element);
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "invalid" : message;
        int see = text.indexOf("\nSee ");
        return (see > 0 ? text.substring(0, see) : text).replace("com.google.gson.stream.MalformedJsonException: ", "");
    }
}
