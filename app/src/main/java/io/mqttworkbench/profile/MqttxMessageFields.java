package io.mqttworkbench.profile;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mqttworkbench.mqtt.LastWill;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.UserProperty;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The message-shaped parts of an MQTTX connection record: its last will (with the MQTT 5 will properties in
 * every shape MQTTX has written them) and its subscriptions. See {@link MqttxImporter} for the sources.
 */
final class MqttxMessageFields {
    private MqttxMessageFields() {
    }

    static LastWill will(JsonObject c, Consumer<String> note) {
        JsonObject w = ForeignJson.object(c, "will");
        if (w == null) {
            return null;
        }
        String topic = ForeignJson.string(w, "lastWillTopic");
        if (topic == null || topic.isEmpty()) {
            // MQTTX keeps an empty will on every connection; no topic means no will.
            return null;
        }
        JsonObject p = ForeignJson.object(w, "properties");
        try {
            byte[] payload = Objects.requireNonNullElse(ForeignJson.string(w, "lastWillPayload"), "").getBytes(StandardCharsets.UTF_8);
            MessageProperties properties = new MessageProperties(
                    ForeignJson.nonBlank(source(p, w, "contentType"), "contentType"),
                    ForeignJson.bool(source(p, w, "payloadFormatIndicator"), "payloadFormatIndicator"),
                    ForeignJson.whole(source(p, w, "messageExpiryInterval"), "messageExpiryInterval"),
                    ForeignJson.nonBlank(source(p, w, "responseTopic"), "responseTopic"),
                    bytes(source(p, w, "correlationData").get("correlationData")),
                    userProperties(source(p, w, "userProperties").get("userProperties")),
                    List.of(), null);
            return new LastWill(topic, payload, or(ForeignJson.integer(w, "lastWillQos"), 0), ForeignJson.bool(w, "lastWillRetain", false),
                    properties, ForeignJson.whole(source(p, w, "willDelayInterval"), "willDelayInterval"));
        } catch (IllegalArgumentException e) {
            note.accept("the last will on '" + topic + "' was left out: " + e.getMessage());
            return null;
        }
    }

    /** The object holding {@code key}: the properties object when it has a value there, else the flat record. */
    static JsonObject source(JsonObject properties, JsonObject flat, String key) {
        return properties != null && ForeignJson.has(properties, key) ? properties : flat;
    }

    /** Correlation data as MQTTX stores it (text) or as a Node Buffer serialises ({"type":"Buffer","data":[...]}). */
    private static byte[] bytes(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (value.isJsonPrimitive()) {
            String text = value.getAsString();
            return text.isEmpty() ? null : text.getBytes(StandardCharsets.UTF_8);
        }
        if (value.isJsonObject() && value.getAsJsonObject().has("data") && value.getAsJsonObject().get("data").isJsonArray()) {
            JsonArray data = value.getAsJsonObject().getAsJsonArray("data");
            byte[] bytes = new byte[data.size()];
            for (int i = 0; i < bytes.length; i++) {
                JsonElement b = data.get(i);
                if (!b.isJsonPrimitive() || !b.getAsJsonPrimitive().isNumber()) {
                    throw new IllegalArgumentException("'correlationData' holds something that is not a byte: " + b);
                }
                bytes[i] = (byte) b.getAsInt();
            }
            return bytes.length == 0 ? null : bytes;
        }
        throw new IllegalArgumentException("'correlationData' is neither text nor a buffer");
    }

    /**
     * User properties in the shapes MQTTX uses: an object of key to value (or to a list of values for a
     * repeated key, as MQTT.js takes them), that object as a JSON string (the database column), or the
     * editor's list of {key, value, checked} pairs.
     */
    private static List<UserProperty> userProperties(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return List.of();
        }
        if (value.isJsonPrimitive()) {
            String text = value.getAsString();
            if (text.isBlank()) {
                return List.of();
            }
            JsonElement parsed;
            try {
                parsed = JsonParser.parseString(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'userProperties' is not readable: " + text);
            }
            if (parsed.isJsonPrimitive()) {
                throw new IllegalArgumentException("'userProperties' is not readable: " + text);
            }
            return userProperties(parsed);
        }
        List<UserProperty> result = new ArrayList<>();
        if (value.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
                JsonElement v = entry.getValue();
                if (v.isJsonArray()) {
                    for (JsonElement item : v.getAsJsonArray()) {
                        result.add(new UserProperty(entry.getKey(), textOf(item)));
                    }
                } else if (!v.isJsonNull()) {
                    result.add(new UserProperty(entry.getKey(), textOf(v)));
                }
            }
            return result;
        }
        for (JsonElement item : value.getAsJsonArray()) {
            if (!item.isJsonObject()) {
                throw new IllegalArgumentException("'userProperties' holds something that is not a key and value: " + item);
            }
            JsonObject pair = item.getAsJsonObject();
            String key = ForeignJson.string(pair, "key");
            if (key != null && !key.isEmpty() && ForeignJson.bool(pair, "checked", true)) {
                result.add(new UserProperty(key, Objects.requireNonNullElse(ForeignJson.string(pair, "value"), "")));
            }
        }
        return result;
    }

    private static String textOf(JsonElement value) {
        if (!value.isJsonPrimitive()) {
            throw new IllegalArgumentException("a user property value is not text: " + value);
        }
        return value.getAsString();
    }

    /** MQTTX subscriptions with their colours; one switched off in MQTTX comes in paused. */
    static List<SavedSubscription> subscriptions(JsonObject c, Consumer<String> note) {
        List<SavedSubscription> result = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (JsonElement element : ForeignJson.array(c, "subscriptions")) {
            if (!element.isJsonObject()) {
                note.accept("a subscription that is not an object was left out: " + element);
                continue;
            }
            JsonObject s = element.getAsJsonObject();
            String topic = null;
            try {
                topic = ForeignJson.string(s, "topic");
                if (topic == null || topic.isEmpty()) {
                    note.accept("a subscription without a topic was left out");
                    continue;
                }
                Integer identifier = ForeignJson.integer(s, "subscriptionIdentifier");
                SubscriptionRequest request = new SubscriptionRequest(topic, or(ForeignJson.integer(s, "qos"), 0), ForeignJson.bool(s, "nl", false),
                        ForeignJson.bool(s, "rap", false), or(ForeignJson.integer(s, "rh"), 0),
                        identifier == null || identifier == 0 ? null : identifier);
                String color = ForeignJson.nonBlank(s, "color");
                if (color == null || !color.strip().matches("#[0-9A-Fa-f]{6}")) {
                    color = SavedSubscription.nextColor(result);
                }
                result.add(new SavedSubscription(request, color, ForeignJson.bool(s, "disabled", false)));
                String alias = ForeignJson.nonBlank(s, "alias");
                if (alias != null) {
                    aliases.add("'" + alias + "' for '" + topic + "'");
                }
            } catch (IllegalArgumentException e) {
                note.accept("subscription " + (topic == null ? s.toString() : "'" + topic + "'") + " was left out: " + e.getMessage());
            }
        }
        if (!aliases.isEmpty()) {
            note.accept("subscription aliases have no place in a profile and were left out (" + String.join(", ", aliases) + ")");
        }
        return result;
    }

    /** Whether a field carries a value worth mentioning when it is dropped: not null, empty text or an empty object. */
    static boolean meaningful(JsonObject object, String key) {
        if (object == null || !ForeignJson.has(object, key)) {
            return false;
        }
        JsonElement value = object.get(key);
        if (value.isJsonPrimitive()) {
            String text = value.getAsString().strip();
            return !text.isEmpty() && !text.equals("{}") && !text.equals("[]");
        }
        return value.isJsonObject() ? !value.getAsJsonObject().isEmpty() : !value.getAsJsonArray().isEmpty();
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
