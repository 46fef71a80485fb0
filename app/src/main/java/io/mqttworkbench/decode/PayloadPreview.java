package io.mqttworkbench.decode;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A short, single-line view of a payload for lists and tables. It reads only the first bytes, so it
 * costs the same for a 10-byte and a 200-MB payload.
 */
public final class PayloadPreview {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private PayloadPreview() {
    }

    /** Text on one line (control characters shown as spaces) when UTF-8, otherwise the first bytes in hex. */
    public static String of(byte[] payload, int maxChars) {
        if (payload.length == 0) {
            return "";
        }
        int probe = Math.min(payload.length, maxChars * 4);
        int valid = validPrefix(payload, probe);
        boolean text = valid == probe || payload.length > probe && probe - valid < 4;
        if (!text) {
            int bytes = Math.min(payload.length, Math.max(1, maxChars / 3));
            return HEX.formatHex(payload, 0, bytes) + (payload.length > bytes ? " …" : "");
        }
        String s = new String(payload, 0, valid, StandardCharsets.UTF_8);
        StringBuilder line = new StringBuilder(Math.min(s.length(), maxChars + 1));
        boolean lastWasSpace = false;
        int i = 0;
        for (; i < s.length() && line.length() < maxChars; i++) {
            char c = s.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isISOControl(c);
            if (!(space && lastWasSpace)) {
                line.append(space ? ' ' : c); // pretty-printed JSON reads better with its indentation folded
            }
            lastWasSpace = space;
        }
        if (i < s.length() || valid < payload.length) {
            line.append('…');
        }
        return line.toString();
    }

    /** True when the payload reads as UTF-8 text, judging by its first {@code probeBytes} bytes. */
    public static boolean looksLikeText(byte[] payload, int probeBytes) {
        int probe = Math.min(payload.length, probeBytes);
        int valid = validPrefix(payload, probe);
        return valid == probe || payload.length > probe && probe - valid < 4;
    }

    /**
     * Text a person can read: valid UTF-8 (judging by the first {@code probeBytes}) with hardly any
     * control characters besides tabs and line breaks. Protobuf and other binary formats are often
     * valid UTF-8 by accident, but full of control bytes.
     */
    public static boolean looksReadable(byte[] payload, int probeBytes) {
        if (!looksLikeText(payload, probeBytes)) {
            return false;
        }
        int probe = Math.min(payload.length, probeBytes);
        int controls = 0;
        for (int i = 0; i < probe; i++) {
            int b = payload[i];
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7F) {
                controls++;
            }
        }
        return controls * 50 <= probe;
    }

    /** Length of the longest prefix of bytes[0, length) that is valid UTF-8 cut at a character boundary. */
    private static int validPrefix(byte[] bytes, int length) {
        int end = length;
        // A multi-byte character may be cut at the probe boundary: step back over its start.
        for (int back = 0; back < 3 && end > 0 && !Utf8.isValid(bytes, 0, end); back++) {
            end--;
        }
        return Utf8.isValid(bytes, 0, end) ? end : 0;
    }
}
