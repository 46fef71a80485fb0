package io.mqttworkbench.message;

import com.google.gson.stream.JsonWriter;
import io.mqttworkbench.decode.Utf8;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.UserProperty;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes a message as one JSON object: the line format of {@code sub --json}, and the message part of
 * the recording format. Payloads (and correlation data) are UTF-8 text when they are valid UTF-8 and
 * base64 otherwise, with an {@code encoding} field saying which, so every byte survives the trip.
 *
 * <pre>{"time":1700000000123,"topic":"a/b","qos":1,"retain":false,"encoding":"utf8","payload":"hi",
 *  "properties":{"contentType":"text/plain","userProperties":[{"key":"k","value":"v"}]}}</pre>
 */
public final class MessageJson {
    public static final String UTF8 = "utf8";
    public static final String BASE64 = "base64";

    private MessageJson() {
    }

    /** Writes one JSON object, without a line break. */
    public static void write(ReceivedMessage message, Writer out) throws IOException {
        write(message, null, null, out);
    }

    /**
     * Writes one JSON object, without a line break; with {@code decodedFormat}, also the payload as a
     * decoder showed it ({@code "decodedFormat"} and {@code "decoded"}).
     */
    public static void write(ReceivedMessage message, String decodedFormat, String decoded, Writer out) throws IOException {
        JsonWriter json = new JsonWriter(out);
        json.setHtmlSafe(false);
        json.beginObject();
        json.name("time").value(message.receivedEpochMillis());
        json.name("topic").value(message.topic());
        json.name("qos").value(message.qos());
        json.name("retain").value(message.retained());
        if (message.duplicate()) {
            json.name("duplicate").value(true);
        }
        writeBytes(json, "payload", "encoding", message.payload());
        if (!message.properties().isEmpty()) {
            json.name("properties");
            writeProperties(json, message.properties());
        }
        if (decodedFormat != null) {
            json.name("decodedFormat").value(decodedFormat);
            json.name("decoded").value(decoded);
        }
        json.endObject(); // JsonWriter writes straight through: no flush, the caller decides when
    }

    /**
     * One message as a recording line: the same object as {@link #write(ReceivedMessage, Writer)} with
     * {@code offsetMicros}, the time since the recording began, in microseconds.
     */
    public static void writeRecorded(ReceivedMessage message, long offsetMicros, Writer out) throws IOException {
        JsonWriter json = new JsonWriter(out);
        json.setHtmlSafe(false);
        json.beginObject();
        json.name("time").value(message.receivedEpochMillis());
        json.name("offsetMicros").value(offsetMicros);
        json.name("topic").value(message.topic());
        json.name("qos").value(message.qos());
        json.name("retain").value(message.retained());
        writeBytes(json, "payload", "encoding", message.payload());
        if (!message.properties().isEmpty()) {
            json.name("properties");
            writeProperties(json, message.properties());
        }
        json.endObject();
    }

    /** A line read back: the message and its offset (null when the line has none, as in a log export). */
    public record Read(ReceivedMessage message, Long offsetMicros) {
    }

    /**
     * Reads one object written by this class; throws {@link IllegalArgumentException} saying what is wrong.
     * The message's arrival nanos are its offset (or 0), so replay pacing can use them.
     */
    public static Read read(String line) {
        com.google.gson.JsonObject o;
        try {
            o = com.google.gson.JsonParser.parseString(line).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a JSON object");
        }
        try {
            String topic = o.get("topic").getAsString();
            byte[] payload = bytes(o, "payload", "encoding");
            int qos = o.has("qos") ? o.get("qos").getAsInt() : 0;
            boolean retain = o.has("retain") && o.get("retain").getAsBoolean();
            long time = o.has("time") ? o.get("time").getAsLong() : 0;
            Long offset = o.has("offsetMicros") ? o.get("offsetMicros").getAsLong() : null;
            MessageProperties properties = o.has("properties") ? properties(o.getAsJsonObject("properties")) : MessageProperties.NONE;
            io.mqttworkbench.mqtt.Qos.require(qos);
            return new Read(new ReceivedMessage(topic, payload, qos, retain, false, offset == null ? 0 : offset * 1000, time, properties), offset);
        } catch (NullPointerException | ClassCastException | IllegalStateException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("a field is missing or has the wrong type");
        }
    }

    private static byte[] bytes(com.google.gson.JsonObject o, String field, String encodingField) {
        if (!o.has(field)) {
            return new byte[0];
        }
        String text = o.get(field).getAsString();
        String encoding = o.has(encodingField) ? o.get(encodingField).getAsString() : UTF8;
        if (BASE64.equals(encoding)) {
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + " is not valid base64");
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageProperties properties(com.google.gson.JsonObject p) {
        java.util.List<UserProperty> users = new java.util.ArrayList<>();
        if (p.has("userProperties")) {
            for (var e : p.getAsJsonArray("userProperties")) {
                var u = e.getAsJsonObject();
                users.add(new UserProperty(u.get("key").getAsString(), u.get("value").getAsString()));
            }
        }
        java.util.List<Integer> ids = new java.util.ArrayList<>();
        if (p.has("subscriptionIdentifiers")) {
            p.getAsJsonArray("subscriptionIdentifiers").forEach(e -> ids.add(e.getAsInt()));
        }
        return new MessageProperties(
                p.has("contentType") ? p.get("contentType").getAsString() : null,
                p.has("payloadFormatIndicator") ? p.get("payloadFormatIndicator").getAsInt() == 1 : null,
                p.has("messageExpiryInterval") ? p.get("messageExpiryInterval").getAsLong() : null,
                p.has("responseTopic") ? p.get("responseTopic").getAsString() : null,
                p.has("correlationData") ? bytes(p, "correlationData", "correlationDataEncoding") : null,
                users, ids,
                p.has("topicAlias") ? p.get("topicAlias").getAsInt() : null);
    }

    public static String toJson(ReceivedMessage message) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            write(message, out);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void writeProperties(JsonWriter json, MessageProperties p) throws IOException {
        json.beginObject();
        if (p.contentType() != null) {
            json.name("contentType").value(p.contentType());
        }
        if (p.payloadFormatUtf8() != null) {
            json.name("payloadFormatIndicator").value(p.payloadFormatUtf8() ? 1 : 0);
        }
        if (p.messageExpirySeconds() != null) {
            json.name("messageExpiryInterval").value(p.messageExpirySeconds());
        }
        if (p.responseTopic() != null) {
            json.name("responseTopic").value(p.responseTopic());
        }
        if (p.correlationData() != null) {
            writeBytes(json, "correlationData", "correlationDataEncoding", p.correlationData());
        }
        if (!p.userProperties().isEmpty()) {
            json.name("userProperties").beginArray();
            for (UserProperty u : p.userProperties()) {
                json.beginObject().name("key").value(u.key()).name("value").value(u.value()).endObject();
            }
            json.endArray();
        }
        if (!p.subscriptionIdentifiers().isEmpty()) {
            json.name("subscriptionIdentifiers").beginArray();
            for (Integer id : p.subscriptionIdentifiers()) {
                json.value(id);
            }
            json.endArray();
        }
        if (p.topicAlias() != null) {
            json.name("topicAlias").value(p.topicAlias());
        }
        json.endObject();
    }

    private static void writeBytes(JsonWriter json, String field, String encodingField, byte[] bytes) throws IOException {
        if (Utf8.isValid(bytes)) {
            json.name(encodingField).value(UTF8);
            json.name(field).value(new String(bytes, StandardCharsets.UTF_8));
        } else {
            json.name(encodingField).value(BASE64);
            json.name(field).value(Base64.getEncoder().encodeToString(bytes));
        }
    }
}
