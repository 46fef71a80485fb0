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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers on one profile's history: the window and {@code record --history} left running in a terminal.
 * Each keeps its own idea of the newest key and of the topics' ids; neither may take the other's.
 */
class ConcurrentWritersTest {
    private static final long T0 = 1_800_000_000_000L;

    @TempDir
    Path dir;

    /** Every message at the same millisecond and monotonic time: the keys can only differ by what the writers add. */
    private static List<ReceivedMessage> batch(String writer, int number, int size) {
        List<ReceivedMessage> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            // a topic both writers use, and one only this writer uses, new in each batch
            String topic = i % 2 == 0 ? "shared/" + (i % 10) : writer + "/" + number;
            batch.add(new ReceivedMessage(topic, (writer + " " + number + " " + i).getBytes(StandardCharsets.UTF_8), 1, false, false,
                    0, T0, MessageProperties.NONE));
        }
        return batch;
    }

    private static List<String> stored(MessageHistory history) throws HistoryException {
        return history.find(null, null, m -> true, Integer.MAX_VALUE).stream()
                .map(m -> m.topic() + " " + new String(m.payload(), StandardCharsets.UTF_8)).toList();
    }

    private static List<String> expected(List<List<ReceivedMessage>> batches) {
        return batches.stream().flatMap(List::stream).map(m -> m.topic() + " " + new String(m.payload(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void interleavedBatchesWithTheSameTimesAreAllKeptOnceEachUnderItsOwnTopic() throws Exception {
        Path file = dir.resolve("both.sqlite");
        List<List<ReceivedMessage>> written = new ArrayList<>();
        try (MessageHistory window = MessageHistory.open(file).history(); MessageHistory record = MessageHistory.open(file).history()) {
            for (int n = 0; n < 6; n++) {
                MessageHistory writer = n % 2 == 0 ? window : record;
                List<ReceivedMessage> batch = batch(n % 2 == 0 ? "window" : "record", n, 50);
                writer.write(batch, n == 3 ? List.of(ConnectionMarker.disconnect("gone")) : List.of());
                written.add(batch);
            }
            // in the order committed, each exactly once, with the topic it came with
            assertThat(stored(window)).containsExactlyElementsOf(expected(written));
            assertThat(record.count()).isEqualTo(300);
            assertThat(window.lastValues()).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                    .contains("record 5 48", "window 4 49");
        }
        try (MessageHistory reopened = MessageHistory.open(file).history()) {
            assertThat(stored(reopened)).containsExactlyElementsOf(expected(written));
            assertThat(reopened.lastValues()).hasSize(5 + 6); // shared/0, 2 .. 8 and one topic per batch
        }
    }

    @Test
    void twoWritersAtOnceWaitForEachOtherAndLoseNothing() throws Exception {
        Path file = dir.resolve("race.sqlite");
        try (MessageHistory window = MessageHistory.open(file).history(); MessageHistory record = MessageHistory.open(file).history()) {
            CompletableFuture<List<List<ReceivedMessage>>> fromWindow = new CompletableFuture<>();
            CompletableFuture<List<List<ReceivedMessage>>> fromRecord = new CompletableFuture<>();
            CountDownLatch go = new CountDownLatch(1);
            new Thread(() -> writeMany(window, "window", go, fromWindow)).start();
            new Thread(() -> writeMany(record, "record", go, fromRecord)).start();
            go.countDown();
            List<String> all = new ArrayList<>(expected(fromWindow.get(60, TimeUnit.SECONDS)));
            all.addAll(expected(fromRecord.get(60, TimeUnit.SECONDS)));
            assertThat(stored(window)).hasSize(all.size()).containsExactlyInAnyOrderElementsOf(all);
            // each writer's own messages stay in the order it wrote them
            assertThat(stored(window).stream().filter(s -> s.contains(" record ")).toList()).containsExactlyElementsOf(expected(fromRecord.get()));
        }
    }

    /**
     * A file another process holds longer than the wait (here a connection that locked it for itself) is busy,
     * not damaged: opening says so and leaves it where it is, never sets it aside while the other one writes it.
     */
    @Test
    void aFileAnotherProcessHoldsIsNeverSetAsideAsDamaged() throws Exception {
        Path file = dir.resolve("busy.sqlite");
        try (MessageHistory first = MessageHistory.open(file).history()) {
            first.write(batch("window", 0, 10), List.of());
        }
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                 java.sql.Statement s = c.createStatement()) {
                s.execute("PRAGMA locking_mode = EXCLUSIVE");
                s.execute("BEGIN EXCLUSIVE");
                s.executeQuery("SELECT count(*) FROM messages").close();
                locked.countDown();
                release.await(30, TimeUnit.SECONDS);
                s.execute("COMMIT");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        locked.await();
        try {
            assertThatThrownBy(() -> MessageHistory.open(file)).isInstanceOf(HistoryException.class)
                    .hasMessageStartingWith("The message history " + file + " is in use by another program");
        } finally {
            release.countDown();
            holder.join();
        }
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.contains("unreadable"));
        }
        MessageHistory.Opened opened = MessageHistory.open(file);
        try (MessageHistory history = opened.history()) {
            assertThat(opened.notice()).isEmpty();
            assertThat(history.count()).isEqualTo(10);
        }
    }

    private static void writeMany(MessageHistory history, String name, CountDownLatch go,
            CompletableFuture<List<List<ReceivedMessage>>> done) {
        List<List<ReceivedMessage>> written = new ArrayList<>();
        try {
            go.await();
            for (int n = 0; n < 40; n++) {
                List<ReceivedMessage> batch = batch(name, n, 200);
                history.write(batch, List.of());
                written.add(batch);
            }
            done.complete(written);
        } catch (HistoryException | InterruptedException | RuntimeException e) {
            done.completeExceptionally(e);
        }
    }
}
