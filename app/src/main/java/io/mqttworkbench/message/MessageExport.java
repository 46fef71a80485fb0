package io.mqttworkbench.message;

import io.mqttworkbench.decode.Utf8;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/**
 * Messages written out for other tools: JSON Lines (one {@link MessageJson} object per line, the format
 * of {@code sub --json}), CSV, or one file per payload with the bytes exactly as received.
 */
public final class MessageExport {

    private MessageExport() {
    }

    public static int jsonLines(Iterable<ReceivedMessage> messages, Writer out) throws IOException {
        int count = 0;
        for (ReceivedMessage m : messages) {
            MessageJson.write(m, out);
            out.write('\n');
            count++;
        }
        out.flush();
        return count;
    }

    /** time (ISO 8601, UTC, ms), topic, qos, retain, encoding (utf8 or base64), payload. */
    public static int csv(Iterable<ReceivedMessage> messages, Writer out) throws IOException {
        out.write("time,topic,qos,retain,encoding,payload\r\n");
        int count = 0;
        for (ReceivedMessage m : messages) {
            boolean text = Utf8.isValid(m.payload());
            out.write(Instant.ofEpochMilli(m.receivedEpochMillis()).toString());
            out.write(',');
            out.write(csvField(m.topic()));
            out.write(',');
            out.write(Integer.toString(m.qos()));
            out.write(',');
            out.write(Boolean.toString(m.retained()));
            out.write(',');
            out.write(text ? MessageJson.UTF8 : MessageJson.BASE64);
            out.write(',');
            out.write(csvField(text ? new String(m.payload(), StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(m.payload())));
            out.write("\r\n");
            count++;
        }
        out.flush();
        return count;
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /**
     * One file per message in {@code folder}: {@code 000001_sensors_1_temp.bin}, numbered in order so
     * that listing the folder lists the messages as they arrived. Existing files are never overwritten.
     */
    public static int rawFiles(Iterable<ReceivedMessage> messages, Path folder) throws IOException {
        Files.createDirectories(folder);
        int count = 0;
        for (ReceivedMessage m : messages) {
            count++;
            Path file = folder.resolve(String.format(Locale.ROOT, "%06d_%s.bin", count, fileSafe(m.topic())));
            Files.write(file, m.payload(), java.nio.file.StandardOpenOption.CREATE_NEW);
        }
        return count;
    }

    static String fileSafe(String topic) {
        String safe = topic.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() > 80 ? safe.substring(0, 80) : safe.isEmpty() ? "_" : safe;
    }
}
