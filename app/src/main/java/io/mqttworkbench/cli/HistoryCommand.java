package io.mqttworkbench.cli;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.HistoryRange;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.message.MessageQuery;
import io.mqttworkbench.message.MessageSearch;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.replay.HistoryExport;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code history}: what the window kept of a profile's messages, printed as {@code sub} prints them. */
@Command(name = "history", mixinStandardHelpOptions = true, description = {
        "Print the messages a profile's history keeps on disk (what the window received), oldest first,",
        "or write them as a recording with -o (replay FILE plays it; replay --history plays the range straight away).",
        "Times: 14:05, 2026-11-26 14:05, 2026-11-26T13:05:00Z, or a while ago: 90s, 15m, 2h, 7d."})
final class HistoryCommand implements Callable<Integer> {
    private final CliStreams streams;

    @Option(names = "--profile", paramLabel = "NAME", required = true, description = "The profile whose history to read.")
    String profile;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "Where the window keeps profiles and histories (default: the usual place).")
    Path configDir;

    @Option(names = {"-t", "--topic"}, paramLabel = "FILTER", defaultValue = "", description = "Only topics matching this filter (wildcards allowed).")
    String filter;

    @Mixin
    HistoryRangeOptions times;

    @Option(names = "--grep", paramLabel = "TEXT", description = "Only messages whose topic or payload contains TEXT (case ignored).")
    String grep;

    @Option(names = "--regex", paramLabel = "RE", description = "Only messages whose topic or payload matches the Java regular expression RE.")
    String regex;

    @Option(names = {"-n", "--count"}, paramLabel = "COUNT", description = "At most this many, the newest (default: 1000).")
    Integer count;

    @Option(names = "--json", description = "Print one JSON object per message, as sub --json does.")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the whole range as a recording instead (as record -o writes; gzipped when FILE ends in .gz), for replay.")
    Path output;

    HistoryCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        if (grep != null && regex != null) {
            throw new CliFailure("give --grep or --regex, not both", ExitCodes.USAGE);
        }
        if (output != null && (count != null || json)) {
            throw new CliFailure("-o writes the whole range as a recording: -n and --json are for printing", ExitCodes.USAGE);
        }
        int limit = count == null ? 1000 : count;
        if (limit < 1) {
            throw new CliFailure("-n must be at least 1", ExitCodes.USAGE);
        }
        Long from = times.from();
        Long to = times.to();
        MessageQuery query = new MessageQuery(filter, regex != null ? regex : grep == null ? "" : grep, regex != null, false, null, null,
                null, null, "");
        query.problem().ifPresent(problem -> {
            throw new CliFailure(problem, ExitCodes.USAGE);
        });
        SavedItems saved = new SavedItems(configDir);
        if (output != null) {
            return export(saved);
        }
        Path file = saved.messageHistory(profile);
        if (!Files.exists(file)) {
            streams.err().println("history: no messages kept for '" + profile + "' yet (" + file + ")");
            return ExitCodes.OK;
        }
        Predicate<ReceivedMessage> keep = query.isEmpty() ? m -> true : MessageSearch.matcher(query, new DecoderRegistry());
        List<ReceivedMessage> found;
        try (MessageHistory history = MessageHistory.open(file).history()) {
            found = history.find(from, to, keep, limit);
        } catch (HistoryException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.FAILED);
        }
        MessagePrinter printer = MessagePrinter.of(json, streams.out());
        for (ReceivedMessage m : found) {
            printer.print(m);
        }
        printer.flush();
        streams.err().printf("history: %,d message%s%n", found.size(), found.size() == 1 ? "" : "s");
        return ExitCodes.OK;
    }

    /** {@code -o}: the range as a recording, streamed from the file (the topic filter skips other topics' payloads unread). */
    private int export(SavedItems saved) throws java.io.IOException {
        Path file = HistoryRangeOptions.existingHistory(saved, profile);
        String text = regex != null ? regex : grep == null ? "" : grep;
        HistoryRange range = times.range(filter);
        if (!text.isEmpty()) {
            range = range.keeping(MessageSearch.matcher(new MessageQuery("", text, regex != null, false, null, null, null, null, ""),
                    new DecoderRegistry()));
        }
        HistoryExport.Result result;
        try {
            result = HistoryExport.write(file, range, output, saved.brokerOf(profile), progress -> { }, () -> false);
        } catch (FileAlreadyExistsException e) {
            throw new CliFailure(output + " exists: choose another name (recordings are never overwritten)", ExitCodes.USAGE);
        } catch (HistoryException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.FAILED);
        }
        if (result.isEmpty()) {
            throw new CliFailure(HistoryRangeOptions.nothingIn(range, profile) + ": " + output + " was not written", ExitCodes.USAGE);
        }
        String markers = result.markers() == 0 ? ""
                : String.format(Locale.ROOT, " and %,d connection marker%s", result.markers(), result.markers() == 1 ? "" : "s");
        streams.err().printf(Locale.ROOT, "history: %,d message%s (%s of payload)%s to %s%n", result.messages(), result.messages() == 1 ? "" : "s",
                Sizes.bytes(result.payloadBytes()), markers, output);
        return ExitCodes.OK;
    }
}
