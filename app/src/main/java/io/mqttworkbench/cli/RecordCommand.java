package io.mqttworkbench.cli;

import io.mqttworkbench.BuildInfo;
import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.GapWatcher;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.ReconnectPolicy;
import io.mqttworkbench.mqtt.SubscribeOutcome;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.replay.RecordingHeader;
import io.mqttworkbench.replay.RecordingWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code record}: subscribe and write every message to a recording, for replay later. */
@Command(name = "record", mixinStandardHelpOptions = true, description = {"Record messages to a file (JSON Lines, see the README).",
        "Stops after --duration, after -n messages, or on Ctrl+C; what was recorded is always complete."})
final class RecordCommand implements Callable<Integer> {
    private static final int BATCH = 4096;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final CliStreams streams;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    SessionOptions session;

    @Option(names = {"-t", "--topic"}, paramLabel = "FILTER", required = true, description = "Topic filter to record (repeatable).")
    List<String> filters;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The recording to write (never overwritten).")
    Path output;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop after this many seconds.")
    Double durationSeconds;

    @Option(names = {"-n", "--count"}, paramLabel = "COUNT", description = "Stop after this many messages.")
    Long count;

    @Option(names = "--gzip", description = "Compress the recording (write FILE.jsonl.gz).")
    boolean gzip;

    @Option(names = {"-q", "--qos"}, paramLabel = "QOS", defaultValue = "2", converter = Converters.QosConverter.class,
            description = "QoS to subscribe with (default: ${DEFAULT-VALUE}).")
    int qos;

    RecordCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        List<SubscriptionRequest> requests = new ArrayList<>();
        for (String filter : filters) {
            // retain as published: a replay sends retained messages as they were
            requests.add(new SubscriptionRequest(filter, qos, false, true, 0, null));
        }
        ConnectionSettings settings = session.apply(connection.toSettings(ReconnectPolicy.DEFAULT));
        long deadline = durationSeconds == null ? Long.MAX_VALUE : System.nanoTime() + (long) (durationSeconds * 1e9);
        try (BrokerConnection broker = new BrokerConnection("record", settings)) {
            Commands.connect(broker, streams.err(), "record");
            RecordingHeader header = RecordingHeader.of("mqtt-workbench " + BuildInfo.version(), settings.url().toString(), filters,
                    System.currentTimeMillis());
            long startNanos = System.nanoTime();
            RecordingWriter writer;
            try {
                writer = RecordingWriter.create(output, header, startNanos, gzip);
            } catch (FileAlreadyExistsException e) {
                throw new CliFailure(output + " exists: choose another name (recordings are never overwritten)", ExitCodes.USAGE);
            }
            GapWatcher gaps = new GapWatcher(broker, marker -> {
                writer.mark(marker);
                streams.err().println("record: " + describe(marker));
            });
            broker.addListener(gaps);
            Thread closeOnExit = new Thread(() -> closeQuietly(writer), "record-close");
            Runtime.getRuntime().addShutdownHook(closeOnExit); // Ctrl+C still leaves a complete file
            try (writer) {
                for (SubscribeOutcome outcome : Commands.await(broker.subscribe(requests), 30, "subscribing")) {
                    if (!outcome.granted()) {
                        streams.err().println("record: subscription to " + outcome.filter() + " refused: " + outcome.description());
                    }
                }
                List<ReceivedMessage> batch = new ArrayList<>(BATCH);
                while (System.nanoTime() < deadline && (count == null || writer.count() < count)) {
                    batch.clear();
                    int max = count == null ? BATCH : (int) Math.min(BATCH, count - writer.count());
                    broker.inbound().drainTo(batch, max, 200, TimeUnit.MILLISECONDS);
                    writer.write(batch);
                }
                double seconds = (System.nanoTime() - startNanos) / 1e9;
                broker.removeListener(gaps);
                streams.err().printf(Locale.ROOT, "record: %,d messages (%s of payload) in %.1f s to %s%s%n", writer.count(),
                        Sizes.bytes(writer.payloadBytes()), seconds, output,
                        writer.markerCount() == 0 ? "" : String.format(Locale.ROOT, "; %,d connection markers", writer.markerCount()));
            } finally {
                Runtime.getRuntime().removeShutdownHook(closeOnExit);
            }
            return ExitCodes.OK;
        }
    }

    /** "connection lost at 12:00:01.234 (reason); the recording marks the gap". */
    private static String describe(ConnectionMarker marker) {
        String at = TIME.format(Instant.ofEpochMilli(marker.epochMillis()));
        return marker.kind() == ConnectionMarker.Kind.DISCONNECT
                ? "connection lost at " + at + " (" + marker.text() + "); the recording marks the gap"
                : "reconnected at " + at + ": " + marker.text();
    }

    private static void closeQuietly(RecordingWriter writer) {
        try {
            writer.close();
        } catch (java.io.IOException ignored) {
            // the file keeps what was flushed
        }
    }
}
