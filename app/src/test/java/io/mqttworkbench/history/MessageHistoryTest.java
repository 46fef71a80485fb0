package io.mqttworkbench.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.UserProperty;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One profile's message history in SQLite: what survives a restart, what retention removes, a damaged file. */
class MessageHistoryTest {
    private static final long T0 = 1_800_000_000_000L;

    @TempDir
    Path dir;

    private static ReceivedMessage message(String topic, String payload, long atMillis) {
        return new ReceivedMessage(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false, false, atMillis * 1_000_000L, atMillis,
                MessageProperties.NONE);
    }

    private static String text(ReceivedMessage m) {
        return new String(m.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void aRestartKeepsEveryMessageAndEachTopicsLastValue() throws Exception {
        Path file = dir.resolve("profile.sqlite");
        MessageProperties props = new MessageProperties("application/json", null, null, null, null,
                List.of(new UserProperty("site", "berlin"), new UserProperty("site", "paris")), List.of(), null);
        try (MessageHistory history = MessageHistory.open(file).history()) {
            history.write(List.of(message("a/1", "one", T0), message("a/2", "two", T0 + 1), message("a/1", "three", T0 + 2)), List.of());
            history.write(List.of(new ReceivedMessage("b/中文", "{\"温度\":23.5}".getBytes(StandardCharsets.UTF_8), 0, true, false, 0,
                    T0 + 3, props)), List.of(ConnectionMarker.disconnect("gone")));
        }
        MessageHistory.Opened reopened = MessageHistory.open(file);
        try (MessageHistory history = reopened.history()) {
            assertThat(reopened.notice()).isEmpty();
            assertThat(history.count()).isEqualTo(4);
            List<ReceivedMessage> last = history.lastValues();
            assertThat(last).extracting(ReceivedMessage::topic).containsExactly("a/2", "a/1", "b/中文");
            assertThat(last).extracting(MessageHistoryTest::text).containsExactly("two", "three", "{\"温度\":23.5}");
            ReceivedMessage chinese = last.get(2);
            assertThat(chinese.retained()).isTrue();
            assertThat(chinese.qos()).isZero();
            assertThat(chinese.receivedEpochMillis()).isEqualTo(T0 + 3);
            assertThat(chinese.properties().contentType()).isEqualTo("application/json");
            assertThat(chinese.properties().userProperties()).extracting(UserProperty::value).containsExactly("berlin", "paris");
            assertThat(history.newest(null, 2)).extracting(MessageHistoryTest::text).containsExactly("{\"温度\":23.5}", "three");
            assertThat(history.newest(T0 + 2, 10)).extracting(MessageHistoryTest::text).containsExactly("two", "one");
            // new messages after the restart keep to time order, even with a clock that stepped back
            history.write(List.of(message("a/1", "after", T0 - 5_000)), List.of());
            assertThat(history.newest(null, 1)).extracting(MessageHistoryTest::text).containsExactly("after");
        }
    }

    @Test
    void countsPerBucketComeFromThePerSecondTable() throws Exception {
        try (MessageHistory history = MessageHistory.open(dir.resolve("c.sqlite")).history()) {
            List<ReceivedMessage> batch = new ArrayList<>();
            for (int s = 0; s < 10; s++) {
                for (int i = 0; i <= s; i++) {
                    batch.add(message("t", "x", T0 + s * 1000L + i));
                }
            }
            history.write(batch, List.of());
            assertThat(history.countsPerBucket(T0, 1000, 10)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(history.countsPerBucket(T0, 5000, 2)).containsExactly(15, 40);
            // a range that starts inside a second (the oldest message's, for the timeline): that second counts in
            // the first bucket, not nowhere; the table knows seconds, so a second counts where it starts
            assertThat(history.countsPerBucket(T0 + 500, 250, 4)).containsExactly(1, 0, 2, 0);
            assertThat(history.countsPerBucket(T0 + 500, 5000, 2)).containsExactly(1 + 2 + 3 + 4 + 5 + 6, 7 + 8 + 9 + 10);
            assertThat(history.oldestMillis()).hasValue(T0);
        }
    }

    @Test
    void retentionRemovesTheOldestByAgeThenBySizeCountsThemAndFreesTheDisk() throws Exception {
        Path file = dir.resolve("r.sqlite");
        try (MessageHistory history = MessageHistory.open(file).history()) {
            String kilobyte = "x".repeat(1000);
            for (int b = 0; b < 20; b++) {
                List<ReceivedMessage> batch = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    batch.add(message("big/" + (i % 10), kilobyte + b, T0 + b * 60_000L + i));
                }
                history.write(batch, List.of());
            }
            assertThat(history.count()).isEqualTo(10_000);
            long before = history.bytesOnDisk();
            assertThat(before).isGreaterThan(10_000_000);

            // by age: the first five minutes' batches are older than 15 minutes at T0 + 20 min
            long aged = history.applyRetention(15 * 60_000L, Long.MAX_VALUE, T0 + 20 * 60_000L);
            assertThat(aged).isEqualTo(2_500);
            assertThat(history.oldestMillis()).hasValue(T0 + 5 * 60_000L);

            // by size: down to 3 MB, the oldest first, and the file shrinks
            long sized = history.applyRetention(Long.MAX_VALUE / 4, 3_000_000, T0 + 20 * 60_000L);
            assertThat(sized).isPositive();
            assertThat(history.bytesOnDisk()).isLessThanOrEqualTo(3_000_000);
            assertThat(Files.size(file)).isLessThan(before / 2);
            assertThat(history.droppedByRetention()).isEqualTo(aged + sized);
            assertThat(history.newest(null, 1)).extracting(MessageHistoryTest::text).containsExactly(kilobyte + 19);
            assertThat(history.lastValues()).hasSize(10); // every topic still has its newest message
        }
    }

    @Test
    void aDamagedFileIsKeptAsideUntouchedAndANewHistoryBegins() throws Exception {
        Path file = dir.resolve("d.sqlite");
        byte[] garbage = "this is not a database, but someone's data all the same".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, garbage);
        MessageHistory.Opened opened = MessageHistory.open(file);
        try (MessageHistory history = opened.history()) {
            assertThat(opened.notice()).startsWith("The message history d.sqlite could not be read (it is not a database file); it was kept aside as d.sqlite.unreadable-");
            assertThat(history.count()).isZero();
            history.write(List.of(message("a", "b", T0)), List.of());
            assertThat(history.count()).isEqualTo(1);
        }
        try (var aside = Files.list(dir)) {
            Path kept = aside.filter(p -> p.getFileName().toString().startsWith("d.sqlite.unreadable-") && !p.toString().endsWith("-wal")
                    && !p.toString().endsWith("-shm")).findFirst().orElseThrow();
            assertThat(Files.readAllBytes(kept)).isEqualTo(garbage);
        }
    }

    @Test
    void clearForgetsEverythingAndFreesTheDisk() throws Exception {
        Path file = dir.resolve("x.sqlite");
        try (MessageHistory history = MessageHistory.open(file).history()) {
            List<ReceivedMessage> batch = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                batch.add(message("t/" + i % 7, "y".repeat(500), T0 + i));
            }
            history.write(batch, List.of());
            long before = Files.size(file) + Files.size(dir.resolve("x.sqlite-wal"));
            history.clear();
            assertThat(history.count()).isZero();
            assertThat(history.lastValues()).isEmpty();
            assertThat(Files.size(file)).isLessThan(before / 4);
        }
    }
}
