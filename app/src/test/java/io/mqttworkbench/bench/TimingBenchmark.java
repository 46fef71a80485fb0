package io.mqttworkbench.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Timing, seen from outside: {@code mosquitto_sub --nodelay} stamps every arrival ({@code -F %U}), and that is
 * what the workbench's figures are held against. How far {@code record}'s offsets are from those stamps; how far
 * {@code replay} at 1× and 4× lands from the recorded offsets; and {@code bench}'s latency at 1,000 QoS 1
 * messages a second. Each error is taken after lining the two series up on their median difference, since a
 * constant delay on the way is not a timing error.
 */
final class TimingBenchmark {
    private static final int MESSAGES = 2000;

    /** One line of the timing table. */
    record Row(String what, double p50, double p99, double max) {
    }

    private final Path jar;
    private final List<String> jvm;
    private final String mosquittoSub;

    TimingBenchmark(Path jar, List<String> jvm, String mosquittoSub) {
        this.jar = jar;
        this.jvm = jvm;
        this.mosquittoSub = mosquittoSub;
    }

    List<Row> run(int port, Path dir) throws Exception {
        List<Row> rows = new ArrayList<>();
        BrokerUrl url = BrokerUrl.of(Transport.TCP, "127.0.0.1", port);
        Path recording = dir.resolve("timing.jsonl");

        // record: the workbench and mosquitto_sub watch the same irregular stream
        Process watcher = stamps(port, "timing/original/#", dir.resolve("stamps-original.txt"));
        Process recorder = command(dir.resolve("record.log"), "record", "-u", url.toString(), "-t", "timing/original/#", "-q", "0",
                "-o", recording.toString(), "-n", Integer.toString(MESSAGES));
        Thread.sleep(4000);
        publishIrregularly(url);
        recorder.waitFor(60, TimeUnit.SECONDS);
        Thread.sleep(1000);
        watcher.destroy();
        watcher.waitFor(5, TimeUnit.SECONDS);
        Map<Integer, Long> seen = readStamps(dir.resolve("stamps-original.txt"));
        Map<Integer, Long> recorded = readRecordingOffsets(recording);
        rows.add(errors("record: its offsets against mosquitto_sub's arrival stamps", recorded, seen, 1));

        // replay: what the recording says against when mosquitto_sub saw it
        for (double speed : new double[] {1, 4}) {
            String label = String.format(Locale.ROOT, "%.0fx", speed);
            Path file = dir.resolve("stamps-replay-" + label + ".txt");
            Process replayWatcher = stamps(port, "timing/replayed/#", file);
            Thread.sleep(1000);
            Process replay = command(dir.resolve("replay-" + label + ".log"), "replay", "-u", url.toString(), recording.toString(),
                    "--speed", Double.toString(speed), "--map", "timing/original/=timing/replayed/");
            replay.waitFor(120, TimeUnit.SECONDS);
            Thread.sleep(1000);
            replayWatcher.destroy();
            replayWatcher.waitFor(5, TimeUnit.SECONDS);
            rows.add(errors("replay at " + label + ": arrival at mosquitto_sub against the recorded offsets", recorded, readStamps(file), speed));
        }

        // bench: the round trip through the broker, QoS 1 at a steady 1,000 messages a second
        Process bench = command(dir.resolve("bench.log"), "bench", "-u", url.toString(), "-q", "1", "-n", "10000", "--rate", "1000", "--json");
        bench.waitFor(120, TimeUnit.SECONDS);
        String summary = new String(bench.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("{")).reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("bench printed no summary; see " + dir.resolve("bench.log")));
        JsonObject latency = JsonParser.parseString(summary).getAsJsonObject().getAsJsonObject("latencyMillis");
        rows.add(new Row("bench: publish to arrival, QoS 1, 1,000 msg/s, 64 B", latency.get("p50").getAsDouble(),
                latency.get("p99").getAsDouble(), latency.get("max").getAsDouble()));
        return rows;
    }

    /** Sends 2,000 numbered messages with gaps of 0 to 4 ms, in bursts now and then, as live traffic comes. */
    private static void publishIrregularly(BrokerUrl url) throws Exception {
        Random random = new Random(5);
        try (BrokerConnection publisher = new BrokerConnection("timing", ConnectionSettings.builder(url).build())) {
            publisher.connect().get(15, TimeUnit.SECONDS);
            long next = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                next += i % 100 < 10 ? 0 : random.nextInt(4001) * 1000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                publisher.publish(new PublishRequest("timing/original/" + (i % 5), Integer.toString(i).getBytes(StandardCharsets.US_ASCII),
                        0, false));
            }
            Thread.sleep(500);
        }
    }

    private Process stamps(int port, String filter, Path out) throws IOException {
        return new ProcessBuilder(mosquittoSub, "-h", "127.0.0.1", "-p", Integer.toString(port), "--nodelay", "-t", filter, "-F", "%U %p")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    private Process command(Path log, String... arguments) throws IOException {
        List<String> command = WorkbenchCommand.of(jar, jvm, arguments);
        return new ProcessBuilder(command).redirectError(log.toFile()).start();
    }

    /** Message number to arrival time in microseconds, from mosquitto_sub's "seconds.nanoseconds payload" lines. */
    private static Map<Integer, Long> readStamps(Path file) throws IOException {
        Map<Integer, Long> out = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2 && parts[0].contains(".")) {
                String[] time = parts[0].split("\\.");
                long micros = Long.parseLong(time[0]) * 1_000_000 + Long.parseLong((time[1] + "000000000").substring(0, 9)) / 1000;
                out.put(Integer.parseInt(parts[1]), micros);
            }
        }
        return out;
    }

    /** Message number to the offset record wrote for it, in microseconds. */
    private static Map<Integer, Long> readRecordingOffsets(Path file) throws IOException {
        Map<Integer, Long> out = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            out.put(Integer.parseInt(o.get("payload").getAsString()), o.get("offsetMicros").getAsLong());
        }
        return out;
    }

    /** |(b - a) - median(b - a)| over the messages both saw, with a's times divided by the speed. */
    private static Row errors(String what, Map<Integer, Long> a, Map<Integer, Long> b, double speed) {
        Function<Integer, Long> scaled = i -> (long) (a.get(i) / speed);
        List<Integer> both = a.keySet().stream().filter(b::containsKey).sorted().toList();
        if (both.size() < MESSAGES / 2) {
            throw new IllegalStateException(what + ": only " + both.size() + " messages seen by both");
        }
        long[] differences = both.stream().mapToLong(i -> b.get(i) - scaled.apply(i)).toArray();
        long[] sorted = differences.clone();
        Arrays.sort(sorted);
        long shift = sorted[sorted.length / 2];
        double[] errors = Arrays.stream(differences).mapToDouble(d -> Math.abs(d - shift) / 1000.0).sorted().toArray();
        return new Row(what + String.format(Locale.ROOT, " (%,d messages)", both.size()), errors[errors.length / 2],
                errors[(int) Math.ceil(errors.length * 0.99) - 1], errors[errors.length - 1]);
    }

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder("| Timing | p50 | p99 | max |\n|---|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms |%n", r.what(), r.p50(), r.p99(), r.max()));
        }
        return sb.toString();
    }
}
