package io.mqttworkbench.topic;

import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The topic tree (JMH): a pump's batch of updates to 100,000 six-level topics already in the tree (counts,
 * rates, last message, history), and building the tree of 100,000 topics from nothing.
 * Run with {@code mvn -Pbenchmarks verify}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TopicTreeBench {
    static final int BATCH = 4096;
    private static final byte[] PAYLOAD = "{\"value\":21.5,\"unit\":\"C\"}".getBytes(StandardCharsets.UTF_8);

    @State(Scope.Thread)
    public static class Plant {
        List<String> topics;
        TopicTree tree;
        List<List<ReceivedMessage>> batches;
        int next;

        @Setup(Level.Trial)
        public void build() {
            topics = TopicStreams.sixLevelTopics(100_000);
            tree = new TopicTree();
            tree.addAll(topics.stream().map(t -> message(t, 0)).toList());
            batches = new ArrayList<>();
            for (int b = 0; b < 64; b++) {
                List<ReceivedMessage> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    long n = (long) b * BATCH + i;
                    batch.add(message(topics.get((int) ((n * 7919L) % topics.size())), n));
                }
                batches.add(batch);
            }
        }
    }

    static ReceivedMessage message(String topic, long nanos) {
        return new ReceivedMessage(topic, PAYLOAD, 0, false, false, nanos, 0, MessageProperties.NONE);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public long updateKnownTopics(Plant plant) {
        plant.tree.addAll(plant.batches.get(plant.next++ & 63));
        return plant.tree.messageVersion();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public int buildAHundredThousandTopics(Plant plant) {
        TopicTree fresh = new TopicTree();
        fresh.addAll(plant.topics.stream().map(t -> message(t, 0)).toList());
        return fresh.topicCount();
    }
}
