package io.mqttworkbench.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a range of a history oldest first, one row at a time, with the stored connection drops in their place. */
class HistoryRangeReaderTest {
    private static final long T0 = 1_800_000_000_000L;
    private static final int ROWS = 300_000;
    /** A drop and a return after every this many messages. */
    private static final int DROP_EVERY = 50_000;

    @TempDir
    Path dir;

    private static ReceivedMessage message(String topic, String payload, long atMillis) {
        return new ReceivedMessage(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false, false, atMillis * 1_000_000L, atMillis,
                MessageProperties.NONE);
    }

    /** Message i at T0 + 2i ms on a/(i % 3); after every DROP_EVERY-th a disconnect (+1 ms) and a reconnect (+1.5 ms: stored as +1). */
    private Path history() throws Exception {
        Path file = dir.resolve("big.sqlite");
        try (MessageHistory history = MessageHistory.open(file).history()) {
            List<ReceivedMessage> batch = new ArrayList<>();
            List<ConnectionMarker> markers = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                long at = T0 + 2L * i;
                batch.add(message("a/" + (i % 3), "m" + i, at));
                if (i % DROP_EVERY == DROP_EVERY - 1) {
                    markers.add(new ConnectionMarker(ConnectionMarker.Kind.DISCONNECT, at + 1, 0, "connection lost: reset " + i, false));
                    markers.add(new ConnectionMarker(ConnectionMarker.Kind.RECONNECT, at + 1, 0, ConnectionMarker.SESSION_RESUMED, true));
                }
                if (batch.size() == 20_000) {
                    history.write(batch, markers);
                    batch.clear();
                    markers.clear();
                }
            }
            history.write(batch, markers);
        }
        return file;
    }

    @Test
    void streamsAWholeHistoryOldestFirstWithTheDropsInTheirPlaceAndCanStopEarly() throws Exception {
        Path file = history();

        List<String> markerPlaces = new ArrayList<>();
        long[] previous = {Long.MIN_VALUE};
        int[] messages = {0};
        long visited = HistoryRangeReader.forEach(file, HistoryRange.between(null, null), item -> {
            assertThat(item.timeMicros()).isGreaterThanOrEqualTo(previous[0]);
            previous[0] = item.timeMicros();
            switch (item) {
                case HistoryRangeReader.Message m -> {
                    assertThat(m.message().payload()).asString(StandardCharsets.UTF_8).isEqualTo("m" + messages[0]);
                    messages[0]++;
                }
                case HistoryRangeReader.Marker k -> markerPlaces.add(messages[0] + " " + k.marker().kind() + " " + k.marker().sessionPresent());
            }
            return true;
        });
        int drops = ROWS / DROP_EVERY;
        assertThat(visited).isEqualTo(ROWS + 2L * drops);
        assertThat(messages[0]).isEqualTo(ROWS);
        assertThat(markerPlaces).hasSize(2 * drops).startsWith("50000 DISCONNECT false", "50000 RECONNECT true");

        // stopping early reads no further: the rows are stepped through, never gathered first
        AtomicInteger calls = new AtomicInteger();
        assertThat(HistoryRangeReader.forEach(file, HistoryRange.between(null, null), item -> calls.incrementAndGet() < 10)).isEqualTo(10);
        assertThat(calls).hasValue(10);
        try (HistoryRangeReader reader = HistoryRangeReader.open(file, HistoryRange.between(T0 + 2 * 49_990L, null))) {
            for (int i = 0; i < 12; i++) {
                assertThat(reader.next()).isNotNull();
            }
            assertThat(reader.scanned()).isEqualTo(11); // ten messages, the drop and the return, and the message after them
        }
    }

    @Test
    void aRangeNarrowedByTimeTopicAndTestIsCountedAndReadTheSame() throws Exception {
        Path file = history();
        HistoryRange range = new HistoryRange(T0 + 2 * 49_000L, T0 + 2 * 51_000L, "a/1", null);
        HistoryRangeReader.Extent extent = HistoryRangeReader.measure(file, range, () -> false);
        List<String> read = new ArrayList<>();
        HistoryRangeReader.forEach(file, range, item -> read.add(item instanceof HistoryRangeReader.Message m
                ? m.message().topic() : ((HistoryRangeReader.Marker) item).marker().kind().toString()));
        assertThat(read).filteredOn(t -> t.startsWith("a/")).hasSize((int) extent.messages()).allMatch("a/1"::equals);
        assertThat(extent.messages()).isEqualTo(667); // i from 49,000 to 51,000 with i % 3 == 1
        assertThat(extent.firstMillis()).isEqualTo(T0 + 2 * 49_000L);
        assertThat(extent.lastMillis()).isEqualTo(T0 + 2 * 50_998L);
        assertThat(read).containsSubsequence("a/1", "DISCONNECT", "RECONNECT", "a/1"); // a topic filter keeps the drops

        HistoryRange tested = range.keeping(m -> new String(m.payload(), StandardCharsets.UTF_8).endsWith("7"));
        assertThat(HistoryRangeReader.measure(file, tested, () -> false).messages()).isEqualTo(66);
        assertThat(HistoryRangeReader.measure(file, HistoryRange.between(T0 - 10_000, T0 - 1), () -> false)).isEqualTo(
                new HistoryRangeReader.Extent(0, 0, 0));
        assertThat(HistoryRangeReader.measure(file, HistoryRange.between(null, null), () -> false).messages()).isEqualTo(ROWS);

        // a count the next keystroke made stale stops, with a topic filter or a test that skips every row
        assertThatThrownBy(() -> HistoryRangeReader.measure(file, HistoryRange.between(null, null).onTopics("a/2"), () -> true))
                .isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> HistoryRangeReader.measure(file, HistoryRange.between(null, null).keeping(m -> false), () -> true))
                .isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> HistoryRangeReader.open(dir.resolve("none.sqlite"), range)).isInstanceOf(HistoryException.class)
                .hasMessageContaining("no message history");
        assertThat(dir.resolve("none.sqlite")).doesNotExist();
    }
}
