package io.mqttworkbench.sandbox;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in broker: HiveMQ Community Edition, embedded, in-memory, listening on loopback only, so the
 * workbench is useful on a machine with no broker. It takes a few seconds to start, so starting and
 * stopping happen on its own thread and report progress to listeners. Its data lives in a temporary
 * folder that is deleted when it stops.
 */
public final class SandboxBroker implements AutoCloseable {

    public static final String WEBSOCKET_PATH = "/mqtt";
    private static final Logger LOG = LoggerFactory.getLogger(SandboxBroker.class);

    /** Where the sandbox is in its life. */
    public enum Phase { STOPPED, STARTING, RUNNING, STOPPING, FAILED }

    /** The sandbox's state, with a sentence for the status bar. */
    public record Progress(Phase phase, String message) {
    }

    private final SandboxPorts ports;
    private final EmbeddedExtension extension;
    private final SandboxTls tls;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sandbox-broker");
        t.setDaemon(true);
        return t;
    });
    private final List<Consumer<Progress>> listeners = new CopyOnWriteArrayList<>();

    // Guarded by this.
    private CompletableFuture<SandboxEndpoints> starting;
    private EmbeddedHiveMQ hivemq;
    private Path workFolder;
    private Thread shutdownHook;
    private volatile Progress progress = new Progress(Phase.STOPPED, "Sandbox broker stopped");

    /**
     * @param ports the loopback ports to listen on
     * @param extension an embedded HiveMQ extension (authentication in tests), or null
     */
    public SandboxBroker(SandboxPorts ports, EmbeddedExtension extension) {
        this(ports, extension, null);
    }

    /** With a TLS listener as well, for tests of certificates against a broker in the same process. */
    public SandboxBroker(SandboxPorts ports, EmbeddedExtension extension, SandboxTls tls) {
        this.ports = ports;
        this.extension = extension;
        this.tls = tls;
    }

    public SandboxBroker() {
        this(SandboxPorts.DEFAULT, null);
    }

    public void addListener(Consumer<Progress> listener) {
        listeners.add(listener);
    }

    public Progress progress() {
        return progress;
    }

    /** The listening endpoints once running. */
    public synchronized Optional<SandboxEndpoints> endpoints() {
        if (starting != null && starting.isDone() && !starting.isCompletedExceptionally()) {
            return Optional.of(starting.join());
        }
        return Optional.empty();
    }

    /** Starts the broker if it is not running; every caller gets the same endpoints. */
    public synchronized CompletableFuture<SandboxEndpoints> start() {
        if (starting != null && !starting.isCompletedExceptionally()) {
            return starting;
        }
        CompletableFuture<SandboxEndpoints> result = new CompletableFuture<>();
        starting = result;
        thread.execute(() -> doStart(result));
        return result;
    }

    public synchronized CompletableFuture<Void> stop() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        starting = null;
        if (thread.isShutdown()) {
            result.complete(null);
            return result;
        }
        thread.execute(() -> {
            doStop();
            result.complete(null);
        });
        return result;
    }

    /** Stops the broker, waiting for it, and ends the sandbox thread. */
    @Override
    public void close() {
        try {
            stop().get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("sandbox broker did not stop cleanly: {}", e.toString());
        }
        thread.shutdown();
    }

    private void doStart(CompletableFuture<SandboxEndpoints> result) {
        try {
            report(Phase.STARTING, "Starting the sandbox broker (HiveMQ CE): preparing");
            int tcpPort = choosePort(ports.tcp(), -1, ports.strict());
            int websocketPort = choosePort(ports.websocket(), tcpPort, ports.strict());
            int tlsPort = tls == null ? 0 : choosePort(0, tcpPort, false);
            Path folder = Files.createTempDirectory("mqtt-workbench-sandbox-");
            synchronized (this) {
                workFolder = folder; // known from here on, so a failed start still removes it
            }
            Path config = Files.createDirectories(folder.resolve("conf"));
            Path data = Files.createDirectories(folder.resolve("data"));
            Path extensions = Files.createDirectories(folder.resolve("extensions"));
            Files.writeString(config.resolve("config.xml"), configXml(tcpPort, websocketPort, tlsPort, tls), StandardCharsets.UTF_8);
            report(Phase.STARTING, "Starting the sandbox broker (HiveMQ CE) on port " + tcpPort + ": this takes a few seconds");
            EmbeddedHiveMQBuilder builder = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(config)
                    .withDataFolder(data)
                    .withExtensionsFolder(extensions)
                    .withoutLoggingBootstrap(); // our logback set-up stays in charge and keeps HiveMQ quiet
            if (extension != null) {
                builder.withEmbeddedExtension(extension);
            }
            EmbeddedHiveMQ broker = builder.build();
            synchronized (this) {
                hivemq = broker;
                // Also when the process is asked to end (logout, SIGTERM) without the window closing first.
                if (shutdownHook == null) {
                    shutdownHook = new Thread(this::doStop, "sandbox-broker-shutdown");
                    Runtime.getRuntime().addShutdownHook(shutdownHook);
                }
            }
            long started = System.nanoTime();
            broker.start().get(120, TimeUnit.SECONDS);
            SandboxEndpoints endpoints = new SandboxEndpoints(tcpPort, websocketPort, WEBSOCKET_PATH, tlsPort);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            LOG.info("sandbox broker started in {} ms on {}", millis, endpoints);
            report(Phase.RUNNING, "Sandbox broker running on " + endpoints.tcpUrl() + " and " + endpoints.websocketUrl());
            result.complete(endpoints);
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            LOG.error("sandbox broker failed to start", cause);
            doStop();
            report(Phase.FAILED, "The sandbox broker could not start: " + reason);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            result.completeExceptionally(new IllegalStateException("The sandbox broker could not start: " + reason, cause));
        }
    }

    private void doStop() {
        EmbeddedHiveMQ broker;
        Path folder;
        synchronized (this) {
            broker = hivemq;
            folder = workFolder;
            hivemq = null;
            workFolder = null;
            if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // the hook runs anyway and finds nothing left to stop
                }
            }
            shutdownHook = null;
        }
        if (broker != null) {
            report(Phase.STOPPING, "Stopping the sandbox broker");
            try {
                broker.stop().get(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("sandbox broker stop: {}", e.toString());
            }
            try {
                broker.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.debug("sandbox broker close: {}", e.toString());
            }
        }
        if (folder != null) {
            deleteRecursively(folder);
        }
        if (progress.phase() != Phase.FAILED || broker != null) {
            report(Phase.STOPPED, "Sandbox broker stopped");
        }
    }

    private void report(Phase phase, String message) {
        Progress next = new Progress(phase, message);
        progress = next;
        for (Consumer<Progress> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("sandbox progress listener failed", e);
            }
        }
    }

    static String configXml(int tcpPort, int websocketPort, int tlsPort, SandboxTls tls) {
        String tlsListener = tls == null ? "" : """
                        <tls-tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                            <name>sandbox-tls</name>
                            <tls>
                                <keystore>
                                    <path>%s</path>
                                    <password>%s</password>
                                    <private-key-password>%s</private-key-password>
                                </keystore>
                                %s
                                <client-authentication-mode>%s</client-authentication-mode>
                            </tls>
                        </tls-tcp-listener>
                """.formatted(tlsPort, xml(tls.keystore().toString()), xml(tls.keystorePassword()), xml(tls.privateKeyPassword()),
                tls.truststore() == null ? "" : "<truststore><path>" + xml(tls.truststore().toString()) + "</path><password>"
                        + xml(tls.truststorePassword()) + "</password></truststore>",
                tls.requireClientCertificate() ? "REQUIRED" : "NONE");
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                            <name>sandbox-tcp</name>
                        </tcp-listener>
                        <websocket-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                            <path>%s</path>
                            <name>sandbox-websocket</name>
                            <subprotocols>
                                <subprotocol>mqttv3.1</subprotocol>
                                <subprotocol>mqtt</subprotocol>
                            </subprotocols>
                            <allow-extensions>true</allow-extensions>
                        </websocket-listener>
                %s    </listeners>
                    <mqtt>
                        <queued-messages>
                            <!-- A workbench subscriber may lag behind a flood; keep its messages instead of
                                 discarding them after HiveMQ's default of 1,000. -->
                            <max-queue-size>1000000</max-queue-size>
                        </queued-messages>
                    </mqtt>
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(tcpPort, websocketPort, WEBSOCKET_PATH, tlsListener);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The preferred port when it is free on loopback, otherwise (unless strict) one the system hands out. */
    static int choosePort(int preferred, int avoid, boolean strict) throws IOException {
        if (preferred > 0 && preferred != avoid && isFree(preferred)) {
            return preferred;
        }
        if (preferred > 0 && strict) {
            throw new IOException("port " + preferred + " on 127.0.0.1 is already in use");
        }
        for (int i = 0; i < 10; i++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                int port = socket.getLocalPort();
                if (port != avoid) {
                    return port;
                }
            }
        }
        throw new IOException("no free loopback port found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As the broker binds: connections of a previous run still in TIME_WAIT must not make the port look taken.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One file that cannot go (still locked on Windows, say) must not keep the rest of the folder. */
    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", path, e.toString());
        }
    }

    private static void deleteRecursively(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    deleteQuietly(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                    deleteQuietly(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("could not delete sandbox folder {}: {}", folder, e.toString());
        }
    }
}
