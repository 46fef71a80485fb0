package io.mqttworkbench.cli;

import io.mqttworkbench.history.HistoryRange;
import io.mqttworkbench.history.HistoryRangeReader;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ReconnectPolicy;
import io.mqttworkbench.replay.RecordingReader;
import io.mqttworkbench.replay.ReplayOptions;
import io.mqttworkbench.replay.ReplayScheduler;
import io.mqttworkbench.replay.ReplaySource;
import java.nio.file.NoSuchFileException;
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
import picocli.CommandLine.Parameters;

/** {@code replay}: play a recording into a broker at its own pace or faster, and say how exact the timing was. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = {"Replay a recording (ours, a JSON Lines export or mosquitto_sub -v output),",
        "or a range of what the window kept of a profile's messages (--history PROFILE --since 14:00 --until 14:30).",
        "Ends with a summary: messages sent and refused, duration, and how late messages left (p50, p99, max)."},
        footer = {"", "Exit codes: 0 all sent, 1 the broker was unreachable or refused messages, 2 bad arguments or an unreadable file."})
final class ReplayCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final CliStreams streams;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The recording (or --history).")
    Path file;

    @Option(names = "--history", paramLabel = "PROFILE",
            description = "Replay what the window kept of this profile's messages instead of a file: --since, --until and -t choose the range.")
    String history;

    @Mixin
    HistoryRangeOptions times;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1", description = "0.1 to 100 times the recorded pace (default: 1).")
    double speed;

    @Option(names = "--max-rate", paramLabel = "R", description = "As fast as possible, at most R messages per second (0: no limit).")
    Double maxRate;

    @Option(names = "--loop", paramLabel = "N", defaultValue = "1", description = "Play N times; 0 until Ctrl+C (default: 1).")
    int loops;

    @Option(names = "--start", paramLabel = "SECONDS", defaultValue = "0", description = "Start this far into the recording.")
    double startSeconds;

    @Option(names = "--map", paramLabel = "FROM=TO", description = "Replace the topic prefix FROM with TO (repeatable; the first that fits).")
    List<String> maps = new ArrayList<>();

    @Option(names = {"-t", "--topic", "--filter"}, paramLabel = "FILTER", description = "Only messages on topics matching this filter (repeatable).")
    List<String> filters = new ArrayList<>();

    @Option(names = {"-q", "--qos"}, paramLabel = "QOS", converter = Converters.QosConverter.class, description = "Send with this QoS instead.")
    Integer qos;

    @Option(names = "--retain", paramLabel = "true|false", arity = "1", description = "Send with this retain flag instead.")
    Boolean retain;

    @Option(names = "--sparkplug-renumber", description = "Sparkplug B: number each edge node's seq again from its NBIRTH as sent, and move "
            + "every timestamp forward to the time of sending, so a host sees live, gap-free traffic (else payloads go as recorded).")
    boolean sparkplugRenumber;

    ReplayCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        List<ReplayOptions.Mapping> mappings = new ArrayList<>();
        for (String map : maps) {
            mappings.add(ReplayOptions.Mapping.parse(map));
        }
        ReplayOptions options = new ReplayOptions(maxRate != null ? 0 : speed, maxRate == null ? 0 : maxRate, loops, (long) (startSeconds * 1e6),
                filters, mappings, qos, retain, sparkplugRenumber);
        options.problem().ifPresent(p -> {
            throw new CliFailure(p, ExitCodes.USAGE);
        });
        ReplaySource source = history != null ? historySource() : fileSource();
        try (BrokerConnection broker = new BrokerConnection("replay", connection.toSettings(ReconnectPolicy.DEFAULT))) {
            Commands.connect(broker, streams.err(), "replay");
            ReplayScheduler replay = ReplayScheduler.start(source, options, broker::publish);
            Thread stopOnExit = new Thread(replay::stop, "replay-stop");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            ReplayScheduler.Summary summary;
            try {
                summary = replay.done().get();
            } finally {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            }
            summary.skipped().forEach(p -> streams.err().println("replay: " + (file == null ? "history" : file.getFileName()) + ": " + p));
            summary.refusals().forEach(r -> streams.err().println("replay: refused " + r));
            streams.err().printf(Locale.ROOT, "replay: sent %,d messages in %.1f s, %,d refused; timing error p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    summary.sent(), summary.duration().toMillis() / 1000.0, summary.refused(), summary.p50Millis(), summary.p99Millis(),
                    summary.maxMillis());
            if (!summary.failure().isEmpty()) {
                streams.err().println("replay: " + summary.failure());
            }
            broker.disconnect().get(10, TimeUnit.SECONDS);
            return summary.refused() == 0 && summary.failure().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private ReplaySource fileSource() throws java.io.IOException {
        if (file == null) {
            throw new CliFailure("give the recording to replay, or --history PROFILE", ExitCodes.USAGE);
        }
        if (times.since != null || times.until != null) {
            throw new CliFailure("--since and --until choose a range of --history; for a file use --start", ExitCodes.USAGE);
        }
        // only the first message is looked for here: the file is streamed while it plays, however long it is
        try (RecordingReader probe = RecordingReader.open(file)) {
            if (probe.next() == null) {
                probe.problems().forEach(p -> streams.err().println("replay: " + file.getFileName() + ": " + p));
                throw new CliFailure("nothing to replay in " + file, ExitCodes.USAGE);
            }
        } catch (NoSuchFileException e) {
            throw new CliFailure("no such file: " + file, ExitCodes.USAGE);
        }
        return ReplaySource.of(file);
    }

    /** {@code --history}: the range is counted first (no payload read), then streamed from the file as it plays. */
    private ReplaySource historySource() {
        if (file != null) {
            throw new CliFailure("give a recording or --history, not both", ExitCodes.USAGE);
        }
        Path historyFile = HistoryRangeOptions.existingHistory(connection.saved(), history);
        // one filter is tested per topic before any payload is read; several are left to the replay's own filter
        HistoryRange range = times.range(filters.size() == 1 ? filters.get(0) : "");
        HistoryRangeReader.Extent extent = HistoryRangeOptions.requireMessages(historyFile, range, history);
        streams.err().printf(Locale.ROOT, "replay: %,d messages from the history of '%s', %s to %s%n", extent.messages(), history,
                TIME.format(Instant.ofEpochMilli(extent.firstMillis())), TIME.format(Instant.ofEpochMilli(extent.lastMillis())));
        return ReplaySource.fromHistory(historyFile, range);
    }
}
