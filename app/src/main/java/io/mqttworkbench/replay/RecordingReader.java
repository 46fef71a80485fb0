package io.mqttworkbench.replay;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mqttworkbench.message.MessageJson;
import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.TopicValidator;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a recording one message at a time: ours (header and JSON lines, gzipped or not), the log's JSON
 * Lines export, or {@code mosquitto_sub -v} output ({@code topic payload} per line). Only the current
 * line is in memory, so a capture of any length can be scanned and replayed. Nothing is thrown for
 * damage: a last line cut short, a compressed file that ends early or a line that is not a message is
 * skipped and reported in {@link #problems()} (the first {@value #PROBLEMS_KEPT}, then a count).
 */
public final class RecordingReader implements ReplaySource.Cursor {

    /** A whole recording in memory, with what could not be read. */
    public record Recording(RecordingHeader header, List<Entry> entries, List<String> problems, Kind kind) {
    }

    /** What a recording holds, found by reading it through once without keeping the messages. */
    public record Overview(RecordingHeader header, Kind kind, long count, long lastOffsetMicros, List<ReadProblem> readProblems, List<Marker> markers) {

        /** What could not be read, in English as the command line prints it. */
        public List<String> problems() {
            return readProblems.stream().map(ReadProblem::message).toList();
        }
    }

    /** A connection marker in a recording: where the recorder's connection went down or came back. */
    public record Marker(ConnectionMarker.Kind kind, long epochMillis, long offsetMicros, String text, boolean sessionPresent) {
    }

    /** A message and its offset from the start of the recording, in microseconds. */
    public record Entry(ReceivedMessage message, long offsetMicros) {
    }

    public enum Kind {
        RECORDING, JSON_LINES, MOSQUITTO_SUB
    }

    static final int PROBLEMS_KEPT = 100;
    /** Markers kept in memory; a recording of a connection that flapped all night keeps counting past this. */
    static final int MARKERS_KEPT = 10_000;

    /** Writers put the event name first, so a message line is told apart without parsing it twice. */
    private static final String MARKER_START = "{\"event\":";

    private final Lines lines;
    private final RecordingHeader header;
    private final Kind kind;
    private final List<ReadProblem> problems = new ArrayList<>();
    private long problemsDropped;
    private final List<Marker> markers = new ArrayList<>();
    private long markerCount;
    private String pending;
    private long lineNumber;
    private long firstTime = -1;

    private RecordingReader(Lines lines) throws IOException {
        this.lines = lines;
        String first = lines.next();
        if (first == null) {
            header = null;
            kind = Kind.RECORDING;
            problem(ReadProblem.of(ReadProblem.Why.NO_MESSAGES));
            return;
        }
        header = RecordingHeader.parse(first);
        lineNumber = 1;
        if (header == null) {
            kind = looksLikeJson(first) ? Kind.JSON_LINES : Kind.MOSQUITTO_SUB;
            pending = first;
        } else {
            kind = Kind.RECORDING;
        }
    }

    /** Throws {@link IOException} only when the file cannot be opened at all. */
    public static RecordingReader open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        try {
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            InputStream in = b1 == 0x1F && b2 == 0x8B ? new GZIPInputStream(raw, 64 * 1024) : raw;
            return new RecordingReader(new Lines(in));
        } catch (IOException | RuntimeException e) {
            raw.close();
            if (e instanceof ZipException || e instanceof EOFException) {
                throw new IOException("not a readable gzip file: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** Reads a recording whole; for small files and selections. Long captures are streamed with {@link #open}. */
    public static Recording read(Path file) throws IOException {
        try (RecordingReader reader = open(file)) {
            List<Entry> entries = new ArrayList<>();
            for (Entry e = reader.next(); e != null; e = reader.next()) {
                entries.add(e);
            }
            return new Recording(reader.header(), entries, reader.problems(), reader.kind());
        }
    }

    /** Counts the messages and finds the last offset, keeping none of them. */
    public static Overview scan(Path file) throws IOException {
        try (RecordingReader reader = open(file)) {
            long count = 0;
            long last = 0;
            for (Entry e = reader.next(); e != null; e = reader.next()) {
                count++;
                last = Math.max(last, e.offsetMicros());
            }
            List<ReadProblem> problems = reader.readProblems();
            if (count == 0 && problems.isEmpty()) {
                problems = List.of(ReadProblem.of(ReadProblem.Why.NO_MESSAGES));
            }
            return new Overview(reader.header(), reader.kind(), count, last, problems, reader.markers());
        }
    }

    /** The recording's header, or null for an import. */
    public RecordingHeader header() {
        return header;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public List<String> problems() {
        return readProblems().stream().map(ReadProblem::message).toList();
    }

    /** What could not be read so far, with its values. */
    public List<ReadProblem> readProblems() {
        List<ReadProblem> all = new ArrayList<>(problems);
        if (problemsDropped > 0) {
            all.add(new ReadProblem(ReadProblem.Why.MORE_SKIPPED, problemsDropped, ""));
        }
        return List.copyOf(all);
    }

    @Override
    public Entry next() throws IOException {
        for (String line = takeLine(); line != null; line = takeLine()) {
            if (line.isBlank()) {
                continue;
            }
            try {
                if (line.startsWith(MARKER_START)) {
                    marker(line); // replay skips markers: they are not messages
                    continue;
                }
                return entry(line);
            } catch (IllegalArgumentException e) {
                problem(new ReadProblem(lines.lastUnterminated() ? ReadProblem.Why.LINE_CUT_SHORT : ReadProblem.Why.LINE_SKIPPED, lineNumber,
                        lines.lastUnterminated() ? "" : e.getMessage()));
            }
        }
        if (lines.cutCompression()) {
            lines.clearCutCompression();
            problem(ReadProblem.of(ReadProblem.Why.COMPRESSION_CUT));
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    /** The connection markers read so far (the first {@value #MARKERS_KEPT}). */
    public List<Marker> markers() {
        return List.copyOf(markers);
    }

    /** How many connection markers were read so far. */
    public long markerCount() {
        return markerCount;
    }

    private void marker(String line) {
        Marker marker;
        try {
            JsonObject json = JsonParser.parseString(line).getAsJsonObject();
            marker = new Marker(ConnectionMarker.Kind.byId(json.get("event").getAsString()), json.get("time").getAsLong(),
                    json.get("offsetMicros").getAsLong(), json.has("reason") ? json.get("reason").getAsString() : "",
                    json.has("sessionPresent") && json.get("sessionPresent").getAsBoolean());
        } catch (RuntimeException e) { // JSON syntax, a missing field, a field of the wrong type
            throw new IllegalArgumentException("not a readable connection marker (" + e.getMessage() + ")", e);
        }
        markerCount++;
        if (markers.size() < MARKERS_KEPT) {
            markers.add(marker);
        }
    }

    private String takeLine() throws IOException {
        if (pending != null) {
            String line = pending;
            pending = null;
            return line;
        }
        String line = lines.next();
        if (line != null) {
            lineNumber++;
        }
        return line;
    }

    private Entry entry(String line) {
        if (kind == Kind.MOSQUITTO_SUB) {
            return new Entry(mosquittoLine(line), 0);
        }
        MessageJson.Read read = MessageJson.read(line);
        if (read.offsetMicros() != null) {
            return new Entry(read.message(), read.offsetMicros());
        }
        // a log export has times but no offsets: pace it by its times
        long time = read.message().receivedEpochMillis();
        firstTime = firstTime < 0 ? time : firstTime;
        return new Entry(read.message(), Math.max(0, (time - firstTime) * 1000));
    }

    private void problem(ReadProblem problem) {
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(problem);
        } else {
            problemsDropped++;
        }
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

    /**
     * Splits bytes into lines itself rather than through a Reader: a Reader that hits the end of a cut
     * gzip stream throws away what it decoded in that call, and those are the last complete lines.
     */
    private static final class Lines implements AutoCloseable {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        private int pos;
        private int limit;
        private boolean eof;
        private boolean cutCompression;
        private boolean lastUnterminated;

        Lines(InputStream in) {
            this.in = in;
        }

        /** The next line without its line end, or null at the end of the file. */
        String next() throws IOException {
            while (true) {
                if (pos == limit) {
                    if (eof) {
                        if (partial.size() == 0) {
                            return null;
                        }
                        lastUnterminated = true;
                        return take();
                    }
                    fill();
                    continue;
                }
                for (int i = pos; i < limit; i++) {
                    if (buffer[i] == '\n') {
                        partial.write(buffer, pos, i - pos);
                        pos = i + 1;
                        return take();
                    }
                }
                partial.write(buffer, pos, limit - pos);
                pos = limit;
            }
        }

        /** True when the line just returned ended the file without a line end: it was being written. */
        boolean lastUnterminated() {
            return lastUnterminated;
        }

        boolean cutCompression() {
            return cutCompression;
        }

        void clearCutCompression() {
            cutCompression = false;
        }

        private void fill() throws IOException {
            try {
                int n = in.read(buffer);
                if (n <= 0) {
                    eof = true;
                } else {
                    pos = 0;
                    limit = n;
                }
            } catch (EOFException | ZipException e) {
                eof = true;
                cutCompression = true;
            }
        }

        private String take() {
            String text = partial.toString(StandardCharsets.UTF_8);
            partial.reset();
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
