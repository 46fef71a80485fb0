package io.mqttworkbench.replay;

import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.TopicFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A recording made from a connection's traffic in the window: each received message that matches the
 * filters (all of them without filters) is written as it arrives, on the pump thread. A write that
 * fails stops the session and keeps the reason.
 */
public final class RecordingSession implements Consumer<ReceivedMessage>, AutoCloseable {
    private final RecordingWriter writer;
    private final List<TopicFilter> filters;
    private final Path file;
    private final long startNanos;
    private volatile boolean open = true;
    private volatile String problem = "";

    private RecordingSession(RecordingWriter writer, List<TopicFilter> filters, Path file, long startNanos) {
        this.writer = writer;
        this.filters = filters;
        this.file = file;
        this.startNanos = startNanos;
    }

    /** Creates the file (never overwriting one); throws {@link IllegalArgumentException} for a bad filter. */
    public static RecordingSession start(Path file, String source, List<String> filters, boolean gzip) throws IOException {
        List<TopicFilter> parsed = filters.stream().map(TopicFilter::of).toList();
        long start = System.nanoTime();
        RecordingWriter writer = RecordingWriter.create(file, RecordingHeader.of("mqtt-workbench window", source, filters, System.currentTimeMillis()),
                start, gzip);
        return new RecordingSession(writer, parsed, file, start);
    }

    @Override
    public void accept(ReceivedMessage message) {
        if (!open || !filters.isEmpty() && filters.stream().noneMatch(f -> f.matches(message.topic()))) {
            return;
        }
        try {
            writer.write(List.of(message));
        } catch (IOException e) {
            problem = "Recording stopped: " + e.getMessage();
            open = false;
        }
    }

    /** The connection went down or came back while recording: the file marks it. Any thread. */
    public void mark(ConnectionMarker marker) {
        if (open) {
            writer.mark(marker);
        }
    }

    public long count() {
        return writer.count();
    }

    public long payloadBytes() {
        return writer.payloadBytes();
    }

    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    public boolean isOpen() {
        return open;
    }

    public String problem() {
        return problem;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        open = false;
        writer.close();
    }

    /**
     * Writes messages already received (a selection or a query's result) as a recording, timed by their arrival;
     * a few at a time, so a result read from the disk as it is walked never has to be in memory whole.
     */
    public static int save(Iterable<ReceivedMessage> messages, Path file, String source) throws IOException {
        java.util.Iterator<ReceivedMessage> it = messages.iterator();
        ReceivedMessage first = it.hasNext() ? it.next() : null;
        long start = first == null ? System.nanoTime() : first.receivedNanos();
        long startMillis = first == null ? System.currentTimeMillis() : first.receivedEpochMillis();
        try (RecordingWriter writer = RecordingWriter.create(file, RecordingHeader.of("mqtt-workbench window", source, List.of(), startMillis),
                start, file.getFileName().toString().endsWith(".gz"))) {
            List<ReceivedMessage> batch = new java.util.ArrayList<>(SAVE_BATCH);
            if (first != null) {
                batch.add(first);
            }
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == SAVE_BATCH) {
                    writer.write(batch);
                    batch.clear();
                }
            }
            writer.write(batch);
            return (int) writer.count();
        }
    }

    private static final int SAVE_BATCH = 1_000;
}
