package io.mqttworkbench.decode;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Protocol Buffers. With a schema mapped to the topic (see {@link ProtoSchemas}), the named message as
 * JSON; without one, the wire format itself: field numbers, wire types and values, with nested messages
 * and strings guessed from the bytes.
 */
final class ProtobufDecoder implements PayloadDecoder {
    /** Guessed nesting stops here; deeper bytes are shown as bytes. */
    private static final int MAX_NESTING = 48;

    private final ProtoSchemas schemas;

    ProtobufDecoder(ProtoSchemas schemas) {
        this.schemas = schemas;
    }

    @Override
    public PayloadFormat format() {
        return PayloadFormat.PROTOBUF;
    }

    @Override
    public int score(byte[] payload, String topic) {
        if (schemas.forTopic(topic).isPresent()) {
            return 92;
        }
        if (payload.length < 2 || PayloadPreview.looksReadable(payload, 256)) {
            return 0;
        }
        int tag = payload[0] & 0xFF;
        int wireType = tag & 7;
        return (tag >> 3) > 0 && (wireType == 0 || wireType == 1 || wireType == 2 || wireType == 5) ? 20 : 0;
    }

    @Override
    public Decoded decode(DecodeRequest request) throws IOException {
        Optional<ProtoSchemas.Mapping> schema = schemas.forTopic(request.topic());
        StringBuilder why = new StringBuilder();
        if (schema.isPresent()) {
            Decoded named = ProtobufSchemaView.decode(request, schema.get(), why);
            if (named != null) {
                return named;
            }
        }
        byte[] payload = request.payload();
        if (payload.length == 0) {
            throw new IOException("empty: no fields");
        }
        if (!isMessage(payload, 0, payload.length, 0)) {
            throw new IOException("not Protobuf wire format");
        }
        BoundedText out = request.text();
        StructuredText json = new StructuredText(out);
        json.beginObject();
        fields(payload, 0, payload.length, json, 0);
        json.end();
        String note = Sizes.bytes(payload.length) + ", wire format without a schema"
                + (out.firstPartOnly() ? ", showing the first part" : "; field numbers with wire types, nesting guessed");
        return Decoded.of(PayloadFormat.PROTOBUF, out, Syntax.JSON, why.isEmpty() ? note : Sizes.bytes(payload.length) + ", " + why
                + (out.firstPartOnly() ? ", showing the first part" : ""));
    }

    /** True when the bytes are one or more well-formed fields and nothing else. */
    private static boolean isMessage(byte[] bytes, int offset, int length, int depth) {
        CodedInputStream in = CodedInputStream.newInstance(bytes, offset, length);
        try {
            int count = 0;
            while (!in.isAtEnd()) {
                int tag = in.readTag();
                int number = tag >>> 3;
                if (number == 0 || number > 536_870_911) {
                    return false;
                }
                switch (tag & 7) {
                    case 0 -> in.readRawVarint64();
                    case 1 -> in.readRawLittleEndian64();
                    case 2 -> {
                        int size = in.readRawVarint32();
                        if (size < 0 || size > length) {
                            return false;
                        }
                        in.skipRawBytes(size);
                    }
                    case 5 -> in.readRawLittleEndian32();
                    default -> {
                        return false; // groups (3, 4) are long deprecated; 6 and 7 do not exist
                    }
                }
                count++;
            }
            return count > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void fields(byte[] bytes, int offset, int length, StructuredText json, int depth) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes, offset, length);
        while (!in.isAtEnd() && !json.full()) {
            int tag = in.readTag();
            int number = tag >>> 3;
            switch (tag & 7) {
                case 0 -> {
                    long v = in.readRawVarint64();
                    json.name(number + " (varint)");
                    json.literal(v < 0 ? Long.toUnsignedString(v) + " (" + v + " signed)" : Long.toString(v));
                }
                case 1 -> {
                    long v = in.readRawLittleEndian64();
                    json.name(number + " (fixed64)");
                    json.string(String.format(Locale.ROOT, "%d / double %s", v, Double.longBitsToDouble(v)));
                }
                case 5 -> {
                    int v = in.readRawLittleEndian32();
                    json.name(number + " (fixed32)");
                    json.string(String.format(Locale.ROOT, "%d / float %s", v, Float.intBitsToFloat(v)));
                }
                case 2 -> {
                    int size = in.readRawVarint32();
                    int start = offset + in.getTotalBytesRead();
                    in.skipRawBytes(size);
                    if (size > 0 && PayloadPreview.looksReadable(slice(bytes, start, Math.min(size, 512)), 512) && Utf8.isValid(bytes, start, size)) {
                        json.name(number + " (string)");
                        json.string(new String(bytes, start, size, StandardCharsets.UTF_8));
                    } else if (size > 0 && depth < MAX_NESTING && isMessage(bytes, start, size, depth + 1)) {
                        json.name(number + " (message)");
                        json.beginObject();
                        fields(bytes, start, size, json, depth + 1);
                        json.end();
                    } else {
                        json.name(number + " (bytes)");
                        json.string(size == 0 ? "" : "base64:" + Base64.getEncoder().encodeToString(slice(bytes, start, size)));
                    }
                }
                default -> throw new IOException("wire type " + (tag & 7) + " at field " + number);
            }
        }
    }

    private static byte[] slice(byte[] bytes, int start, int length) {
        return java.util.Arrays.copyOfRange(bytes, start, start + length);
    }
}
