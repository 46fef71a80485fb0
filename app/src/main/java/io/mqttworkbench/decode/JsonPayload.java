package io.mqttworkbench.decode;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Payloads that are JSON documents (an object or an array), parsed strictly: text that merely contains JSON is text. */
public final class JsonPayload {

    /** Larger documents are shown as text: parsing and pretty-printing them would cost more than it helps. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private JsonPayload() {
    }

    public static Optional<JsonElement> parse(byte[] payload) {
        if (payload.length == 0 || payload.length > MAX_BYTES) {
            return Optional.empty();
        }
        int first = 0;
        while (first < payload.length && Character.isWhitespace(payload[first])) {
            first++;
        }
        if (first == payload.length || payload[first] != '{' && payload[first] != '[') {
            return Optional.empty();
        }
        if (!Utf8.isValid(payload)) {
            return Optional.empty();
        }
        try (JsonReader reader = new JsonReader(new StringReader(new String(payload, StandardCharsets.UTF_8)))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                return Optional.empty(); // "{}{}" is two documents, not one
            }
            return Optional.of(element);
        } catch (JsonParseException | IOException | IllegalStateException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    public static String pretty(JsonElement element) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(element);
    }
}
