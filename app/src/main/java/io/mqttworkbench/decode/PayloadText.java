package io.mqttworkbench.decode;

import java.nio.charset.StandardCharsets;

/**
 * A payload prepared for reading: UTF-8 text when it is text, a hex dump when it is binary, and never
 * more than a stated number of bytes at once so a 200-MB payload cannot freeze a view. What was left
 * out is always said, never hidden.
 *
 * @param text what to show
 * @param binary true when shown as a hex dump
 * @param shownBytes how many payload bytes {@code text} covers
 * @param totalBytes the payload's full size
 */
public record PayloadText(String text, boolean binary, int shownBytes, int totalBytes) {

    public static PayloadText of(byte[] payload, int textLimit, int hexLimit) {
        if (PayloadPreview.looksLikeText(payload, 4096)) {
            int shown = Math.min(payload.length, textLimit);
            // Do not split a multi-byte character at the cut.
            while (shown < payload.length && shown > 0 && (payload[shown] & 0xC0) == 0x80) {
                shown--;
            }
            return new PayloadText(new String(payload, 0, shown, StandardCharsets.UTF_8), false, shown, payload.length);
        }
        int shown = Math.min(payload.length, hexLimit);
        return new PayloadText(HexDump.format(payload, 0, shown), true, shown, payload.length);
    }

    public boolean truncated() {
        return shownBytes < totalBytes;
    }
}
