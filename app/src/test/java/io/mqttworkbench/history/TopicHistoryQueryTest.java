package io.mqttworkbench.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.testsupport.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One topic's stored messages, newest first, found among many others without an index on the topic. */
class TopicHistoryQueryTest {
    private static final long T0 = 1_800_000_000_000L;

    @TempDir
    Path dir;

    private static List<String> texts(TopicHistoryQuery.Result result) {
        return result.newestFirst().stream().map(m -> new String(m.payload(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void findsOnlyTheExactTopicNewestFirstWithinLimitAndTimeRange() throws Exception {
        try (MessageHistory history = MessageHistory.open(dir.resolve("t.sqlite")).history()) {
            List<ReceivedMessage> batch = new ArrayList<>();
            List<String> topics = List.of("a/b", "a/bc", "a/b/c", "a", "工厂/温度", "工厂/温度计", "other");
            for (int i = 0; i < 70; i++) {
                String topic = topics.get(i % topics.size());
                batch.add(Messages.at(topic, topic + "#" + i, T0 + i * 1000L));
            }
            history.write(batch, List.of());
            TopicHistoryQuery query = new TopicHistoryQuery(history);

            TopicHistoryQuery.Result ab = query.newest("a/b", null, 3);
            assertThat(texts(ab)).containsExactly("a/b#63", "a/b#56", "a/b#49");
            assertThat(ab.complete()).as("older ones are left").isFalse();
            assertThat(ab.newestFirst()).allSatisfy(m -> assertThat(m.topic()).isEqualTo("a/b"));
            assertThat(ab.newestFirst().get(0).receivedEpochMillis()).isEqualTo(T0 + 63_000);

            TopicHistoryQuery.Result all = query.newest("a/bc", null, 100);
            assertThat(texts(all)).hasSize(10).allMatch(t -> t.startsWith("a/bc#")).first().isEqualTo("a/bc#64");
            assertThat(all.complete()).isTrue();
            assertThat(query.newest("a/bc", null, 10).complete()).as("exactly as many as asked: none left").isTrue();
            assertThat(query.newest("a/bc", null, 9).complete()).isFalse();
            assertThat(texts(query.newest("a", null, 100))).hasSize(10).allMatch(t -> t.startsWith("a#"));
            assertThat(texts(query.newest("a/b/c", null, 100))).hasSize(10).allMatch(t -> t.startsWith("a/b/c#"));

            assertThat(texts(query.newest("工厂/温度", null, 2))).containsExactly("工厂/温度#67", "工厂/温度#60");
            assertThat(texts(query.newest("工厂/温度计", null, 100))).hasSize(10).allMatch(t -> t.startsWith("工厂/温度计#"));

            // [from, before): from inclusive, before exclusive, both in epoch milliseconds
            TopicHistoryQuery.Result range = query.newest("a/b", T0 + 14_000, T0 + 49_000, 100, () -> false, TopicHistoryQuery.Progress.NONE);
            assertThat(texts(range)).containsExactly("a/b#42", "a/b#35", "a/b#28", "a/b#21", "a/b#14");
            assertThat(range.complete()).isTrue();
            assertThat(texts(query.newest("a/b", T0 + 15_000, T0 + 49_001, 2, () -> false, TopicHistoryQuery.Progress.NONE)))
                    .containsExactly("a/b#49", "a/b#42");

            assertThat(query.newest("a/", null, 10).newestFirst()).isEmpty();
            assertThat(query.newest("never/seen", null, 10)).satisfies(r -> {
                assertThat(r.newestFirst()).isEmpty();
                assertThat(r.complete()).isTrue();
            });
        }
    }

    @Test
    void aRareTopicIsFoundAcrossManyWindowsAndTheScanCanBeCancelledBetweenThem() throws Exception {
        try (MessageHistory history = MessageHistory.open(dir.resolve("w.sqlite")).history()) {
            // 300,000 messages over 300 s, 1,000 a second, one in 10,000 on the rare topic; the busy topic goes on after the rare one stops
            int total = 300_000;
            for (int b = 0; b < total / 10_000; b++) {
                List<ReceivedMessage> batch = new ArrayList<>();
                for (int i = b * 10_000; i < (b + 1) * 10_000; i++) {
                    boolean rare = i % 10_000 == 5_000 && i < 250_000;
                    batch.add(Messages.at(rare ? "rare" : "busy/" + (i % 7), rare ? "r" + i : Integer.toString(i), T0 + i));
                }
                history.write(batch, List.of());
            }
            TopicHistoryQuery query = new TopicHistoryQuery(history);
            List<Long> backTo = new ArrayList<>();
            TopicHistoryQuery.Result rare = query.newest("rare", null, null, 1000, () -> false, (millis, found) -> backTo.add(millis));
            assertThat(texts(rare)).hasSize(25).first().isEqualTo("r245000");
            assertThat(texts(rare)).last().isEqualTo("r5000");
            assertThat(rare.complete()).isTrue();
            assertThat(backTo).as("more than one window, each further back").hasSizeGreaterThan(1).isSortedAccordingTo((x, y) -> Long.compare(y, x));
            assertThat(backTo.get(0)).as("starts at the topic's newest message, not at the end of the traffic").isLessThanOrEqualTo(T0 + 245_000);

            TopicHistoryQuery.Result busy = query.newest("busy/3", null, 5_000);
            assertThat(busy.newestFirst()).hasSize(5_000).allSatisfy(m -> assertThat(m.topic()).isEqualTo("busy/3"));
            List<Long> times = busy.newestFirst().stream().map(ReceivedMessage::receivedNanos).toList();
            assertThat(times).as("newest first, none twice").isSortedAccordingTo((x, y) -> Long.compare(y, x)).doesNotHaveDuplicates();

            AtomicInteger windows = new AtomicInteger();
            TopicHistoryQuery.Result stopped = query.newest("rare", null, null, 1000, () -> windows.get() >= 1,
                    (millis, found) -> windows.incrementAndGet());
            assertThat(stopped.cancelled()).isTrue();
            assertThat(stopped.complete()).isFalse();
            assertThat(windows).hasValue(1);
            assertThat(stopped.newestFirst().size()).isLessThan(25);
        }
    }
}
