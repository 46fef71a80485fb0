package io.mqttworkbench.decode;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * JSON, validated strictly and pretty-printed while it is read: a token stream, no tree and no
 * recursion, so a 200 MB document or one nested 10,000 levels deep reads like any other.
 */
final class JsonDecoder implements PayloadDecoder {

    @Override
    public PayloadFormat format() {
        return PayloadFormat.JSON;
    }

    @Override
    public int score(byte[] payload, String topic) {
        int i = firstNonSpace(payload);
        if (i == payload.length) {
            return 0;
        }
        return switch (payload[i]) {
            case '{', '[' -> 90;
            case '"' -> 60;
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 't', 'f', 'n' -> 40; // text reads as well
            default -> 0;
        };
    }

    static int firstNonSpace(byte[] payload) {
        int i = 0;
        // a UTF-8 byte order mark is allowed before JSON
        if (payload.length >= 3 && (payload[0] & 0xFF) == 0xEF && (payload[1] & 0xFF) == 0xBB && (payload[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < payload.length && (payload[i] == ' ' || payload[i] == '\t' || payload[i] == '\n' || payload[i] == '\r')) {
            i++;
        }
        return i;
    }

    @Override
    public Decoded decode(DecodeRequest request) throws IOException {
        byte[] payload = request.payload();
        var utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean bom = payload.length >= 3 && (payload[0] & 0xFF) == 0xEF && (payload[1] & 0xFF) == 0xBB && (payload[2] & 0xFF) == 0xBF;
        int start = bom ? 3 : 0;
        BoundedText out = request.text();
        StructuredText json = new StructuredText(out, Integer.MAX_VALUE); // text: every entry took bytes to write
        try (JsonReader reader = new JsonReader(new InputStreamReader(
                new ByteArrayInputStream(payload, start, payload.length - start), utf8))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(Integer.MAX_VALUE);
            if (reader.peek() == JsonToken.END_DOCUMENT) {
                throw new IOException("empty: no JSON value");
            }
            do {
                copyToken(reader, json);
            } while (json.depth() > 0 && !out.full());
            if (!out.full() && !atEnd(reader)) {
                throw new IOException("more than one JSON value");
            }
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text");
        } catch (com.google.gson.stream.MalformedJsonException e) {
            // Gson's advice to go lenient is for programmers; users need where it broke.
            throw new IOException(e.getMessage().replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON"));
        }
        String note = Sizes.bytes(payload.length) + (out.firstPartOnly() ? ", showing the first part" : ", pretty-printed");
        return Decoded.of(PayloadFormat.JSON, out, Syntax.JSON, note);
    }

    /** Strict mode refuses to even look past the first value: anything but the end is a second one. */
    private static boolean atEnd(JsonReader reader) {
        try {
            return reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException e) {
            return false;
        }
    }

    private static void copyToken(JsonReader reader, StructuredText json) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                reader.beginObject();
                json.beginObject();
            }
            case END_OBJECT -> {
                reader.endObject();
                json.end();
            }
            case BEGIN_ARRAY -> {
                reader.beginArray();
                json.beginArray();
            }
            case END_ARRAY -> {
                reader.endArray();
                json.end();
            }
            case NAME -> json.name(reader.nextName());
            case STRING -> json.string(reader.nextString());
            case NUMBER -> json.literal(reader.nextString()); // as written: no rounding of 0.1 or big integers
            case BOOLEAN -> json.literal(Boolean.toString(reader.nextBoolean()));
            case NULL -> {
                reader.nextNull();
                json.literal("null");
            }
            case END_DOCUMENT -> throw new IOException("the document ends early");
        }
    }
}
