package io.mqttworkbench.replay;

import com.google.gson.stream.JsonWriter;
import io.mqttworkbench.message.MessageJson;
import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a recording: the header line, then one JSON object per message with its offset from the start.
 * Flushed at least every quarter second (gzip included, with a sync flush), so a crash leaves every
 * complete line readable. Offsets come from the messages' own arrival clock, not from when they are
 * written here.
 *
 * <p>Connection markers (disconnect, reconnect) are written in time order among the messages: one waits
 * until a later message is written, or until a write finds no messages (the queue is drained), so a
 * message received before the connection dropped never lands after its marker.
 */
public final class RecordingWriter implements AutoCloseable {
    private static final long FLUSH_NANOS = 250_000_000L;

    private final Writer out;
    private final long startNanos;
    private long lastFlushNanos;
    private long count;
    private long bytes;
    private long markers;
    private final ArrayDeque<ConnectionMarker> pendingMarkers = new ArrayDeque<>();

    private RecordingWriter(Writer out, long startNanos) {
        this.out = out;
        this.startNanos = startNanos;
        this.lastFlushNanos = System.nanoTime();
    }

    /**
     * Creates the file (never overwriting one) and writes the header. {@code startNanos} is the arrival
     * clock ({@link System#nanoTime()}) at the start: offsets are measured from it.
     */
    public static RecordingWriter create(Path file, RecordingHeader header, long startNanos, boolean gzip) throws IOException {
        OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream stream = gzip ? new GZIPOutputStream(raw, 64 * 1024, true) : raw;
        RecordingWriter writer = new RecordingWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024), startNanos);
        writer.out.write(header.toJson());
        writer.out.write('\n');
        writer.out.flush();
        return writer;
    }

    /** Notes that the connection went down or came back; written in its place among the messages. Any thread. */
    public synchronized void mark(ConnectionMarker marker) {
        pendingMarkers.add(marker);
    }

    /** Connection markers written so far. */
    public synchronized long markerCount() {
        return markers;
    }

    /**
     * Writes messages (the recorder calls this with each drained batch). An empty batch means nothing is
     * waiting: the markers noted so far are written.
     */
    public synchronized void write(List<ReceivedMessage> batch) throws IOException {
        if (batch.isEmpty()) {
            writeMarkers(true, 0);
        }
        for (ReceivedMessage m : batch) {
            writeMarkers(false, m.receivedNanos());
            long offsetMicros = Math.max(0, (m.receivedNanos() - startNanos) / 1000);
            MessageJson.writeRecorded(m, offsetMicros, out);
            out.write('\n');
            count++;
            bytes += m.payloadSize();
        }
        long now = System.nanoTime();
        if (now - lastFlushNanos >= FLUSH_NANOS) {
            out.flush();
            lastFlushNanos = now;
        }
    }

    /** Writes the pending markers: all of them, or those older than {@code nanos}. */
    private void writeMarkers(boolean all, long nanos) throws IOException {
        while (!pendingMarkers.isEmpty() && (all || pendingMarkers.peek().nanos() - nanos <= 0)) {
            ConnectionMarker marker = pendingMarkers.poll();
            JsonWriter json = new JsonWriter(out);
            json.beginObject();
            json.name("event").value(marker.kind().id());
            json.name("time").value(marker.epochMillis());
            json.name("offsetMicros").value(Math.max(0, (marker.nanos() - startNanos) / 1000));
            if (marker.kind() == ConnectionMarker.Kind.DISCONNECT) {
                json.name("reason").value(marker.text());
            } else {
                json.name("sessionPresent").value(marker.sessionPresent());
            }
            json.endObject();
            json.flush();
            out.write('\n');
            markers++;
        }
    }

    public synchronized long count() {
        return count;
    }

    /** Payload bytes written so far. */
    public synchronized long payloadBytes() {
        return bytes;
    }

    public synchronized void flush() throws IOException {
        out.flush();
        lastFlushNanos = System.nanoTime();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            writeMarkers(true, 0);
        } finally {
            out.close();
        }
    }
}
