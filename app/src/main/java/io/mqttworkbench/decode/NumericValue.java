package io.mqttworkbench.decode;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Numbers in payloads, for charts: the payload itself when it is a number ({@code 21.5}, {@code true}),
 * or a field of a JSON payload named by a path such as {@code sensors[0].temperature}.
 */
public final class NumericValue {

    /** The path that means "the payload itself". */
    public static final String WHOLE_PAYLOAD = "";
    private static final int MAX_TEXT_BYTES = 64;

    private NumericValue() {
    }

    /** The number at the path, if there is one. */
    public static OptionalDouble of(byte[] payload, String path) {
        if (path.isEmpty()) {
            return plain(payload);
        }
        return JsonPayload.parse(payload).map(root -> at(root, path)).orElse(OptionalDouble.empty());
    }

    /** A payload that is just a number, or true/false (charted as 1/0). */
    static OptionalDouble plain(byte[] payload) {
        if (payload.length == 0 || payload.length > MAX_TEXT_BYTES) {
            return OptionalDouble.empty();
        }
        String text = new String(payload, StandardCharsets.UTF_8).strip();
        if (text.equalsIgnoreCase("true")) {
            return OptionalDouble.of(1);
        }
        if (text.equalsIgnoreCase("false")) {
            return OptionalDouble.of(0);
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    static OptionalDouble at(JsonElement root, String path) {
        JsonElement element = root;
        for (JsonPath.Step step : JsonPath.steps(path)) {
            if (element == null) {
                return OptionalDouble.empty();
            }
            if (step.isIndex()) {
                int index = step.index();
                element = element.isJsonArray() && index >= 0 && index < element.getAsJsonArray().size()
                        ? element.getAsJsonArray().get(index) : null;
            } else {
                element = element.isJsonObject() ? element.getAsJsonObject().get(step.key()) : null;
            }
        }
        return number(element);
    }

    private static OptionalDouble number(JsonElement element) {
        if (element == null || !element.isJsonPrimitive()) {
            return OptionalDouble.empty();
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isNumber()) {
            double value = primitive.getAsDouble();
            return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        }
        if (primitive.isBoolean()) {
            return OptionalDouble.of(primitive.getAsBoolean() ? 1 : 0);
        }
        return plain(primitive.getAsString().getBytes(StandardCharsets.UTF_8)); // "21.5" as a string is still a reading
    }

    /**
     * What can be charted in a payload: {@link #WHOLE_PAYLOAD} for a plain number, else the paths of the
     * numeric (and boolean) fields of a JSON payload, in document order, at most {@code limit}.
     */
    public static List<String> chartablePaths(byte[] payload, int limit) {
        if (plain(payload).isPresent()) {
            return List.of(WHOLE_PAYLOAD);
        }
        List<String> paths = new ArrayList<>();
        JsonPayload.parse(payload).ifPresent(root -> collect(root, "", paths, limit));
        return paths;
    }

    private static void collect(JsonElement element, String path, List<String> paths, int limit) {
        if (paths.size() >= limit) {
            return;
        }
        if (element.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : ((JsonObject) element).entrySet()) {
                collect(entry.getValue(), JsonPath.child(path, entry.getKey()), paths, limit);
            }
        } else if (element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                collect(array.get(i), path + "[" + i + "]", paths, limit);
            }
        } else if (number(element).isPresent() && !path.isEmpty()) {
            paths.add(path);
        }
    }
}
