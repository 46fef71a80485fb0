package io.mqttworkbench.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The end-to-end benchmark: mosquitto with its default settings, three subscribers side by side in the same
 * run (mosquitto_sub, the workbench's {@code sub}, and the real window under Xvfb), and a flood from
 * {@code mosquitto_pub}. Prints one table: what each subscriber received, the window's frame intervals, the
 * time from a real click to the window laid out again, the window's live heap per message and its resident
 * set size. Figures only; nothing is asserted. Needs mosquitto and its clients, Xvfb, xdotool and ImageMagick.
 *
 * <p>Run with {@code mvn -Pbenchmarks verify} (after JMH's model benchmarks), or on its own:
 * {@code java -cp <test classpath> io.mqttworkbench.bench.EndToEndBenchmark app/target/mqtt-workbench.jar}.
 */
public final class EndToEndBenchmark {
    private static final int PAYLOAD_BYTES = 60;
    private static final int TOPICS = 10;
    private static final String PROFILE = "Bench";
    private static final int WARM_UP_SECONDS = 5;
    private static final int BACKLOG_PUBLISHERS = 4;

    /** One line of the table. */
    record Row(String scenario, long sent, long mosquittoSub, long sub, long window, double seconds, double[] frames,
               double[] clicks, double heapPerMessage, long rssMaxBytes) {
    }

    private final Path jar;
    private final Path work;
    private final List<String> launcherOptions;
    private final String mosquitto;
    private final String mosquittoSub;
    private final String mosquittoPub;
    private int display = 90;

    private EndToEndBenchmark(Path jar, Path work, List<String> launcherOptions) {
        this.jar = jar;
        this.work = work;
        this.launcherOptions = launcherOptions;
        this.mosquitto = tool("mosquitto");
        this.mosquittoSub = tool("mosquitto_sub");
        this.mosquittoPub = tool("mosquitto_pub");
        tool("Xvfb");
        tool("xdotool");
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "app/target/mqtt-workbench.jar").toAbsolutePath();
        Path root = jar.getParent().getParent().getParent();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn package)");
        }
        Path work = Files.createTempDirectory("mqtt-workbench-e2e-");
        // -Dbench.jvm="-XX:+UseZGC -Xmx1g" runs the window and sub with other JVM options, to compare collectors and heaps.
        String override = System.getProperty("bench.jvm");
        List<String> options = override != null ? List.of(override.trim().split("\\s+"))
                : launcherOptions(root.resolve("packaging/common.jpackage"));
        EndToEndBenchmark bench = new EndToEndBenchmark(jar, work, options);
        System.out.println("End-to-end benchmark; work folder " + work + "; window and sub run with " + options);
        // A second argument scales the message counts down for a quick look (0.1: a tenth).
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        long million = Math.round(1_000_000 * scale);
        // A third picks scenarios by name: "sub", "20000", "50000", "backlog", "timing" (comma-separated); all by default.
        List<String> only = args.length > 2 ? List.of(args[2].split(",")) : List.of("sub", "20000", "50000", "backlog", "timing");
        List<SubFloodBenchmark.Row> subRows = only.contains("sub") ? bench.subFloods(scale) : List.of();
        List<Row> rows = new ArrayList<>();
        if (only.contains("20000")) {
            rows.add(bench.flood(String.format(Locale.ROOT, "flood 20,000 msg/s × %,d", million), 20_000, million));
        }
        if (only.contains("50000")) {
            rows.add(bench.flood(String.format(Locale.ROOT, "flood 50,000 msg/s × %,d", million), 50_000, million));
        }
        if (only.contains("backlog")) {
            rows.add(bench.backlog(String.format(Locale.ROOT, "backlog of %,d queued", million), million));
        }
        List<TimingBenchmark.Row> timing = only.contains("timing") ? bench.timing() : List.of();
        System.out.println();
        if (!subRows.isEmpty()) {
            System.out.println(SubFloodBenchmark.table(subRows));
        }
        System.out.println(table(rows));
        if (!timing.isEmpty()) {
            System.out.println(TimingBenchmark.table(timing));
        }
    }

    private List<SubFloodBenchmark.Row> subFloods(double scale) throws Exception {
        Path dir = Files.createDirectories(work.resolve("sub-floods"));
        System.out.println("== sub and mosquitto_sub, pair by pair (" + dir + ")");
        return new SubFloodBenchmark(jar, launcherOptions, mosquitto, mosquittoSub, mosquittoPub).run(dir, freePort(), freePort(), freePort(), freePort(), scale);
    }

    private List<TimingBenchmark.Row> timing() throws Exception {
        Path dir = Files.createDirectories(work.resolve("timing"));
        System.out.println("== timing (" + dir + ")");
        int port = freePort();
        Process broker = broker(dir, port, "");
        try {
            return new TimingBenchmark(jar, launcherOptions, mosquittoSub).run(port, dir);
        } finally {
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The heap and collector options the installed launcher uses (packaging/common.jpackage), so the window runs as installed. */
    static List<String> launcherOptions(Path commonJpackage) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(commonJpackage)) {
            String t = line.strip();
            if (t.startsWith("--java-options")) {
                String value = t.substring("--java-options".length()).strip().replace("\"", "");
                if (value.startsWith("-X")) {
                    out.add(value);
                }
            }
        }
        return out;
    }

    private Row flood(String name, double perSecond, long total) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name.replaceAll("[^a-z0-9]+", "-")));
        System.out.println("== " + name + " (" + dir + ")");
        int port = freePort();
        Process broker = broker(dir, port, "");
        writeProfile(dir.resolve("config"), port, false, 0);
        try (BenchWindow window = BenchWindow.start(jar, launcherOptions, dir.resolve("config"), PROFILE, dir, display++);
             CountingSubscriber ms = CountingSubscriber.start("mosquitto_sub", List.of(mosquittoSub, "-h", "127.0.0.1", "-p",
                     Integer.toString(port), "-t", "bench/#"), dir.resolve("mosquitto_sub.err"));
             CountingSubscriber sub = CountingSubscriber.start("sub", workbench("sub", "-u", "mqtt://127.0.0.1:" + port, "-t", "bench/#"),
                     dir.resolve("sub.err"))) {
            window.await("connected", s -> s.get("connected").getAsInt() == 1, 60);
            Thread.sleep(4000); // the subscription's SUBACK, and sub's JVM start
            // A window that has been open a while: five seconds of the same flood first, so what follows measures
            // the window and not the JIT compiling its message path (the first seconds are slower; see the README).
            new FloodPublisher(mosquittoPub, port, TOPICS, PAYLOAD_BYTES, 0).send(Math.round(perSecond * WARM_UP_SECONDS), perSecond, dir);
            settle(window, ms, sub);
            long ms0 = ms.received();
            long sub0 = sub.received();
            window.collectGarbage();
            JsonObject before = afterNextLine(window);
            long floodStart = System.currentTimeMillis();
            double seconds = floodWhileClicking(window, total, perSecond, dir, 0);
            long floodEnd = System.currentTimeMillis() + 1000;
            settle(window, ms, sub);
            window.screenshot(dir.resolve("window.png"));
            window.collectGarbage();
            JsonObject after = afterNextLine(window);
            long received = after.get("received").getAsLong() - before.get("received").getAsLong();
            long held = held(after) - held(before);
            double perMessage = held <= 0 ? Double.NaN
                    : (double) (after.get("heapUsedBytes").getAsLong() - before.get("heapUsedBytes").getAsLong()) / held - PAYLOAD_BYTES;
            return new Row(name, total, ms.received() - ms0, sub.received() - sub0, received, seconds, frames(window, floodStart, floodEnd),
                    percentiles(window.clickToRepaintMillis()), perMessage, rssMax(window));
        } finally {
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Messages the window's log holds: received and not yet pushed out by its cap. */
    private static long held(JsonObject stats) {
        return stats.get("received").getAsLong() - stats.get("evicted").getAsLong();
    }

    /**
     * A backlog: the three subscribers hold persistent sessions, go away, {@code total} QoS 1 messages are queued
     * for them, and they come back. The broker is allowed to queue that many (max_queued_messages), which is the
     * one setting changed from mosquitto's defaults.
     */
    private Row backlog(String name, long total) throws Exception {
        Path dir = Files.createDirectories(work.resolve("backlog"));
        System.out.println("== " + name + " (" + dir + ")");
        int port = freePort();
        Process broker = broker(dir, port, "max_queued_messages " + (total + 10_000) + "\n");
        Path config = dir.resolve("config");
        writeProfile(config, port, true, 1);
        // bench's payloads are binary, and a newline byte in one would count twice: mosquitto_sub prints them as hex
        List<String> msCommand = List.of(mosquittoSub, "-h", "127.0.0.1", "-p", Integer.toString(port), "-t", "bench/#", "-q", "1",
                "-c", "-i", "bench-mosquitto-sub", "-V", "mqttv5", "-x", "3600", "-F", "%t %x");
        List<String> subCommand = workbench("sub", "-u", "mqtt://127.0.0.1:" + port, "-t", "bench/#", "-q", "1", "-c",
                "-i", "bench-sub", "--session-expiry", "3600");
        try {
            // Sessions first: each subscriber connects once and leaves.
            try (BenchWindow window = BenchWindow.start(jar, launcherOptions, config, PROFILE, dir, display++);
                 CountingSubscriber ms = CountingSubscriber.start("mosquitto_sub", msCommand, dir.resolve("mosquitto_sub-1.err"));
                 CountingSubscriber sub = CountingSubscriber.start("sub", subCommand, dir.resolve("sub-1.err"))) {
                window.await("connected", s -> s.get("connected").getAsInt() == 1, 60);
                Thread.sleep(4000);
            }
            Thread.sleep(1000);
            // Published with the workbench's bench, which waits for every PUBACK: mosquitto_pub -l leaves when its
            // input ends, with QoS 1 messages still unacknowledged, and the broker drops them.
            System.out.printf("   queueing %,d QoS 1 messages for three absent sessions...%n", total);
            Process publisher = new ProcessBuilder(workbench("bench", "-u", "mqtt://127.0.0.1:" + port, "-t", "bench/backlog", "-c",
                    Integer.toString(BACKLOG_PUBLISHERS), "-n", Long.toString(total / BACKLOG_PUBLISHERS), "-q", "1", "-s",
                    Integer.toString(PAYLOAD_BYTES), "--no-subscriber")).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("backlog-publisher.log").toFile()).start();
            if (!publisher.waitFor(20, TimeUnit.MINUTES) || publisher.exitValue() != 0) {
                throw new IllegalStateException("the backlog was not published in full; see " + dir.resolve("backlog-publisher.log"));
            }
            try (BenchWindow window = BenchWindow.start(jar, launcherOptions, config, PROFILE, dir, display++);
                 CountingSubscriber ms = CountingSubscriber.start("mosquitto_sub", msCommand, dir.resolve("mosquitto_sub-2.err"));
                 CountingSubscriber sub = CountingSubscriber.start("sub", subCommand, dir.resolve("sub-2.err"))) {
                // Measured from the moment the window is connected: its start-up is not the backlog's doing.
                window.await("connected", st -> st.get("connected").getAsInt() == 1, 120);
                long start = System.currentTimeMillis();
                long clicksUntil = start + 300_000; // at most five minutes to drain
                while (System.currentTimeMillis() < clicksUntil && (ms.received() < total || sub.received() < total
                        || windowReceived(window) < total)) {
                    Thread.sleep(2000);
                    window.click();
                }
                settle(window, ms, sub);
                long end = System.currentTimeMillis();
                window.screenshot(dir.resolve("window.png"));
                return new Row(name, total, ms.received(), sub.received(), windowReceived(window), (end - start) / 1000.0,
                        frames(window, start, end), percentiles(window.clickToRepaintMillis()), Double.NaN, rssMax(window));
            }
        } finally {
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private double floodWhileClicking(BenchWindow window, long total, double perSecond, Path dir, int qos) throws Exception {
        double[] seconds = new double[1];
        Exception[] failure = new Exception[1];
        Thread publisher = new Thread(() -> {
            try {
                seconds[0] = new FloodPublisher(mosquittoPub, portOf(dir), TOPICS, PAYLOAD_BYTES, qos).send(total, perSecond, dir);
            } catch (Exception e) {
                failure[0] = e;
            }
        }, "flood");
        publisher.start();
        while (publisher.isAlive()) {
            publisher.join(2000);
            if (publisher.isAlive()) {
                window.click();
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return seconds[0];
    }

    /** Waits until no subscriber's count has moved for five seconds (the flood has drained), at most two minutes. */
    private static void settle(BenchWindow window, CountingSubscriber ms, CountingSubscriber sub) throws Exception {
        LongSupplier sum = () -> ms.received() + sub.received() + windowReceived(window);
        long last = -1;
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            long now = sum.getAsLong();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(5)) {
                return;
            }
            Thread.sleep(500);
        }
    }

    private static long windowReceived(BenchWindow window) {
        try {
            JsonObject last = window.latest();
            return last == null ? 0 : last.get("received").getAsLong();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The statistics line written after the one being written now: one that saw the collection just asked for. */
    private static JsonObject afterNextLine(BenchWindow window) throws Exception {
        int before = window.lines().size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (window.lines().size() <= before + 1 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return window.latest();
    }

    /** p50, p99 and max of every frame interval between the two times. */
    private static double[] frames(BenchWindow window, long fromMillis, long toMillis) throws IOException {
        List<Double> all = new ArrayList<>();
        for (JsonObject line : window.lines()) {
            long t = line.get("epochMillis").getAsLong();
            if (t >= fromMillis && t <= toMillis + 1000) {
                JsonArray intervals = line.getAsJsonArray("frameIntervalsMs");
                intervals.forEach(v -> all.add(v.getAsDouble()));
            }
        }
        return percentiles(all);
    }

    private static double[] percentiles(List<Double> values) {
        if (values.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1]};
    }

    private static double at(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static long rssMax(BenchWindow window) throws IOException {
        return window.lines().stream().mapToLong(l -> l.get("rssBytes").getAsLong()).max().orElse(-1);
    }

    private Process broker(Path dir, int port, String extra) throws IOException, InterruptedException {
        // mosquitto's defaults (max_queued_messages 1000 among them), on a loopback port of our own.
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\n" + extra);
        Files.writeString(dir.resolve("port"), Integer.toString(port));
        Process p = new ProcessBuilder(mosquitto, "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Thread.sleep(500);
        return p;
    }

    private static int portOf(Path dir) throws IOException {
        return Integer.parseInt(Files.readString(dir.resolve("port")).strip());
    }

    /** A profile for the window: the broker, bench/# at the given QoS, and for a backlog a persistent session. */
    private static void writeProfile(Path config, int port, boolean persistent, int qos) throws IOException {
        Files.createDirectories(config);
        String session = persistent ? ",\"clientId\":\"bench-window\",\"session\":{\"cleanStart\":false,\"sessionExpirySeconds\":3600}" : "";
        Files.writeString(config.resolve("profiles.json"), "{\"format\":\"mqtt-workbench-profiles\",\"schemaVersion\":2,\"profiles\":[{"
                + "\"id\":\"bench\",\"name\":\"" + PROFILE + "\",\"kind\":\"broker\",\"connection\":{\"transport\":\"mqtt\","
                + "\"host\":\"127.0.0.1\",\"port\":" + port + ",\"mqttVersion\":\"5.0\"}" + session
                + ",\"subscriptions\":[{\"filter\":\"bench/#\",\"qos\":" + qos + "}]}]}\n");
    }

    private List<String> workbench(String... arguments) {
        return WorkbenchCommand.of(jar, launcherOptions, arguments);
    }

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| Scenario | Sent | Seconds | mosquitto_sub | `sub` | Window | Window / `sub` | Frame interval p50 / p99 / max | "
                + "Click to repaint p50 / max | Heap live per message | Window RSS (max) |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,d | %,d | %,d | %.1f %% | %.1f / %.1f / %.1f ms | %.0f / %.0f ms | %s | %d MB |%n",
                    r.scenario(), r.sent(), r.seconds(), r.mosquittoSub(), r.sub(), r.window(), r.sub() == 0 ? 0 : 100.0 * r.window() / r.sub(),
                    r.frames()[0], r.frames()[1], r.frames()[2], r.clicks()[0], r.clicks()[2],
                    Double.isNaN(r.heapPerMessage()) ? "-" : String.format(Locale.ROOT, "%.0f B", r.heapPerMessage()),
                    r.rssMaxBytes() / (1024 * 1024)));
        }
        return sb.toString();
    }

    private static String tool(String name) {
        Optional<Path> found = Stream.concat(Stream.of("/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin"),
                        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)))
                .map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
        return found.orElseThrow(() -> new IllegalStateException(name + " is needed for the end-to-end benchmark")).toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
