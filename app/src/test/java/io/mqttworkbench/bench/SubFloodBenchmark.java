package io.mqttworkbench.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code sub} against {@code mosquitto_sub} in the same run, pair by pair: one {@code mosquitto_pub -l} sends as
 * fast as it can (1 KB lines, then 100 KB lines) into mosquitto with its default settings, whose
 * {@code max_queued_messages 1000} drops what a reader cannot take. {@code sub} runs with each engine, over TCP
 * and over WebSocket; mosquitto_sub, which has no WebSocket, reads over TCP. mosquitto 2.0's WebSocket listener
 * sends a 100 KB message about once a second to any client (both engines measured alike), so that pair runs
 * against the sandbox broker (HiveMQ CE, {@code mqtt-workbench broker}) instead, mosquitto_sub beside it.
 */
final class SubFloodBenchmark {

    /** One pair's result. */
    record Row(String flood, String sub, long sent, long mosquittoSub, long workbenchSub) {
    }

    private final Path jar;
    private final List<String> jvm;
    private final String mosquitto;
    private final String mosquittoSub;
    private final String mosquittoPub;

    SubFloodBenchmark(Path jar, List<String> jvm, String mosquitto, String mosquittoSub, String mosquittoPub) {
        this.jar = jar;
        this.jvm = jvm;
        this.mosquitto = mosquitto;
        this.mosquittoSub = mosquittoSub;
        this.mosquittoPub = mosquittoPub;
    }

    List<Row> run(Path dir, int tcpPort, int wsPort, int sandboxPort, int sandboxWsPort, double scale) throws Exception {
        Files.writeString(dir.resolve("mosquitto.conf"), "listener " + tcpPort + " 127.0.0.1\nlistener " + wsPort
                + " 127.0.0.1\nprotocol websockets\nallow_anonymous true\n");
        Process broker = new ProcessBuilder(mosquitto, "-c", dir.resolve("mosquitto.conf").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Thread.sleep(500);
        List<Row> rows = new ArrayList<>();
        try {
            int kilobyteCount = (int) Math.round(400_000 * scale);
            int hundredKilobyteCount = (int) Math.round(20_000 * scale);
            Path kilobyte = lines(dir.resolve("1k.txt"), kilobyteCount, 1024);
            Path hundredKilobytes = lines(dir.resolve("100k.txt"), hundredKilobyteCount, 100 * 1024);
            for (String engine : new String[] {"hivemq", "paho"}) {
                rows.add(pair(dir, tcpPort, kilobyte, kilobyteCount, "1 KB", engine, "mqtt://127.0.0.1:" + tcpPort, "mosquitto"));
                rows.add(pair(dir, tcpPort, kilobyte, kilobyteCount, "1 KB", engine, "ws://127.0.0.1:" + wsPort + "/mqtt", "mosquitto"));
                rows.add(pair(dir, tcpPort, hundredKilobytes, hundredKilobyteCount, "100 KB", engine, "mqtt://127.0.0.1:" + tcpPort, "mosquitto"));
            }
            Process sandbox = new ProcessBuilder(workbench("broker", "--port", Integer.toString(sandboxPort), "--ws-port",
                    Integer.toString(sandboxWsPort))).redirectErrorStream(true).redirectOutput(dir.resolve("sandbox.log").toFile()).start();
            try {
                awaitListening(sandboxWsPort);
                for (String engine : new String[] {"hivemq", "paho"}) {
                    rows.add(pair(dir, sandboxPort, hundredKilobytes, hundredKilobyteCount, "100 KB", engine,
                            "ws://127.0.0.1:" + sandboxWsPort + "/mqtt", "HiveMQ CE"));
                }
            } finally {
                sandbox.destroy();
                sandbox.waitFor(20, TimeUnit.SECONDS);
            }
        } finally {
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
        return rows;
    }

    private Row pair(Path dir, int tcpPort, Path input, int count, String size, String engine, String url, String brokerName)
            throws Exception {
        String topic = "flood/" + System.nanoTime();
        String name = size.replace(" ", "") + "-" + engine + "-" + url.substring(0, url.indexOf(':')) + "-" + brokerName.replace(" ", "");
        System.out.printf("   %s x %,d into %s, sub --engine %s -u %s%n", size, count, brokerName, engine, url);
        // Each subscriber's output goes straight into wc -l: counting gigabytes here would take the CPU they need.
        List<Process> ms = ProcessBuilder.startPipeline(List.of(
                new ProcessBuilder(mosquittoSub, "-h", "127.0.0.1", "-p", Integer.toString(tcpPort), "-t", topic)
                        .redirectError(dir.resolve(name + "-mosquitto_sub.err").toFile()),
                new ProcessBuilder("wc", "-l")));
        List<Process> sub = ProcessBuilder.startPipeline(List.of(
                new ProcessBuilder(workbench("sub", "--engine", engine, "-u", url, "-t", topic)).redirectError(dir.resolve(name + "-sub.err").toFile()),
                new ProcessBuilder("wc", "-l")));
        try {
            Thread.sleep(4000); // both subscribed; sub's JVM started
            Process publisher = new ProcessBuilder(mosquittoPub, "-h", "127.0.0.1", "-p", Integer.toString(tcpPort), "-t", topic, "-l")
                    .redirectInput(input.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve(name + "-pub.log").toFile()).start();
            publisher.waitFor(10, TimeUnit.MINUTES);
            awaitQuiet(ms.get(0).pid(), sub.get(0).pid());
        } finally {
            ms.get(0).destroy();
            sub.get(0).destroy();
        }
        Row row = new Row(size + " × " + String.format(Locale.ROOT, "%,d", count) + " into " + brokerName,
                engine + ", " + url.substring(0, url.indexOf(':')), count, lineCount(ms.get(1)), lineCount(sub.get(1)));
        System.out.printf("      mosquitto_sub %,d, sub %,d%n", row.mosquittoSub(), row.workbenchSub());
        return row;
    }

    /** Until neither subscriber has read a byte from its socket for three seconds. */
    private static void awaitQuiet(long... pids) throws IOException, InterruptedException {
        long last = -1;
        while (true) {
            long read = 0;
            for (long pid : pids) {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "io"))) {
                    if (line.startsWith("rchar:")) {
                        read += Long.parseLong(line.substring(6).trim());
                    }
                }
            }
            if (read == last) {
                return;
            }
            last = read;
            Thread.sleep(3000);
        }
    }

    private static long lineCount(Process wc) throws IOException, InterruptedException {
        wc.waitFor(60, TimeUnit.SECONDS);
        return Long.parseLong(new String(wc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim());
    }

    private static void awaitListening(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IOException("the sandbox broker did not listen on " + port + " within 60 s");
    }

    private static Path lines(Path file, int count, int length) throws IOException {
        byte[] line = new byte[length + 1];
        Arrays.fill(line, (byte) 'x');
        line[length] = '\n';
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int i = 0; i < count; i++) {
                byte[] number = String.format(Locale.ROOT, "%010d", i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(number, 0, line, 0, number.length);
                out.write(line);
            }
        }
        return file;
    }

    private List<String> workbench(String... arguments) {
        return WorkbenchCommand.of(jar, jvm, arguments);
    }

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder("| Flood from `mosquitto_pub -l` | `sub` engine, transport | mosquitto_sub received | `sub` received"
                + " | `sub` / mosquitto_sub |\n|---|---|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %.1f %% |%n", r.flood(), r.sub(), r.mosquittoSub(),
                    r.workbenchSub(), r.mosquittoSub() == 0 ? 0 : 100.0 * r.workbenchSub() / r.mosquittoSub()));
        }
        return sb.toString();
    }
}
