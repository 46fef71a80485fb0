package io.mqttworkbench.profile;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;

/**
 * Reads fields from JSON written by other tools. Those tools are loose about types (a QoS read back from
 * SQLite may arrive as "1", a flag as "true"), so each accessor takes what the value plainly means and
 * throws {@link IllegalArgumentException} naming the field when it cannot. The importers turn those
 * into a note about the one connection concerned, so a single odd value never loses the whole file.
 */
final class ForeignJson {

    private ForeignJson() {
    }

    /** The document's root; a {@link ProfileFormatException} with the parser's reason when it is not JSON. */
    static JsonElement parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ProfileFormatException("the file is empty");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (RuntimeException e) {
            throw new ProfileFormatException("not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || root.isJsonNull()) {
            throw new ProfileFormatException("the file is empty");
        }
        return root;
    }

    /** True when the key is there with a value other than null. */
    static boolean has(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && !value.isJsonNull();
    }

    /** Text, or null when absent. Numbers and booleans give their text, as the tools wrote them. */
    static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive()) {
            throw new IllegalArgumentException("'" + key + "' is not text");
        }
        return value.getAsString();
    }

    /** Text with surrounding blanks removed, null when absent or blank. */
    static String nonBlank(JsonObject object, String key) {
        String text = string(object, key);
        return text == null || text.isBlank() ? null : text.strip();
    }

    static Integer integer(JsonObject object, String key) {
        Long value = whole(object, key);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + key + "' (" + value + ") is out of range");
        }
        return value.intValue();
    }

    /** A whole number, from a JSON number or a numeric string; null when absent or an empty string. */
    static Long whole(JsonObject object, String key) {
        JsonElement value = object.get(key);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (value.isJsonPrimitive()) {
            JsonPrimitive primitive = value.getAsJsonPrimitive();
            String text = primitive.getAsString().strip();
            if (primitive.isString() && text.isEmpty()) {
                return null;
            }
            if (primitive.isNumber() || primitive.isString()) {
                try {
                    return new BigDecimal(text).longValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    // falls through to the message below
                }
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a whole number: " + value);
    }

    /** A flag, from true/false or their strings; null when absent. */
    static Boolean bool(JsonObject object, String key) {
        JsonElement value = object.get(key);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (value.isJsonPrimitive()) {
            JsonPrimitive primitive = value.getAsJsonPrimitive();
            if (primitive.isBoolean()) {
                return primitive.getAsBoolean();
            }
            String text = primitive.getAsString().strip();
            if (text.equalsIgnoreCase("true")) {
                return true;
            }
            if (text.equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not true or false: " + value);
    }

    static boolean bool(JsonObject object, String key, boolean fallback) {
        Boolean value = bool(object, key);
        return value == null ? fallback : value;
    }

    static JsonObject object(JsonObject object, String key) {
        JsonElement value = object.get(key);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonObject()) {
            throw new IllegalArgumentException("'" + key + "' is not an object");
        }
        return value.getAsJsonObject();
    }

    static JsonArray array(JsonObject object, String key) {
        JsonElement value = object.get(key);
        if (value == null || value.isJsonNull()) {
            return new JsonArray();
        }
        if (!value.isJsonArray()) {
            throw new IllegalArgumentException("'" + key + "' is not a list");
        }
        return value.getAsJsonArray();
    }

    /** How a connection is called in notes: "Connection 2 'Prod'", or "Connection 2" when it has no name. */
    static String label(int number, JsonObject connection) {
        JsonElement name = connection.get("name");
        if (name != null && name.isJsonPrimitive() && !name.getAsString().isBlank()) {
            return "Connection " + number + " '" + name.getAsString().strip() + "'";
        }
        return "Connection " + number;
    }

    static String firstLine(String text) {
        if (text == null) {
            return "no details";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
