package io.mqttworkbench.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Figures for the topic tree: inserts per second and memory per topic for 100,000 six-level topics,
 * then the update rate on a full tree. Prints, asserts nothing about speed. Run with
 * {@code mvn verify -Pbenchmarks}.
 */
class TopicTreeBenchmark {

    @Test
    void insertsAndUpdates() {
        List<String> topics = TopicStreams.sixLevelTopics(100_000);
        byte[] payload = "{\"value\":21.5,\"unit\":\"C\"}".getBytes(StandardCharsets.UTF_8);
        for (int round = 1; round <= 3; round++) {
            long before = usedMemory();
            TopicTree tree = new TopicTree();
            long start = System.nanoTime();
            feed(tree, topics, payload, start);
            long insertNanos = System.nanoTime() - start;
            long after = usedMemory();
            assertThat(tree.topicCount()).isEqualTo(topics.size());

            start = System.nanoTime();
            int updates = 1_000_000;
            List<ReceivedMessage> batch = new ArrayList<>(4096);
            for (int i = 0; i < updates; i++) {
                batch.add(new ReceivedMessage(topics.get((int) ((i * 7919L) % topics.size())), payload, 0, false, false, start + i, 0,
                        MessageProperties.NONE));
                if (batch.size() == 4096) {
                    tree.addAll(batch);
                    batch.clear();
                }
            }
            tree.addAll(batch);
            long updateNanos = System.nanoTime() - start;
            System.out.printf("topic tree round %d: %,d topics (%,d levels) inserted at %,.0f/s, %,d bytes per topic with its last message;"
                            + " %,d updates at %,.0f/s, history %,d MiB%n",
                    round, topics.size(), tree.nodeCount(), topics.size() * 1e9 / insertNanos, (after - before) / topics.size(),
                    updates, updates * 1e9 / updateNanos, tree.historyBytes() >> 20);
        }
    }

    private static void feed(TopicTree tree, List<String> topics, byte[] payload, long nanos) {
        List<ReceivedMessage> batch = new ArrayList<>(4096);
        for (String topic : topics) {
            batch.add(new ReceivedMessage(topic, payload, 0, false, false, nanos, 0, MessageProperties.NONE));
            if (batch.size() == 4096) {
                tree.addAll(batch);
                batch.clear();
            }
        }
        tree.addAll(batch);
    }

    private static long usedMemory() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
