package io.mqttworkbench.cli;

import io.mqttworkbench.decode.Decoded;
import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.decode.PayloadFormat;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionEvent;
import io.mqttworkbench.mqtt.ConnectionListener;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.mqtt.ConnectionStatus;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.ReconnectPolicy;
import io.mqttworkbench.mqtt.SubscribeOutcome;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sub}: subscribe and print every message, one per line, fast enough for a broker flood. */
@Command(name = "sub", mixinStandardHelpOptions = true,
        description = "Subscribe to one or more filters and print each message on one line.",
        footer = {"", "Default output: topic<TAB>payload, the payload as text when it is UTF-8, else 'base64:' and its base64.",
                "With --json: one JSON object per line with topic, qos, retain, payload and encoding, and the MQTT 5 properties."})
final class SubCommand implements Callable<Integer> {

    private static final int BATCH = 8192;

    private final CliStreams streams;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    SessionOptions session;

    @Option(names = {"-t", "--topic"}, paramLabel = "FILTER", required = true,
            description = "Topic filter; repeat for several (wildcards + and #, $share/GROUP/filter, $exclusive/filter).")
    List<String> filters;

    @Option(names = {"-q", "--qos"}, paramLabel = "QOS", defaultValue = "0", converter = Converters.QosConverter.class,
            description = "Maximum QoS to subscribe with (default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = {"-n", "--count"}, paramLabel = "COUNT", description = "Exit after this many messages.")
    Long count;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Exit after this many seconds.")
    Double timeoutSeconds;

    @Option(names = "--json", description = "Print one JSON object per message.")
    boolean json;

    @Option(names = "--decode", paramLabel = "FORMAT",
            description = "Decode payloads as the window does: auto, text, json, xml, hex, base64, cbor, msgpack, protobuf, sparkplug or gzip. "
                    + "Plain output then prints 'topic<TAB>format', the decoded payload and an empty line; --json adds decodedFormat and decoded.")
    String decode;

    SubCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        if (count != null && count < 1) {
            throw new CliFailure("--count must be at least 1", ExitCodes.USAGE);
        }
        if (timeoutSeconds != null && timeoutSeconds <= 0) {
            throw new CliFailure("--timeout must be positive", ExitCodes.USAGE);
        }
        if (decode != null && !decode.equalsIgnoreCase("auto") && PayloadFormat.byId(decode).isEmpty()) {
            throw new CliFailure("unknown --decode format '" + decode
                    + "': use auto, text, json, xml, hex, base64, cbor, msgpack, protobuf, sparkplug or gzip", ExitCodes.USAGE);
        }
        List<SubscriptionRequest> requests = new ArrayList<>();
        for (String filter : filters) {
            requests.add(SubscriptionRequest.of(filter, qos)); // an invalid filter stops us here, before connecting
        }
        long deadline = timeoutSeconds == null ? Long.MAX_VALUE : System.nanoTime() + (long) (timeoutSeconds * 1e9);

        try (BrokerConnection broker = new BrokerConnection("sub", session.apply(connection.toSettings(ReconnectPolicy.DEFAULT)))) {
            Commands.connect(broker, streams.err(), "sub");
            List<SubscribeOutcome> outcomes = Commands.await(broker.subscribe(requests), 30, "subscribing");
            long granted = outcomes.stream().filter(SubscribeOutcome::granted).count();
            for (SubscribeOutcome outcome : outcomes) {
                if (!outcome.granted()) {
                    streams.err().println("sub: subscription to " + outcome.filter() + " refused: " + outcome.description());
                }
            }
            if (granted == 0) {
                return ExitCodes.FAILED;
            }
            broker.addListener(new ConnectionListener() {
                @Override
                public void statusChanged(ConnectionStatus status) {
                    // Say when the stream is interrupted and when it resumes; stay quiet otherwise.
                    if (status.state() == ConnectionState.RECONNECTING || status.state() == ConnectionState.FAILED
                            || status.state() == ConnectionState.CONNECTED) {
                        streams.err().println("sub: " + status.summary());
                    }
                }

                @Override
                public void eventLogged(ConnectionEvent event) {
                    if (event.kind() == ConnectionEvent.Kind.VIOLATION) {
                        streams.err().println("sub: " + event.text()); // printed messages from a broker that breaks the rules say so
                    }
                }
            });
            return printUntilDone(broker, deadline);
        }
    }

    /** The window's decoding path, whole payloads (a script wants all of it). */
    private Function<ReceivedMessage, Decoded> decoder() {
        if (decode == null) {
            return null;
        }
        Optional<PayloadFormat> format = decode.equalsIgnoreCase("auto") ? Optional.empty()
                : Optional.of(PayloadFormat.byId(decode).orElseThrow());
        DecoderRegistry registry = new DecoderRegistry(connection.saved().protobufSchemas(w -> streams.err().println("sub: " + w)));
        return message -> registry.decode(message.payload(), message.topic(), format, DecoderRegistry.ALL_CHARS);
    }

    private int printUntilDone(BrokerConnection broker, long deadline) throws InterruptedException {
        MessagePrinter printer = MessagePrinter.of(json, decoder(), streams.out());
        Thread flushOnExit = new Thread(() -> flushQuietly(printer), "sub-flush");
        Runtime.getRuntime().addShutdownHook(flushOnExit); // Ctrl+C still prints what was received
        List<ReceivedMessage> batch = new ArrayList<>(BATCH);
        long printed = 0;
        boolean saidDropping = false;
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                batch.clear();
                broker.inbound().drainTo(batch, BATCH, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
                for (ReceivedMessage message : batch) {
                    printer.print(message);
                    printed++;
                    if (count != null && printed >= count) {
                        printer.flush();
                        return ExitCodes.OK;
                    }
                }
                if (!batch.isEmpty()) {
                    printer.flush();
                }
                if (!saidDropping && broker.inbound().droppedCount() > 0) {
                    saidDropping = true; // one line now, the total when sub ends: a flood must not become a flood of warnings
                    streams.err().printf("sub: dropping messages: the output cannot keep up (%,d so far; the total follows at the end)%n",
                            broker.inbound().droppedCount());
                }
                if (broker.status().state() == ConnectionState.FAILED) {
                    throw new CliFailure(broker.status().reason(), ExitCodes.FAILED);
                }
            }
        } catch (IOException e) {
            return ExitCodes.OK; // the reader went away (| head): nothing more to print
        } finally {
            Runtime.getRuntime().removeShutdownHook(flushOnExit);
            long dropped = broker.inbound().droppedCount();
            if (dropped > 0) {
                streams.err().println("sub: " + dropped + " messages were dropped because the output could not keep up");
            }
        }
        if (count != null && printed < count) {
            streams.err().println("sub: timed out after " + timeoutSeconds + " s with " + printed + " of " + count + " messages");
            return ExitCodes.TIMEOUT;
        }
        return ExitCodes.OK;
    }

    private static void flushQuietly(MessagePrinter printer) {
        try {
            printer.flush();
        } catch (IOException e) {
            // stdout is gone; nothing to do
        }
    }
}
