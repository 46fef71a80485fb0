package io.mqttworkbench.replay;

import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.HistoryRange;
import io.mqttworkbench.history.HistoryRangeReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

/**
 * A history range played as a recording: its messages, timed by their stored receive times from the first
 * one on. The markers are skipped, as replay skips them in a file.
 */
final class HistorySource implements ReplaySource.Cursor {
    private final HistoryRangeReader reader;
    private long originMicros = Long.MIN_VALUE;

    private HistorySource(HistoryRangeReader reader) {
        this.reader = reader;
    }

    static HistorySource open(Path file, HistoryRange range) throws IOException {
        try {
            return new HistorySource(HistoryRangeReader.open(file, range));
        } catch (HistoryException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public RecordingReader.Entry next() throws IOException {
        try {
            for (HistoryRangeReader.Item item = reader.next(); item != null; item = reader.next()) {
                if (item instanceof HistoryRangeReader.Message m) {
                    originMicros = originMicros == Long.MIN_VALUE ? m.timeMicros() : originMicros;
                    return new RecordingReader.Entry(m.message(), m.timeMicros() - originMicros);
                }
            }
            return null;
        } catch (HistoryException | CancellationException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
