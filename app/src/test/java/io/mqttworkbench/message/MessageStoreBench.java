package io.mqttworkbench.message;

import io.mqttworkbench.decode.DecoderRegistry;
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
 * The message log's store (JMH): appending a pump's batch to a full store (so every append also evicts), and
 * searching a million messages by topic filter and by text, as the log's search bar does.
 * Run with {@code mvn -Pbenchmarks verify}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MessageStoreBench {
    static final int BATCH = 4096;

    static List<ReceivedMessage> messages(int count, int offset) {
        String[] topics = new String[1000];
        for (int t = 0; t < topics.length; t++) {
            topics[t] = "site-1/area-" + (t % 10) + "/machine-" + t + "/telemetry"; // interned once, as the engine does
        }
        List<ReceivedMessage> out = new ArrayList<>(count);
        for (int i = offset; i < offset + count; i++) {
            byte[] payload = ("{\"temperature\":" + (20 + i % 15) + ".5,\"state\":\"ok\",\"seq\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            out.add(new ReceivedMessage(topics[i % 1000], payload, 1, false, false, i, 0, MessageProperties.NONE));
        }
        return out;
    }

    /** A store at its cap of a million, so appends evict as they do in a long flood. */
    @State(Scope.Thread)
    public static class Full {
        MessageStore store;
        List<ReceivedMessage> batch;

        @Setup(Level.Trial)
        public void fill() {
            store = new MessageStore(1_000_000, 1L << 40);
            store.append(messages(1_000_000, 0));
            batch = messages(BATCH, 1_000_000);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public long appendToAFullStore(Full state) {
        state.store.append(state.batch);
        return state.store.nextSequence();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int searchAMillionByText(Full state) {
        return MessageSearch.run(state.store, MessageQuery.ALL.withText("\"temperature\":33.5", false), new DecoderRegistry(), () -> false)
                .count();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int searchAMillionByTopicFilter(Full state) {
        return MessageSearch.run(state.store, MessageQuery.ALL.withTopicFilter("site-1/area-3/+/telemetry"), new DecoderRegistry(), () -> false)
                .count();
    }
}
