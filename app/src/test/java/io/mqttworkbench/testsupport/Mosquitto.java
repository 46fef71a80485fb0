package io.mqttworkbench.testsupport;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real mosquitto, started by the test on free loopback ports from {@code mosquitto/mosquitto.conf}.
 * Where mosquitto is not installed, tests that need it are skipped (CI installs it, so they run there).
 */
public final class Mosquitto implements AutoCloseable {

    private static final List<String> SEARCH = List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/opt/homebrew/sbin");

    private final Process process;
    private final java.util.Map<String, Integer> ports;
    private final Path folder;

    private Mosquitto(Process process, java.util.Map<String, Integer> ports, Path folder) {
        this.process = process;
        this.ports = ports;
        this.folder = folder;
    }

    /** Starts mosquitto with a TCP and a WebSocket listener, or skips the calling test when it is not installed. */
    public static Mosquitto startOrSkip() throws IOException, InterruptedException {
        return startOrSkip("/mosquitto/mosquitto.conf", java.util.Map.of(), "tcpPort", "wsPort");
    }

    /**
     * Starts mosquitto from a configuration template in the test resources: each {@code ${name}} in
     * {@code portNames} becomes a free loopback port, the other {@code ${name}}s take {@code values}.
     */
    public static Mosquitto startOrSkip(String template, java.util.Map<String, String> values, String... portNames)
            throws IOException, InterruptedException {
        Optional<Path> binary = find("mosquitto");
        Assumptions.assumeTrue(binary.isPresent(), "mosquitto is not installed: interoperability test skipped");
        java.util.Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        for (String name : portNames) {
            ports.put(name, freePort());
        }
        Path folder = Files.createTempDirectory("mosquitto-test-");
        String text;
        try (InputStream in = Mosquitto.class.getResourceAsStream(template)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (var port : ports.entrySet()) {
            text = text.replace("${" + port.getKey() + "}", Integer.toString(port.getValue()));
        }
        for (var value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        Path config = folder.resolve("mosquitto.conf");
        Files.writeString(config, text);
        Process process = new ProcessBuilder(binary.get().toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("mosquitto.log").toFile())
                .start();
        Mosquitto mosquitto = new Mosquitto(process, ports, folder);
        for (int port : ports.values()) {
            mosquitto.awaitListening(port);
        }
        return mosquitto;
    }

    /** The path of a mosquitto tool (mosquitto_pub, mosquitto_sub), or the test is skipped. */
    public static String toolOrSkip(String name) {
        Optional<Path> tool = find(name);
        Assumptions.assumeTrue(tool.isPresent(), name + " is not installed: interoperability test skipped");
        return tool.get().toString();
    }

    public BrokerUrl tcpUrl() {
        return BrokerUrl.of(Transport.TCP, "127.0.0.1", port("tcpPort"));
    }

    public BrokerUrl websocketUrl() {
        return new BrokerUrl(Transport.WEBSOCKET, "127.0.0.1", port("wsPort"), "/mqtt");
    }

    public int tcpPort() {
        return port("tcpPort");
    }

    /** The port that replaced {@code ${name}} in the configuration. */
    public int port(String name) {
        return ports.get(name);
    }

    private void awaitListening(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited: " + Files.readString(folder.resolve("mosquitto.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("mosquitto did not listen on port " + port + " within 10 s");
    }

    private static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return java.util.stream.Stream.concat(SEARCH.stream(), java.util.Arrays.stream(path.split(java.io.File.pathSeparator)))
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
