package io.mqttworkbench.cli;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.ReconnectPolicy;
import io.mqttworkbench.mqtt.SubscribeOutcome;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.sparkplug.EntityState;
import io.mqttworkbench.sparkplug.NetworkView;
import io.mqttworkbench.sparkplug.SparkplugChange;
import io.mqttworkbench.sparkplug.SparkplugCommands;
import io.mqttworkbench.sparkplug.SparkplugNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sparkplug}: the live state of a Sparkplug B network, then one line per change or broken rule. */
@Command(name = "sparkplug", mixinStandardHelpOptions = true,
        description = "Watch a Sparkplug B network: edge nodes and devices online or offline, their metrics, and broken sequence rules.",
        footer = {"", "After --settle seconds it prints the state (nodes, devices, online/offline, metric count), then one line per",
                "state change or flag (seq gap or repeat, bdSeq mismatch, data before birth, unknown alias, malformed payload).",
                "With --json: JSON lines, {\"event\":\"state\"…} first, then \"change\", \"host\" and \"flag\" events."})
final class SparkplugCommand implements Callable<Integer> {

    private final CliStreams streams;

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-g", "--group"}, paramLabel = "GROUP", description = "Only this Sparkplug group (default: all).")
    String group;

    @Option(names = "--settle", paramLabel = "SECONDS", defaultValue = "2",
            description = "Listen this long before printing the state (default: ${DEFAULT-VALUE}).")
    double settleSeconds;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Exit after this many seconds (default: run until Ctrl+C).")
    Double timeoutSeconds;

    @Option(names = "--rebirth", description = "After settling, ask every node that sends data without a birth we saw to rebirth "
            + "(NCMD Node Control/Rebirth), so its metrics get their names.")
    boolean rebirth;

    @Option(names = "--json", description = "Print JSON lines.")
    boolean json;

    SparkplugCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        if (settleSeconds < 0 || timeoutSeconds != null && timeoutSeconds <= 0) {
            throw new CliFailure("--settle must be 0 or more and --timeout positive", ExitCodes.USAGE);
        }
        if (group != null && (group.isEmpty() || group.contains("/") || group.contains("+") || group.contains("#"))) {
            throw new CliFailure("--group takes a Sparkplug group id: one topic level, no wildcards", ExitCodes.USAGE);
        }
        long deadline = timeoutSeconds == null ? Long.MAX_VALUE : System.nanoTime() + (long) (timeoutSeconds * 1e9);
        SparkplugNetwork network = new SparkplugNetwork(group);
        SparkplugLines printer = new SparkplugLines(streams.out(), json);
        try (BrokerConnection broker = new BrokerConnection("sparkplug", connection.toSettings(ReconnectPolicy.DEFAULT))) {
            Commands.connect(broker, streams.err(), "sparkplug");
            List<SubscriptionRequest> requests = SparkplugCommands.filters(group).stream().map(f -> SubscriptionRequest.of(f, 0)).toList();
            for (SubscribeOutcome outcome : Commands.await(broker.subscribe(requests), 30, "subscribing")) {
                if (!outcome.granted()) {
                    streams.err().println("sparkplug: subscription to " + outcome.filter() + " refused: " + outcome.description());
                }
            }
            streams.err().println("sparkplug: listening to " + String.join(", ", SparkplugCommands.filters(group)) + "; the state follows in "
                    + settleSeconds + " s");
            long settleUntil = System.nanoTime() + (long) (settleSeconds * 1e9);
            drain(broker, network, null, Math.min(settleUntil, deadline));
            printer.state(network.view());
            if (rebirth) {
                askStaleNodesToRebirth(broker, network.view());
            }
            drain(broker, network, printer, deadline);
        }
        return ExitCodes.OK;
    }

    /** Feeds messages into the state until {@code until}; prints each change when a printer is given. */
    private void drain(BrokerConnection broker, SparkplugNetwork network, SparkplugLines printer, long until) throws Exception {
        List<ReceivedMessage> batch = new ArrayList<>();
        while (System.nanoTime() < until) {
            batch.clear();
            broker.inbound().drainTo(batch, 1024, Math.min(until - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            for (ReceivedMessage message : batch) {
                List<SparkplugChange> changes = network.accept(message);
                if (printer != null) {
                    for (SparkplugChange change : changes) {
                        printer.change(change);
                    }
                }
            }
            if (printer != null && !batch.isEmpty()) {
                printer.flush();
            }
            if (broker.status().state() == ConnectionState.FAILED) {
                throw new CliFailure(broker.status().reason(), ExitCodes.FAILED);
            }
        }
    }

    private void askStaleNodesToRebirth(BrokerConnection broker, NetworkView view) throws InterruptedException {
        for (NetworkView.Node node : view.nodes()) {
            if (node.state() == EntityState.STALE) {
                Commands.await(broker.publish(SparkplugCommands.rebirth(node.group(), node.id(), System.currentTimeMillis())), 10, "sending NCMD");
                streams.err().println("sparkplug: asked " + node.where() + " to rebirth (it sends data, but we saw no NBIRTH)");
            }
        }
    }
}
