package io.mqttworkbench.decode;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The UTF-8 check every printed and previewed payload goes through (JMH): a 1 KB JSON payload in plain ASCII,
 * and one with Chinese field names. Run with {@code mvn -Pbenchmarks verify}.
 */
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class Utf8Bench {
    private final byte[] ascii = ("{\"values\":[" + "21.5,".repeat(200) + "0]}").getBytes(StandardCharsets.UTF_8);
    private final byte[] chinese = ("{\"温度\":[" + "21.5,".repeat(150) + "0],\"状态\":\"运行中\"}").getBytes(StandardCharsets.UTF_8);

    @Benchmark
    public boolean asciiKilobyte() {
        return Utf8.isValid(ascii);
    }

    @Benchmark
    public boolean chineseKilobyte() {
        return Utf8.isValid(chinese);
    }
}
