package io.mqttworkbench.cli;

import io.mqttworkbench.sandbox.SandboxBroker;
import io.mqttworkbench.sandbox.SandboxEndpoints;
import io.mqttworkbench.sandbox.SandboxPorts;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code broker}: the sandbox broker (embedded HiveMQ CE) without the window, until Ctrl+C. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run the sandbox MQTT broker (HiveMQ CE, in memory, loopback only) until Ctrl+C.")
final class BrokerCommand implements Callable<Integer> {

    private final CliStreams streams;

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "1883",
            description = "MQTT port on 127.0.0.1 (default: ${DEFAULT-VALUE}, or a free one if it is taken).")
    int port;

    @Option(names = "--ws-port", paramLabel = "N", defaultValue = "8083",
            description = "WebSocket port on 127.0.0.1, path /mqtt (default: ${DEFAULT-VALUE}, or a free one if it is taken).")
    int websocketPort;

    BrokerCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        // A port the user named is a promise: fail if it is taken. The defaults may move.
        boolean strict = spec.commandLine().getParseResult().hasMatchedOption("--port")
                || spec.commandLine().getParseResult().hasMatchedOption("--ws-port");
        SandboxPorts ports;
        try {
            ports = new SandboxPorts(port, websocketPort, strict);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
        }
        SandboxBroker broker = new SandboxBroker(ports, null);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long start = System.nanoTime();
            streams.err().println("broker: stopping...");
            broker.close();
            streams.err().println("broker: stopped in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            stopped.countDown();
        }, "broker-stop"));
        streams.err().println("broker: starting HiveMQ CE (takes a few seconds)...");
        SandboxEndpoints endpoints;
        try {
            endpoints = broker.start().get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new CliFailure(e.getCause().getMessage(), ExitCodes.FAILED);
        } catch (TimeoutException e) {
            throw new CliFailure("the broker did not start within 120 s", ExitCodes.FAILED);
        }
        streams.err().println("broker: listening on " + endpoints.tcpUrl() + " and " + endpoints.websocketUrl()
                + " (loopback only). Press Ctrl+C to stop.");
        stopped.await();
        return ExitCodes.OK;
    }
}
