package io.mqttworkbench.cli;

import io.mqttworkbench.BuildInfo;
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

/** {@code record}: subscribe and write every message to a recording for replay later, or into a profile's history. */
@Command(name = "record", mixinStandardHelpOptions = true, description = {"Record messages to a file (JSON Lines, see the README),",
        "or with --history --profile NAME into that profile's message history, to browse in the window afterwards.",
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

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The recording to write (never overwritten).")
    Path output;

    @Option(names = "--history", description = "Keep the messages in the history of the profile given with --profile, "
            + "as the window does (it may be open on that profile meanwhile), instead of in a file.")
    boolean history;

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
        checkWhere();
        List<SubscriptionRequest> requests = new ArrayList<>();
        for (String filter : filters) {
            // retain as published: a replay sends retained messages as they were
            requests.add(new SubscriptionRequest(filter, qos, false, true, 0, null));
        }
        ConnectionSettings settings = session.apply(connection.toSettings(ReconnectPolicy.DEFAULT));
        // the history is opened before connecting: a file that cannot be opened is said at once, and subscribing waits for nothing
        HistoryTarget toHistory = history ? HistoryTarget.open(connection.profile, connection.saved().messageHistory(connection.profile),
                w -> streams.err().println("record: " + w), filters) : null;
        long deadline = durationSeconds == null ? Long.MAX_VALUE : System.nanoTime() + (long) (durationSeconds * 1e9);
        try (BrokerConnection broker = new BrokerConnection("record", settings)) {
            try {
                Commands.connect(broker, streams.err(), "record");
            } catch (RuntimeException | InterruptedException e) {
                if (toHistory != null) {
                    toHistory.close();
                }
                throw e;
            }
            long startNanos = System.nanoTime();
            RecordTarget target = toHistory != null ? toHistory : recording(settings, startNanos);
            GapWatcher gaps = new GapWatcher(broker, marker -> {
                target.mark(marker);
                streams.err().println("record: " + describe(marker, target.keeper()));
            });
            broker.addListener(gaps);
            RecordEnding ending = new RecordEnding(target, broker, gaps, streams.err(), startNanos);
            Thread closeOnExit = new Thread(ending::interrupted, "record-close");
            Runtime.getRuntime().addShutdownHook(closeOnExit); // Ctrl+C still leaves a complete file, and says what it kept
            try {
                for (SubscribeOutcome outcome : Commands.await(broker.subscribe(requests), 30, "subscribing")) {
                    if (!outcome.granted()) {
                        streams.err().println("record: subscription to " + outcome.filter() + " refused: " + outcome.description());
                    }
                }
                List<ReceivedMessage> batch = new ArrayList<>(BATCH);
                while (System.nanoTime() < deadline && (count == null || target.count() < count) && !ending.stopping()) {
                    batch.clear();
                    int max = count == null ? BATCH : (int) Math.min(BATCH, count - target.count());
                    broker.inbound().drainTo(batch, max, 200, TimeUnit.MILLISECONDS);
                    target.write(batch);
                }
            } finally {
                ending.loopLeft();
                boolean hookRuns = false;
                try {
                    Runtime.getRuntime().removeShutdownHook(closeOnExit);
                } catch (IllegalStateException shuttingDown) {
                    hookRuns = true; // Ctrl+C came meanwhile: the hook writes the rest and ends it
                }
                if (!hookRuns) {
                    broker.removeListener(gaps);
                    ending.finish();
                }
            }
            return ExitCodes.OK;
        }
    }

    /** A file or a profile's history, and what they exclude: told before anything connects. */
    private void checkWhere() {
        if (history && output != null) {
            throw new CliFailure("give -o FILE or --history, not both", ExitCodes.USAGE);
        }
        if (history && connection.profile == null) {
            throw new CliFailure("--history keeps the messages in a saved profile's history: name it with --profile NAME", ExitCodes.USAGE);
        }
        if (history && gzip) {
            throw new CliFailure("--gzip compresses a recording file: it does not go with --history", ExitCodes.USAGE);
        }
        if (!history && output == null) {
            throw new CliFailure("give -o FILE to write a recording, or --history --profile NAME to keep the messages in that profile's history",
                    ExitCodes.USAGE);
        }
    }

    private RecordTarget recording(ConnectionSettings settings, long startNanos) throws java.io.IOException {
        RecordingHeader header = RecordingHeader.of("mqtt-workbench " + BuildInfo.version(), settings.url().toString(), filters,
                System.currentTimeMillis());
        try {
            return new RecordTarget.Recording(RecordingWriter.create(output, header, startNanos, gzip), output);
        } catch (FileAlreadyExistsException e) {
            throw new CliFailure(output + " exists: choose another name (recordings are never overwritten)", ExitCodes.USAGE);
        }
    }

    /** "connection lost at 12:00:01.234 (reason); the recording marks the gap". */
    private static String describe(ConnectionMarker marker, String keeper) {
        String at = TIME.format(Instant.ofEpochMilli(marker.epochMillis()));
        return marker.kind() == ConnectionMarker.Kind.DISCONNECT
                ? "connection lost at " + at + " (" + marker.text() + "); " + keeper + " marks the gap"
                : "reconnected at " + at + ": " + marker.text();
    }
}
