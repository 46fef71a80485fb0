package io.mqttworkbench.replay;

import io.mqttworkbench.BuildInfo;
import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.HistoryRange;
import io.mqttworkbench.history.HistoryRangeReader;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Writes a range of a message history as a recording (docs/recording-format.md), streamed: one row in memory
 * at a time however long the range. Offsets are the stored receive times from the first line on, and the
 * connection drops stored in the history become the format's markers in their place, so the hole stays
 * visible. An empty range writes no file.
 */
public final class HistoryExport {

    /** How far an export is: messages written so far, and the receive time reached (epoch ms). */
    public record Progress(long messages, long reachedMillis) {
    }

    /** What was written: messages, markers, payload bytes, and the first and last message's times (0 for none). */
    public record Result(long messages, long markers, long payloadBytes, long firstMillis, long lastMillis) {
        public boolean isEmpty() {
            return messages == 0;
        }
    }

    private static final int BATCH = 1024;

    private HistoryExport() {
    }

    /** The window's open history: read on its own connection, beside the writer. */
    public static Result write(MessageHistory history, HistoryRange range, Path recording, String source, Consumer<Progress> progress,
                               BooleanSupplier cancelled) throws IOException, HistoryException {
        return write(history.file(), range, recording, source, progress, cancelled);
    }

    /**
     * Writes {@code range} of the history in {@code historyFile} to {@code recording} (gzipped when its name ends
     * in {@code .gz}; an existing file is never overwritten: {@link java.nio.file.FileAlreadyExistsException}).
     *
     * @param source the broker the history was received from, for the header (no credentials)
     * @param progress told after each batch of messages, on this thread
     * @param cancelled asked every few thousand rows; when it says so the partial file is removed and
     *     {@link CancellationException} thrown
     * @return what was written; {@link Result#isEmpty()} when the range holds no message (and no file was made)
     */
    public static Result write(Path historyFile, HistoryRange range, Path recording, String source, Consumer<Progress> progress,
                               BooleanSupplier cancelled) throws IOException, HistoryException {
        try (HistoryRangeReader reader = HistoryRangeReader.open(historyFile, range)) {
            reader.cancelWhen(cancelled);
            // markers before the first message wait for it: a range without messages makes no file
            List<HistoryRangeReader.Item> leading = new ArrayList<>();
            HistoryRangeReader.Item item = reader.next();
            while (item instanceof HistoryRangeReader.Marker) {
                leading.add(item);
                item = reader.next();
            }
            if (item == null) {
                return new Result(0, 0, 0, 0, 0);
            }
            HistoryRangeReader.Item first = leading.isEmpty() ? item : leading.get(0);
            RecordingHeader header = RecordingHeader.of("mqtt-workbench " + BuildInfo.version() + " (message history)", source,
                    range.topicFilter().isEmpty() ? List.of() : List.of(range.topicFilter()), first.timeMicros() / 1000);
            RecordingWriter writer = RecordingWriter.create(recording, header, nanos(first), recording.getFileName().toString().endsWith(".gz"));
            boolean complete = false;
            try (writer) {
                leading.forEach(marker -> writer.mark(((HistoryRangeReader.Marker) marker).marker()));
                long firstMillis = ((HistoryRangeReader.Message) item).message().receivedEpochMillis();
                long lastMillis = copy(reader, item, writer, progress, cancelled);
                complete = true;
                return new Result(writer.count(), writer.markerCount(), writer.payloadBytes(), firstMillis, lastMillis);
            } finally {
                if (!complete) {
                    Files.deleteIfExists(recording); // cancelled or failed: half a range is not what was asked for
                }
            }
        }
    }

    /** Writes from {@code item} (a message) to the end of the range; returns the last message's time. */
    private static long copy(HistoryRangeReader reader, HistoryRangeReader.Item item, RecordingWriter writer, Consumer<Progress> progress,
                             BooleanSupplier cancelled) throws IOException, HistoryException {
        List<ReceivedMessage> batch = new ArrayList<>(BATCH);
        long lastMillis = 0;
        for (; item != null; item = reader.next()) {
            if (item instanceof HistoryRangeReader.Marker marker) {
                writer.mark(marker.marker()); // written before the first later message
                continue;
            }
            ReceivedMessage m = ((HistoryRangeReader.Message) item).message();
            batch.add(m);
            lastMillis = m.receivedEpochMillis();
            if (batch.size() == BATCH) {
                writer.write(batch);
                batch.clear();
                checkCancelled(cancelled);
                progress.accept(new Progress(writer.count(), lastMillis));
            }
        }
        checkCancelled(cancelled);
        writer.write(batch);
        writer.write(List.of()); // an empty write writes the markers after the last message
        progress.accept(new Progress(writer.count(), lastMillis));
        return lastMillis;
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("export cancelled");
        }
    }

    private static long nanos(HistoryRangeReader.Item item) {
        return item instanceof HistoryRangeReader.Message m ? m.message().receivedNanos() : ((HistoryRangeReader.Marker) item).marker().nanos();
    }
}
