package io.mqttworkbench.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the next send of a composition would carry, told before it is sent: its size, checked against the
 * broker's maximum packet size (the composer's preview line is ui.publish.PayloadPreview).
 */
public final class NextPayload {
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
}
