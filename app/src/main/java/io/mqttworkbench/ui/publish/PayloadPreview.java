package io.mqttworkbench.ui.publish;

import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.publish.Composition;
import io.mqttworkbench.publish.PayloadEncoding;
import io.mqttworkbench.publish.Placeholders;
import io.mqttworkbench.ui.common.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The composer's line about what the next send carries, in the interface language. */
final class PayloadPreview {
    private static final int PREVIEW_CHARS = 200;

    private PayloadPreview() {
    }

    /**
     * "Next: …" with the filled-in placeholders, the size for hex and Base64 or a file, or empty when the
     * payload goes as typed.
     */
    static String of(Composition c, long counter, Texts texts) {
        if (c.encoding() == PayloadEncoding.FILE) {
            Path file = Path.of(c.payload().isBlank() ? "." : c.payload().strip());
            try {
                return Files.isRegularFile(file) ? texts.format("publish.preview.file", Sizes.bytes(Files.size(file)), file.getFileName()) : "";
            } catch (IOException e) {
                return "";
            }
        }
        try {
            byte[] bytes = c.payloadBytes(Placeholders.Context.of(counter));
            boolean expanded = c.placeholders() && c.encoding().takesPlaceholders() && Placeholders.contains(c.payload());
            String size = Sizes.bytes(bytes.length);
            if (!expanded) {
                return c.encoding() == PayloadEncoding.HEX || c.encoding() == PayloadEncoding.BASE64 ? texts.format("publish.preview.bytes", size) : "";
            }
            // only the start is shown: a payload of megabytes is not folded whole on every keystroke
            String text = new String(bytes, 0, Math.min(bytes.length, PREVIEW_CHARS * 4), StandardCharsets.UTF_8);
            boolean cut = bytes.length > PREVIEW_CHARS * 4 || text.length() > PREVIEW_CHARS;
            // one line: a formatted JSON payload would otherwise push the rest of the form down and be cut
            String shown = (text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) : text).strip().replaceAll("\\s*\\R\\s*", " ");
            return texts.format("publish.preview.next", cut ? shown + "…" : shown, size);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
