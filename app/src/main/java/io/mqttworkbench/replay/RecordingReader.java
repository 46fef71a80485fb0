package io.mqttworkbench.replay;

import io.mqttworkbench.message.MessageJson;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.TopicValidator;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a recording whole: ours (header and JSON lines, gzipped or not), the log's JSON Lines export,
 * or {@code mosquitto_sub -v} output ({@code topic payload} per line). Nothing is thrown for damage: a
 * last line cut short, a compressed file that ends early or a line that is not a message is skipped
 * and reported in {@link Recording#problems()}.
 */
public final class RecordingReader {

    /** What the file holds, in order, with what could not be read. */
    public record Recording(RecordingHeader header, List<Entry> entries, List<String> problems, Kind kind) {
    }

    /** A message and its offset from the start of the recording, in microseconds. */
    public record Entry(ReceivedMessage message, long offsetMicros) {
    }

    public enum Kind {
        RECORDING, JSON_LINES, MOSQUITTO_SUB
    }

    private RecordingReader() {
    }

    /** Throws {@link IOException} only when the file cannot be opened at all. */
    public static Recording read(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean endsCleanly = readLines(file, lines, problems);
        if (lines.isEmpty()) {
            problems.add("the file holds no messages");
            return new Recording(null, List.of(), problems, Kind.RECORDING);
        }
        RecordingHeader header = RecordingHeader.parse(lines.get(0));
        int first = header == null ? 0 : 1;
        Kind kind = header != null ? Kind.RECORDING : looksLikeJson(lines.get(0)) ? Kind.JSON_LINES : Kind.MOSQUITTO_SUB;
        List<Entry> entries = new ArrayList<>();
        long firstTime = -1;
        for (int i = first; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            boolean last = i == lines.size() - 1;
            try {
                if (kind == Kind.MOSQUITTO_SUB) {
                    entries.add(new Entry(mosquittoLine(line), 0));
                    continue;
                }
                MessageJson.Read read = MessageJson.read(line);
                long offset;
                if (read.offsetMicros() != null) {
                    offset = read.offsetMicros();
                } else {
                    // a log export has times but no offsets: pace it by its times
                    long time = read.message().receivedEpochMillis();
                    firstTime = firstTime < 0 ? time : firstTime;
                    offset = Math.max(0, (time - firstTime) * 1000);
                }
                entries.add(new Entry(read.message(), offset));
            } catch (IllegalArgumentException e) {
                problems.add(last && !endsCleanly
                        ? String.format(Locale.ROOT, "line %,d is cut short (the recording stopped while writing it) and was skipped", i + 1)
                        : String.format(Locale.ROOT, "line %,d skipped: %s", i + 1, e.getMessage()));
            }
        }
        return new Recording(header, entries, problems, kind);
    }

    /** Reads every line; false when the file ended in the middle of one (or of its compression). */
    private static boolean readLines(Path file, List<String> lines, List<String> problems) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        boolean gzip = b1 == 0x1F && b2 == 0x8B;
        InputStream in = raw;
        if (gzip) {
            in = new GZIPInputStream(raw, 64 * 1024);
        }
        // Bytes are split into lines here, not by a Reader: a Reader that hits the end of a cut gzip
        // stream throws away what it decoded in that call, and those are the last complete lines.
        java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();
        boolean clean = true;
        try (InputStream stream = in) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = stream.read(buffer)) > 0) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        partial.write(buffer, from, i - from);
                        lines.add(line(partial));
                        partial.reset();
                        from = i + 1;
                    }
                }
                partial.write(buffer, from, n - from);
            }
        } catch (EOFException | ZipException e) {
            clean = false;
            problems.add("the compressed file ends early (it was cut while being written); every complete line before that was read");
        }
        if (partial.size() > 0) {
            lines.add(line(partial));
            clean = false;
        }
        return clean;
    }

    private static String line(java.io.ByteArrayOutputStream bytes) {
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static boolean looksLikeJson(String line) {
        return line.stripLeading().startsWith("{");
    }

    /** {@code topic payload}: the topic is everything up to the first space. */
    private static ReceivedMessage mosquittoLine(String line) {
        int space = line.indexOf(' ');
        String topic = space < 0 ? line : line.substring(0, space);
        String payload = space < 0 ? "" : line.substring(space + 1);
        TopicValidator.checkTopicName(topic).ifPresent(p -> {
            throw new IllegalArgumentException("not 'topic payload': " + p);
        });
        return new ReceivedMessage(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false, false, 0, 0, MessageProperties.NONE);
    }
}
