package io.mqttworkbench.cli;

import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.replay.RecordingWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Where {@code record} puts what it receives: a recording file, or a saved profile's message history. */
sealed interface RecordTarget permits RecordTarget.Recording, HistoryTarget {

    /** Takes a drained batch; an empty one means nothing is waiting. */
    void write(List<ReceivedMessage> batch) throws IOException;

    /** The connection went down or came back. Any thread. */
    void mark(ConnectionMarker marker);

    /** Messages taken so far: what {@code -n} counts. */
    long count();

    /** What keeps the gaps, for the lines that say one began: "the recording". */
    String keeper();

    /** Writes what is pending and closes. Called once, by the normal end or by Ctrl+C. */
    void close() throws IOException;

    /** After {@link #close()}: "1,234 messages (5 kB of payload) in 2.0 s to FILE; 2 connection markers". */
    String summary(double seconds);

    /** "; 2 connection markers", or nothing without any. */
    static String markers(long count) {
        return count == 0 ? "" : String.format(Locale.ROOT, "; %,d connection markers", count);
    }

    /** A recording file (JSON Lines, see docs/recording-format.md). */
    record Recording(RecordingWriter writer, Path file) implements RecordTarget {
        @Override
        public void write(List<ReceivedMessage> batch) throws IOException {
            writer.write(batch);
        }

        @Override
        public void mark(ConnectionMarker marker) {
            writer.mark(marker);
        }

        @Override
        public long count() {
            return writer.count();
        }

        @Override
        public String keeper() {
            return "the recording";
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }

        @Override
        public String summary(double seconds) {
            return String.format(Locale.ROOT, "%,d messages (%s of payload) in %.1f s to %s%s", writer.count(),
                    Sizes.bytes(writer.payloadBytes()), seconds, file, markers(writer.markerCount()));
        }
    }
}
