package io.mqttworkbench.decode;

/** UTF-8 checks for payloads, written out by hand because they run on every message in hot paths. */
public final class Utf8 {
    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();
    /** Reads eight bytes at once: plain ASCII, most payloads, is then checked a word at a time. */
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private Utf8() {
    }

    /** True when {@code bytes} is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). */
    public static boolean isValid(byte[] bytes) {
        return isValid(bytes, 0, bytes.length);
    }

    public static boolean isValid(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            while (i + 8 <= end && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += 8;
            }
            if (i >= end) {
                break;
            }
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            if ((b & 0xE0) == 0xC0) {
                if ((b & 0x1E) == 0 || i + 1 >= end || !continuation(bytes[i + 1])) {
                    return false; // overlong (C0, C1) or truncated
                }
                i += 2;
            } else if ((b & 0xF0) == 0xE0) {
                if (i + 2 >= end || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])) {
                    return false;
                }
                int b1 = bytes[i + 1] & 0xFF;
                if ((b & 0x0F) == 0 && b1 < 0xA0) {
                    return false; // overlong
                }
                if ((b & 0x0F) == 0x0D && b1 >= 0xA0) {
                    return false; // UTF-16 surrogate
                }
                i += 3;
            } else if ((b & 0xF8) == 0xF0) {
                if (i + 3 >= end || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2]) || !continuation(bytes[i + 3])) {
                    return false;
                }
                int code = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3F) << 12);
                if (code < 0x10000 || code > 0x10FFFF) {
                    return false; // overlong or beyond Unicode
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes into {@code out} up to its limit; each byte that is not part of a well-formed sequence is
     * written as {@code \xNN}, and control characters other than tab and line breaks as escapes such as {@code \\u0007},
     * so nothing is dropped and nothing garbles the view.
     *
     * @return how many invalid bytes were escaped
     */
    static int decodeLenient(byte[] bytes, BoundedText out) {
        int invalid = 0;
        int i = 0;
        int n = bytes.length;
        StringBuilder run = new StringBuilder(256);
        while (i < n && !out.full()) {
            int b = bytes[i];
            int length = b >= 0 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
            if (length > 0 && i + length <= n && isValid(bytes, i, length)) {
                int cp = switch (length) {
                    case 1 -> b;
                    case 2 -> ((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F);
                    case 3 -> ((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F);
                    default -> ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3F) << 12) | ((bytes[i + 2] & 0x3F) << 6) | (bytes[i + 3] & 0x3F);
                };
                if (cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t' || cp == 0x7F) {
                    run.append(controlEscape(cp));
                } else {
                    run.appendCodePoint(cp);
                }
                i += length;
            } else {
                run.append("\\x").append(HEX_DIGITS[(b >> 4) & 0xF]).append(HEX_DIGITS[b & 0xF]);
                invalid++;
                i++;
            }
            if (run.length() >= 200) {
                out.append(run);
                run.setLength(0);
            }
        }
        out.append(run);
        return invalid;
    }

    /** {@code \\u0007} for U+0007: made once, since formatting one each time cost 500 bytes per byte of a payload of them. */
    private static final String[] CONTROL_ESCAPES = java.util.stream.IntStream.range(0, 0x80)
            .mapToObj(c -> String.format("\\u%04x", c)).toArray(String[]::new);

    /** The escape for a control character (below U+0080), as JSON writes it. */
    static String controlEscape(int c) {
        return CONTROL_ESCAPES[c];
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
