package io.mqttworkbench.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.util.Base64;

/** CBOR (RFC 8949), read with Jackson's streaming CBOR parser and shown as indented JSON. */
final class CborDecoder implements PayloadDecoder {

    @Override
    public PayloadFormat format() {
        return PayloadFormat.CBOR;
    }

    /** Maps and arrays at the top, as CBOR documents almost always are; the self-describe tag is certain. */
    @Override
    public int score(byte[] payload, String topic) {
        if (payload.length >= 3 && (payload[0] & 0xFF) == 0xD9 && (payload[1] & 0xFF) == 0xD9 && (payload[2] & 0xFF) == 0xF7) {
            return 95;
        }
        if (payload.length == 0) {
            return 0;
        }
        int first = payload[0] & 0xFF;
        if (first >= 0xA0 && first <= 0xBF) {
            return 45; // a map; for MessagePack this would be a bare string
        }
        if (first >= 0x80 && first <= 0x9F) {
            return first <= 0x8F ? 35 : 36; // an array; MessagePack reads 0x80-0x8F as a map
        }
        return 0;
    }

    @Override
    public Decoded decode(DecodeRequest request) throws IOException {
        byte[] payload = request.payload();
        CBORFactory factory = CBORFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Integer.MAX_VALUE)
                        .maxStringLength(Math.max(1024, payload.length)) // no string is longer than the payload holding it
                        .maxNumberLength(Math.max(1024, payload.length))
                        .build())
                .build();
        BoundedText out = new BoundedText(request.maxChars());
        StructuredText json = new StructuredText(out);
        try (JsonParser parser = factory.createParser(payload)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new IOException("empty: no CBOR item");
            }
            do {
                write(parser, token, json);
            } while (json.depth() > 0 && !out.full() && (token = next(parser)) != null);
            if (!out.full() && parser.nextToken() != null) {
                throw new IOException("more than one CBOR item (trailing bytes after offset " + parser.currentLocation().getByteOffset() + ")");
            }
        }
        String note = Sizes.bytes(payload.length) + (out.full() ? ", showing the first part" : ", shown as JSON");
        return new Decoded(PayloadFormat.CBOR, out.toString(), Syntax.JSON, note, "", out.full());
    }

    private static JsonToken next(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new IOException("the data ends inside a map or array");
        }
        return token;
    }

    private static void write(JsonParser parser, JsonToken token, StructuredText json) throws IOException {
        switch (token) {
            case START_OBJECT -> json.beginObject();
            case START_ARRAY -> json.beginArray();
            case END_OBJECT, END_ARRAY -> json.end();
            case FIELD_NAME -> json.name(parser.currentName());
            case VALUE_STRING -> json.string(parser.getText());
            case VALUE_NUMBER_INT -> json.literal(parser.getNumberValue().toString());
            case VALUE_NUMBER_FLOAT -> json.number(parser.getDoubleValue());
            case VALUE_TRUE -> json.literal("true");
            case VALUE_FALSE -> json.literal("false");
            case VALUE_NULL -> json.literal("null");
            case VALUE_EMBEDDED_OBJECT -> {
                Object value = parser.getEmbeddedObject();
                json.string(value instanceof byte[] bytes ? "base64:" + Base64.getEncoder().encodeToString(bytes) : String.valueOf(value));
            }
            default -> throw new IOException("unexpected " + token);
        }
    }
}
