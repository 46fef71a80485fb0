package io.mqttworkbench.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.testsupport.Conditions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryWriterTest {

    private static List<ReceivedMessage> batch(int n) {
        List<ReceivedMessage> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(new ReceivedMessage("t/" + i, new byte[] {1}, 0, false, false, System.nanoTime(), System.currentTimeMillis(),
                    MessageProperties.NONE));
        }
        return batch;
    }

    @Test
    void commitsWhatGatheredAtLeastEveryInterval() throws Exception {
        List<Long> writes = Collections.synchronizedList(new ArrayList<>());
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        try (HistoryWriter writer = new HistoryWriter("t", (messages, markers) -> {
            writes.add(System.nanoTime());
            sizes.add(messages.size());
        }, 100_000, Duration.ofMillis(250))) {
            long offered = System.nanoTime();
            writer.offer(batch(10));
            writer.offer(batch(5));
            Conditions.awaitTrue("a commit", Duration.ofSeconds(2), () -> !writes.isEmpty());
            assertThat(writes.get(0) - offered).isLessThan(TimeUnit.MILLISECONDS.toNanos(400));
            assertThat(sizes.get(0)).isEqualTo(15); // both batches in one transaction
            assertThat(writer.writtenCount()).isEqualTo(15);
        }
    }

    @Test
    void aDiskThatFallsBehindDropsAndCountsInsteadOfQueueingWithoutEnd() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (HistoryWriter writer = new HistoryWriter("t", (messages, markers) -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 1_000, Duration.ofMillis(10))) {
            writer.offer(batch(600));
            Thread.sleep(100); // the writer took those and is stuck writing them
            writer.offer(batch(600));
            writer.offer(batch(600)); // over 1,000 pending: dropped
            assertThat(writer.droppedCount()).isEqualTo(600);
            release.countDown();
            writer.flush(Duration.ofSeconds(5));
            writer.flush(Duration.ofSeconds(5));
            assertThat(writer.writtenCount()).isEqualTo(1_200);
        }
    }

    @Test
    void aFailedWriteIsCountedAndSaidAndTheWriterGoesOn() throws Exception {
        List<Integer> kept = Collections.synchronizedList(new ArrayList<>());
        boolean[] fail = {true};
        try (HistoryWriter writer = new HistoryWriter("t", (messages, markers) -> {
            if (fail[0]) {
                throw new HistoryException("the disk is full");
            }
            kept.add(messages.size());
        }, 100_000, Duration.ofMillis(20))) {
            writer.offer(batch(3));
            writer.flush(Duration.ofSeconds(2));
            assertThat(writer.droppedCount()).isEqualTo(3);
            assertThat(writer.problem()).isEqualTo("the disk is full");
            fail[0] = false;
            writer.offer(batch(4));
            writer.flush(Duration.ofSeconds(2));
            assertThat(kept).containsExactly(4);
        }
    }

    @Test
    void closeWritesWhatIsPendingWithTheMarkers() {
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        List<ConnectionMarker> marks = Collections.synchronizedList(new ArrayList<>());
        HistoryWriter writer = new HistoryWriter("t", (messages, markers) -> {
            sizes.add(messages.size());
            marks.addAll(markers);
        }, 100_000, Duration.ofSeconds(60));
        writer.offer(batch(7));
        writer.mark(ConnectionMarker.disconnect("gone"));
        writer.close();
        assertThat(sizes).containsExactly(7);
        assertThat(marks).extracting(ConnectionMarker::text).containsExactly("gone");
        writer.offer(batch(1)); // after close: ignored, not an error
        assertThat(writer.writtenCount()).isEqualTo(7);
    }

    /** The window's way: messages offered to the writer, then close (writer, then history) as a connection closes; reopened, all is back. */
    @Test
    void whatTheWriterTookIsBackAfterARestartWithEachTopicsLastValue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("restart.sqlite");
        long now = System.currentTimeMillis();
        try (MessageHistory history = MessageHistory.open(file).history()) {
            // a minute between commits: only the close writes them
            HistoryWriter writer = new HistoryWriter("t", history, 100_000, Duration.ofMinutes(1));
            writer.offer(List.of(message("plant/a", "one", now), message("plant/b", "two", now + 1)));
            writer.mark(ConnectionMarker.disconnect("gone"));
            writer.offer(List.of(message("plant/a", "three", now + 2)));
            writer.close();
            assertThat(writer.writtenCount()).isEqualTo(3);
        }
        MessageHistory.Opened reopened = MessageHistory.open(file);
        try (MessageHistory history = reopened.history()) {
            assertThat(reopened.notice()).isEmpty();
            assertThat(history.find(null, null, m -> true, 10)).extracting(HistoryWriterTest::text).containsExactly("one", "two", "three");
            assertThat(history.lastValues()).extracting(m -> m.topic() + "=" + text(m)).containsExactly("plant/b=two", "plant/a=three");
            assertThat(history.lastValues().get(1).receivedEpochMillis()).isEqualTo(now + 2);
        }
        assertThat(StoredEvents.read(file)).containsExactly("disconnect: gone");
    }

    private static ReceivedMessage message(String topic, String payload, long atMillis) {
        return new ReceivedMessage(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false, false, 0, atMillis, MessageProperties.NONE);
    }

    private static String text(ReceivedMessage m) {
        return new String(m.payload(), StandardCharsets.UTF_8);
    }
}
