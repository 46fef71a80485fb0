package io.mqttworkbench.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The hand-over from the engine's receive thread to the message pump (JMH): one thread offers messages as a
 * flood arrives, another drains them in batches, as the pump does. Offers that find the queue full are the
 * drops the window reports. Run with {@code mvn -Pbenchmarks verify}.
 */
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InboundQueueBench {
    private static final ReceivedMessage MESSAGE = new ReceivedMessage("plant/line-1/press-3/temperature",
            "{\"temperature\":21.5}".getBytes(StandardCharsets.UTF_8), 0, false, false, 0, 0, MessageProperties.NONE);

    @State(Scope.Group)
    public static class Queue {
        final InboundQueue queue = new InboundQueue();
    }

    @State(Scope.Thread)
    public static class Batch {
        final List<ReceivedMessage> drained = new ArrayList<>(4096);
    }

    @Benchmark
    @Group("handOver")
    public boolean offer(Queue q) {
        return q.queue.offer(MESSAGE);
    }

    @Benchmark
    @Group("handOver")
    public int drain(Queue q, Batch batch, Blackhole hole) {
        batch.drained.clear();
        int n = q.queue.drainTo(batch.drained, 4096);
        hole.consume(batch.drained);
        return n;
    }
}
