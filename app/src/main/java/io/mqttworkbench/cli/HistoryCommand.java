package io.mqttworkbench.cli;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.message.MessageQuery;
import io.mqttworkbench.message.MessageSearch;
import io.mqttworkbench.message.TimeInput;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code history}: what the window kept of a profile's messages, printed as {@code sub} prints them. */
@Command(name = "history", mixinStandardHelpOptions = true, description = {
        "Print the messages a profile's history keeps on disk (what the window received), oldest first.",
        "Times: 14:05, 2026-11-26 14:05, 2026-11-26T13:05:00Z, or a while ago: 90s, 15m, 2h, 7d."})
final class HistoryCommand implements Callable<Integer> {
    private final CliStreams streams;

    @Option(names = "--profile", paramLabel = "NAME", required = true, description = "The profile whose history to read.")
    String profile;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "Where the window keeps profiles and histories (default: the usual place).")
    Path configDir;

    @Option(names = {"-t", "--topic"}, paramLabel = "FILTER", defaultValue = "", description = "Only topics matching this filter (wildcards allowed).")
    String filter;

    @Option(names = "--since", paramLabel = "TIME", description = "Only messages received at or after TIME.")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only messages received at or before TIME.")
    String until;

    @Option(names = "--grep", paramLabel = "TEXT", description = "Only messages whose topic or payload contains TEXT (case ignored).")
    String grep;

    @Option(names = "--regex", paramLabel = "RE", description = "Only messages whose topic or payload matches the Java regular expression RE.")
    String regex;

    @Option(names = {"-n", "--count"}, paramLabel = "COUNT", defaultValue = "1000",
            description = "At most this many, the newest (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--json", description = "Print one JSON object per message, as sub --json does.")
    boolean json;

    HistoryCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        if (grep != null && regex != null) {
            throw new CliFailure("give --grep or --regex, not both", ExitCodes.USAGE);
        }
        if (count < 1) {
            throw new CliFailure("-n must be at least 1", ExitCodes.USAGE);
        }
        Long from;
        Long to;
        try {
            from = TimeInput.parse(since, false).orElse(null);
            to = TimeInput.parse(until, true).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
        }
        MessageQuery query = new MessageQuery(filter, regex != null ? regex : grep == null ? "" : grep, regex != null, false, null, null,
                null, null, "");
        query.problem().ifPresent(problem -> {
            throw new CliFailure(problem, ExitCodes.USAGE);
        });
        Path file = new SavedItems(configDir).messageHistory(profile);
        if (!Files.exists(file)) {
            streams.err().println("history: no messages kept for '" + profile + "' yet (" + file + ")");
            return ExitCodes.OK;
        }
        Predicate<ReceivedMessage> keep = query.isEmpty() ? m -> true : MessageSearch.matcher(query, new DecoderRegistry());
        List<ReceivedMessage> found;
        try (MessageHistory history = MessageHistory.open(file).history()) {
            found = history.find(from, to, keep, count);
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
}
