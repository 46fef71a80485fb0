package io.mqttworkbench.decode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * CBOR (RFC 8949), shown as indented JSON. Read here, in one loop with the open maps and arrays on a
 * list rather than the call stack: a library parser took 26 s and gigabytes for a megabyte of tags
 * (each tag a byte), and recursed per level. Here each byte is looked at once: tags cost nothing,
 * nesting is shown to {@link StructuredText#MAX_DEPTH} levels, and a length or count larger than
 * what is left fails before anything is allocated.
 */
final class CborDecoder implements PayloadDecoder {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

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
        if (payload.length == 0) {
            throw new IOException("empty: no CBOR item");
        }
        BoundedText out = request.text();
        new Reader(payload, new StructuredText(out), out).read();
        String note = Sizes.bytes(payload.length) + (out.firstPartOnly() ? ", showing the first part" : ", shown as JSON");
        return Decoded.of(PayloadFormat.CBOR, out, Syntax.JSON, note);
    }

    /** One pass over the bytes; {@code remaining} per open container: items still to come, -1 until a break. */
    private static final class Reader {
        private final byte[] bytes;
        private final StructuredText json;
        private final BoundedText out;
        private int pos;
        private long[] remaining = new long[16];
        private boolean[] isMap = new boolean[16];
        /** Per open map: true when the next item is a key. */
        private boolean[] atKey = new boolean[16];
        private int open;

        Reader(byte[] bytes, StructuredText json, BoundedText out) {
            this.bytes = bytes;
            this.json = json;
            this.out = out;
        }

        void read() throws IOException {
            do {
                if (open > 0 && remaining[open - 1] == 0) {
                    close();
                    continue;
                }
                if (pos == bytes.length) {
                    throw new IOException("the data ends inside a map or array");
                }
                if ((bytes[pos] & 0xFF) == 0xFF) {
                    pos++;
                    if (open == 0 || remaining[open - 1] != -1) {
                        throw new IOException("a break (0xFF) outside an indefinite-length map or array at offset " + (pos - 1));
                    }
                    if (isMap[open - 1] && !atKey[open - 1]) {
                        throw new IOException("a map ends between a key and its value at offset " + (pos - 1));
                    }
                    close();
                    continue;
                }
                boolean key = open > 0 && isMap[open - 1] && atKey[open - 1];
                if (open > 0) {
                    if (remaining[open - 1] > 0) {
                        remaining[open - 1]--;
                    }
                    if (isMap[open - 1]) {
                        atKey[open - 1] = !key;
                    }
                }
                item(key);
            } while (open > 0 && !out.full());
            if (!out.full() && pos < bytes.length) {
                throw new IOException("more than one CBOR item (trailing bytes after offset " + pos + ")");
            }
        }

        private void close() {
            open--;
            json.end();
        }

        /** One item: tags (any number, one byte each, kept only for big numbers), then the value or the start of a container. */
        private void item(boolean key) throws IOException {
            int head = u8();
            long tag = -1;
            while (head >>> 5 == 6) {
                tag = argument(head);
                out.tick();
                head = u8();
            }
            int major = head >>> 5;
            if ((major == 4 || major == 5) && key) {
                throw new IOException("a map key that is a map or array is not supported");
            }
            switch (major) {
                case 0 -> emit(key, Long.toUnsignedString(argument(head)), false);
                case 1 -> {
                    long n = argument(head);
                    emit(key, n >= 0 ? Long.toString(-1 - n) : BigInteger.valueOf(n).add(TWO_64).negate().subtract(BigInteger.ONE).toString(), false);
                }
                case 2 -> {
                    byte[] data = string(head);
                    if ((tag == 2 || tag == 3) && !key) {
                        BigInteger n = new BigInteger(1, data);
                        emit(false, (tag == 2 ? n : n.negate().subtract(BigInteger.ONE)).toString(), false);
                    } else {
                        emit(key, "base64:" + Base64.getEncoder().encodeToString(data), true);
                    }
                }
                case 3 -> emit(key, utf8(string(head)), true);
                case 4, 5 -> container(head, major == 5);
                default -> simple(head, key);
            }
        }

        private void container(int head, boolean map) throws IOException {
            long count = (head & 0x1F) == 31 ? -1 : argument(head);
            long items = map && count > 0 ? count * 2 : count;
            if (count < -1 || items > bytes.length - pos || items < -1) {
                throw new IOException((map ? "a map" : "an array") + " claims " + Long.toUnsignedString(count) + " entries, more than the data holds");
            }
            if (open == remaining.length) {
                remaining = Arrays.copyOf(remaining, open * 2);
                isMap = Arrays.copyOf(isMap, open * 2);
                atKey = Arrays.copyOf(atKey, open * 2);
            }
            remaining[open] = items;
            isMap[open] = map;
            atKey[open] = true;
            open++;
            if (map) {
                json.beginObject();
            } else {
                json.beginArray();
            }
        }

        private void simple(int head, boolean key) throws IOException {
            int info = head & 0x1F;
            switch (info) {
                case 20 -> emit(key, "false", false);
                case 21 -> emit(key, "true", false);
                case 22, 23 -> emit(key, "null", false); // 23 is "undefined", which JSON does not have
                case 24 -> emit(key, "simple(" + u8() + ")", true);
                case 25 -> number(key, Float.float16ToFloat(bytes(2).getShort()));
                case 26 -> number(key, bytes(4).getFloat());
                case 27 -> number(key, bytes(8).getDouble());
                case 31 -> throw new IOException("a break (0xFF) where a value belongs at offset " + (pos - 1));
                default -> {
                    if (info >= 28) {
                        throw new IOException("reserved additional information " + info + " at offset " + (pos - 1));
                    }
                    emit(key, "simple(" + info + ")", true);
                }
            }
        }

        private void number(boolean key, double value) {
            if (key) {
                json.name(Double.toString(value));
            } else {
                json.number(value);
            }
        }

        private void emit(boolean key, String text, boolean quoted) {
            if (key) {
                json.name(text);
            } else if (quoted) {
                json.string(text);
            } else {
                json.literal(text);
            }
        }

        /** A byte or text string, definite or in chunks; its length is checked against what is left before it is copied. */
        private byte[] string(int head) throws IOException {
            if ((head & 0x1F) != 31) {
                return take(argument(head));
            }
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            while (true) {
                int chunk = u8();
                if (chunk == 0xFF) {
                    return chunks.toByteArray();
                }
                if (chunk >>> 5 != head >>> 5 || (chunk & 0x1F) == 31) {
                    throw new IOException("a chunk of another type inside an indefinite-length string at offset " + (pos - 1));
                }
                chunks.writeBytes(take(argument(chunk)));
                out.tick();
            }
        }

        private byte[] take(long length) throws IOException {
            if (length < 0 || length > bytes.length - pos) {
                throw new IOException("a string claims " + Long.toUnsignedString(length) + " bytes, more than the data holds");
            }
            byte[] data = Arrays.copyOfRange(bytes, pos, pos + (int) length);
            pos += (int) length;
            return data;
        }

        private static String utf8(byte[] data) throws IOException {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
            } catch (CharacterCodingException e) {
                throw new IOException("a text string that is not UTF-8");
            }
        }

        /** The head's argument: in the head itself, or in the 1, 2, 4 or 8 bytes after it (unsigned). */
        private long argument(int head) throws IOException {
            int info = head & 0x1F;
            return switch (info) {
                case 24 -> u8();
                case 25 -> bytes(2).getShort() & 0xFFFFL;
                case 26 -> bytes(4).getInt() & 0xFFFFFFFFL;
                case 27 -> bytes(8).getLong();
                default -> {
                    if (info >= 28) {
                        throw new IOException("reserved additional information " + info + " at offset " + (pos - 1));
                    }
                    yield info;
                }
            };
        }

        private int u8() throws IOException {
            if (pos == bytes.length) {
                throw new IOException(open > 0 ? "the data ends inside a map or array" : "the data ends in the middle of an item");
            }
            return bytes[pos++] & 0xFF;
        }

        private ByteBuffer bytes(int n) throws IOException {
            if (bytes.length - pos < n) {
                throw new IOException("the data ends in the middle of an item");
            }
            ByteBuffer b = ByteBuffer.wrap(bytes, pos, n);
            pos += n;
            return b;
        }
    }
}
