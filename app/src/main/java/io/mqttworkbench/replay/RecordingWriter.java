package io.mqttworkbench.replay;

import io.mqttworkbench.message.MessageJson;
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
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a recording: the header line, then one JSON object per message with its offset from the start.
 * Flushed at least every quarter second (gzip included, with a sync flush), so a crash leaves every
 * complete line readable. Offsets come from the messages' own arrival clock, not from when they are
 * written here.
 */
public final class RecordingWriter implements AutoCloseable {
    private static final long FLUSH_NANOS = 250_000_000L;

    private final Writer out;
    private final long startNanos;
    private long lastFlushNanos;
    private long count;
    private long bytes;

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

    /** Writes messages (the recorder calls this with each drained batch). */
    public synchronized void write(List<ReceivedMessage> batch) throws IOException {
        for (ReceivedMessage m : batch) {
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
        out.close();
    }
}
