package io.mqttworkbench.decode;

/** UTF-8 checks for payloads, written out by hand because they run on every message in hot paths. */
public final class Utf8 {
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

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
