package io.mqttworkbench.publish;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.mqttworkbench.publish.DescriptionProblem.Check;
import io.mqttworkbench.sparkplug.EncodeProblem;
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

    /** The payload bytes; throws {@link DescriptionProblem.Invalid} saying what is wrong with the description. */
    public static byte[] encode(String description, long nowMillis) {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(description == null ? "" : description);
            if (!parsed.isJsonObject()) {
                throw invalid(Check.NOT_OBJECT, "", "");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw invalid(Check.INVALID_JSON, "", firstLine(e.getMessage()));
        }
        if (!root.has("metrics") || !root.get("metrics").isJsonArray()) {
            throw invalid(Check.NO_METRICS, "", "");
        }
        Long timestamp = root.has("timestamp") ? number(root.get("timestamp"), Check.TIMESTAMP_NOT_WHOLE, 0) : nowMillis;
        Long seq = root.has("seq") ? Math.floorMod(number(root.get("seq"), Check.SEQ_NOT_WHOLE, 0), 256L) : null;
        JsonArray array = root.getAsJsonArray("metrics");
        try {
            List<SparkplugEncoder.Metric> metrics = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                metrics.add(metric(array.get(i), i + 1));
            }
            return SparkplugEncoder.encode(timestamp, seq, metrics);
        } catch (EncodeProblem.Refused e) { // a metric the encoder cannot write, as it says
            throw new DescriptionProblem.Invalid(new DescriptionProblem(Check.ENCODER, "", "", e.problem()), e);
        }
    }

    private static SparkplugEncoder.Metric metric(JsonElement element, int position) {
        if (!element.isJsonObject()) {
            throw invalid(Check.METRIC_NOT_OBJECT, String.valueOf(position), "");
        }
        JsonObject m = element.getAsJsonObject();
        String name = m.has("name") && !m.get("name").isJsonNull() ? m.get("name").getAsString() : null;
        Long alias = m.has("alias") && !m.get("alias").isJsonNull() ? number(m.get("alias"), Check.ALIAS_NOT_WHOLE, position) : null;
        if (name == null && alias == null) {
            throw invalid(Check.NO_NAME, String.valueOf(position), "");
        }
        if (!m.has("type")) {
            throw invalid(Check.NO_TYPE, name != null ? name : String.valueOf(position), "");
        }
        JsonElement value = m.get("value");
        Object plain = value == null || value.isJsonNull() ? null
                : value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() ? (Object) value.getAsBoolean()
                : value.isJsonPrimitive() ? value.getAsString() : value.toString();
        Long timestamp = m.has("timestamp") ? number(m.get("timestamp"), Check.METRIC_TIMESTAMP_NOT_WHOLE, position) : null;
        return new SparkplugEncoder.Metric(name, alias, m.get("type").getAsString(), plain, timestamp);
    }

    private static long number(JsonElement element, Check notWhole, int position) {
        try {
            return element.getAsBigDecimal().longValueExact();
        } catch (RuntimeException e) {
            throw invalid(notWhole, String.valueOf(position), element.toString());
        }
    }

    private static DescriptionProblem.Invalid invalid(Check check, String metric, String value) {
        return new DescriptionProblem.Invalid(DescriptionProblem.of(check, metric, value), null);
    }

    private static String firstLine(String message) {
        String text = message == null ? "invalid" : message;
        int see = text.indexOf("\nSee ");
        return (see > 0 ? text.substring(0, see) : text).replace("com.google.gson.stream.MalformedJsonException: ", "");
    }
}
