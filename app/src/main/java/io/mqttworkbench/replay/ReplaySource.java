package io.mqttworkbench.replay;

import io.mqttworkbench.history.HistoryRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * What a replay plays. It is opened afresh for every loop, so a recording on disk is streamed and never
 * held in memory whole, however long it is.
 */
@FunctionalInterface
public interface ReplaySource {

    /** Entries one at a time, in recorded order. */
    interface Cursor extends AutoCloseable {
        /** The next entry, or null after the last. */
        RecordingReader.Entry next() throws IOException;

        /** Lines skipped so far because they could not be read, in words. */
        default List<String> problems() {
            return List.of();
        }

        @Override
        void close() throws IOException;
    }

    Cursor open() throws IOException;

    /** A recording file, read as it is played. */
    static ReplaySource of(Path file) {
        return () -> RecordingReader.open(file);
    }

    /** A range of a profile's message history, read from its file as it is played: the history need not fit in memory either. */
    static ReplaySource fromHistory(Path historyFile, HistoryRange range) {
        return () -> HistorySource.open(historyFile, range);
    }

    /** Entries already in memory, such as a selection from the message log. */
    static ReplaySource of(List<RecordingReader.Entry> entries) {
        List<RecordingReader.Entry> copy = List.copyOf(entries);
        return () -> {
            Iterator<RecordingReader.Entry> it = copy.iterator();
            return new Cursor() {
                @Override
                public RecordingReader.Entry next() {
                    return it.hasNext() ? it.next() : null;
                }

                @Override
                public void close() {
                }
            };
        };
    }
}
