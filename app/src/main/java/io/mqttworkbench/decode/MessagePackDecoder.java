package io.mqttworkbench.decode;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * MessagePack, read with msgpack-core's unpacker and shown as indented JSON. Lengths the data claims
 * are checked against what is left before anything is read, so a 5-byte payload claiming a 2 GB string
 * fails at once instead of allocating it.
 */
final class MessagePackDecoder implements PayloadDecoder {

    static {
        // msgpack-core's default buffers use sun.misc.Unsafe, which JDK 24+ warns about on the console;
        // its ByteBuffer-based buffers are plenty for payload sizes. Must be set before msgpack loads.
        if (System.getProperty("msgpack.universal-buffer") == null) {
            System.setProperty("msgpack.universal-buffer", "true");
        }
    }

    @Override
    public PayloadFormat format() {
        return PayloadFormat.MSGPACK;
    }

    @Override
    public int score(byte[] payload, String topic) {
        if (payload.length == 0) {
            return 0;
        }
        int first = payload[0] & 0xFF;
        if (first >= 0x80 && first <= 0x8F || first == 0xDE || first == 0xDF) {
            return 45; // a map, the usual top level
        }
        if (first >= 0x90 && first <= 0x9F || first == 0xDC || first == 0xDD) {
            return 38;
        }
        return 0;
    }

    @Override
    public Decoded decode(DecodeRequest request) throws IOException {
        byte[] payload = request.payload();
        if (payload.length == 0) {
            throw new IOException("empty: no MessagePack value");
        }
        BoundedText out = request.text();
        StructuredText json = new StructuredText(out);
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(payload)) {
            // Per open container: entries still to read (a map has two per pair) and whether it is a map.
            long[] remaining = new long[16];
            boolean[] isMap = new boolean[16];
            int depth = 0;
            do {
                boolean key = depth > 0 && isMap[depth - 1] && remaining[depth - 1] % 2 == 0;
                if (depth > 0) {
                    remaining[depth - 1]--;
                }
                if (!unpacker.hasNext()) {
                    throw new IOException("the data ends inside a map or array");
                }
                MessageFormat format = unpacker.getNextFormat();
                long left = payload.length - unpacker.getTotalReadBytes();
                if (key) {
                    json.name(keyText(unpacker, format, left));
                } else if (format.getValueType() == ValueType.MAP || format.getValueType() == ValueType.ARRAY) {
                    boolean map = format.getValueType() == ValueType.MAP;
                    long size = map ? unpacker.unpackMapHeader() : unpacker.unpackArrayHeader();
                    long entries = map ? size * 2 : size;
                    if (entries < 0 || entries > payload.length - unpacker.getTotalReadBytes()) {
                        throw new IOException("a " + (map ? "map" : "array") + " claims " + size + " entries, more than the data holds");
                    }
                    if (depth == remaining.length) {
                        remaining = Arrays.copyOf(remaining, depth * 2);
                        isMap = Arrays.copyOf(isMap, depth * 2);
                    }
                    remaining[depth] = entries;
                    isMap[depth] = map;
                    depth++;
                    if (map) {
                        json.beginObject();
                    } else {
                        json.beginArray();
                    }
                } else {
                    scalar(unpacker, format, left, json);
                }
                while (depth > 0 && remaining[depth - 1] == 0) {
                    depth--;
                    json.end();
                }
            } while (depth > 0 && !out.full());
            if (!out.full() && unpacker.hasNext()) {
                throw new IOException("more than one MessagePack value (trailing bytes after offset " + unpacker.getTotalReadBytes() + ")");
            }
        } catch (org.msgpack.core.MessageSizeException e) {
            throw new IOException("a value claims " + e.getSize() + " bytes or entries, more than the data holds");
        } catch (org.msgpack.core.MessageInsufficientBufferException e) {
            throw new IOException("the data ends in the middle of a value");
        }
        String note = Sizes.bytes(payload.length) + (out.firstPartOnly() ? ", showing the first part" : ", shown as JSON");
        return Decoded.of(PayloadFormat.MSGPACK, out, Syntax.JSON, note);
    }

    /** Keys are usually strings; others are shown by their value. */
    private static String keyText(MessageUnpacker unpacker, MessageFormat format, long left) throws IOException {
        return switch (format.getValueType()) {
            case STRING -> string(unpacker, left);
            case INTEGER -> integer(unpacker, format);
            case BOOLEAN -> Boolean.toString(unpacker.unpackBoolean());
            case NIL -> {
                unpacker.unpackNil();
                yield "null";
            }
            case FLOAT -> Double.toString(unpacker.unpackDouble());
            default -> throw new IOException("a map key of type " + format.getValueType().name().toLowerCase() + " is not supported");
        };
    }

    private static void scalar(MessageUnpacker unpacker, MessageFormat format, long left, StructuredText json) throws IOException {
        switch (format.getValueType()) {
            case NIL -> {
                unpacker.unpackNil();
                json.literal("null");
            }
            case BOOLEAN -> json.literal(Boolean.toString(unpacker.unpackBoolean()));
            case INTEGER -> json.literal(integer(unpacker, format));
            case FLOAT -> json.number(unpacker.unpackDouble());
            case STRING -> json.string(string(unpacker, left));
            case BINARY -> {
                int length = unpacker.unpackBinaryHeader();
                json.string("base64:" + Base64.getEncoder().encodeToString(read(unpacker, length, left)));
            }
            case EXTENSION -> {
                var header = unpacker.unpackExtensionTypeHeader();
                byte[] data = read(unpacker, header.getLength(), left);
                if (header.getType() == -1 && (data.length == 4 || data.length == 8 || data.length == 12)) {
                    json.string(timestamp(data).toString());
                } else {
                    json.beginObject();
                    json.name("extType");
                    json.literal(Byte.toString(header.getType()));
                    json.name("data");
                    json.string("base64:" + Base64.getEncoder().encodeToString(data));
                    json.end();
                }
            }
            default -> throw new IOException("unexpected " + format);
        }
    }

    private static String integer(MessageUnpacker unpacker, MessageFormat format) throws IOException {
        return format == MessageFormat.UINT64 ? unpacker.unpackBigInteger().toString() : Long.toString(unpacker.unpackLong());
    }

    private static String string(MessageUnpacker unpacker, long left) throws IOException {
        int length = unpacker.unpackRawStringHeader();
        return new String(read(unpacker, length, left), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] read(MessageUnpacker unpacker, int length, long left) throws IOException {
        if (length < 0 || length > left) {
            throw new IOException("a value claims " + Integer.toUnsignedString(length) + " bytes, more than the data holds");
        }
        return unpacker.readPayload(length);
    }

    /** The timestamp extension (type -1) in its three sizes. */
    private static Instant timestamp(byte[] d) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(d);
        return switch (d.length) {
            case 4 -> Instant.ofEpochSecond(Integer.toUnsignedLong(b.getInt()));
            case 8 -> {
                long v = b.getLong();
                yield Instant.ofEpochSecond(v & 0x3FFFFFFFFL, v >>> 34);
            }
            default -> {
                int nanos = b.getInt();
                yield Instant.ofEpochSecond(b.getLong(), Integer.toUnsignedLong(nanos));
            }
        };
    }
}
