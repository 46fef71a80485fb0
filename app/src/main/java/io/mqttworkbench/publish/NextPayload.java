package io.mqttworkbench.publish;

import io.mqttworkbench.decode.Sizes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the next send of a composition would carry, told before it is sent: its size (checked against the
 * broker's maximum packet size) and a preview of the payload once its placeholders are filled in.
 */
public final class NextPayload {
    private static final int PREVIEW_CHARS = 200;

    private NextPayload() {
    }

    /** The payload's size in bytes as it would go with this counter; -1 when it cannot be told (a missing file, a placeholder that fails). */
    public static long size(Composition c, long counter) {
        try {
            if (c.encoding() == PayloadEncoding.FILE) {
                return Files.size(Path.of(c.payload().strip()));
            }
            return c.payloadBytes(Placeholders.Context.of(counter)).length;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * One line about it: "Next: …" with the filled-in placeholders, the size for hex and Base64 or a
     * file, or empty when the payload goes as typed.
     */
    public static String preview(Composition c, long counter) {
        if (c.encoding() == PayloadEncoding.FILE) {
            Path file = Path.of(c.payload().isBlank() ? "." : c.payload().strip());
            try {
                return Files.isRegularFile(file) ? Sizes.bytes(Files.size(file)) + " from " + file.getFileName() : "";
            } catch (IOException e) {
                return "";
            }
        }
        try {
            byte[] bytes = c.payloadBytes(Placeholders.Context.of(counter));
            boolean expanded = c.placeholders() && c.encoding().takesPlaceholders() && Placeholders.contains(c.payload());
            String size = Sizes.bytes(bytes.length);
            if (!expanded) {
                return c.encoding() == PayloadEncoding.HEX || c.encoding() == PayloadEncoding.BASE64 ? size + " will be sent" : "";
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            return "Next: " + (text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) + "…" : text) + "  (" + size + ")";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
