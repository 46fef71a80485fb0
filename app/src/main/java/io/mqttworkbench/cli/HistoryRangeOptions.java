package io.mqttworkbench.cli;

import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.HistoryRange;
import io.mqttworkbench.history.HistoryRangeReader;
import io.mqttworkbench.message.TimeInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** {@code --since} and {@code --until}: the stretch of a profile's history that {@code history} and {@code replay --history} read. */
final class HistoryRangeOptions {
    @Option(names = "--since", paramLabel = "TIME", description = "Only messages received at or after TIME.")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only messages received at or before TIME.")
    String until;

    /** When the range starts, epoch ms, or null for the oldest message kept. */
    Long from() {
        return parse(since, false);
    }

    /** When it ends, epoch ms (the whole minute or second typed), or null for the newest. */
    Long to() {
        return parse(until, true);
    }

    private static Long parse(String text, boolean end) {
        try {
            return TimeInput.parse(text, end).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
        }
    }

    /** The range with these times, on topics matching {@code topicFilter} ("" for all). */
    HistoryRange range(String topicFilter) {
        try {
            return new HistoryRange(from(), to(), topicFilter, null);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--since/--until/-t: " + e.getMessage(), ExitCodes.USAGE);
        }
    }

    /** The history file of the profile called {@code profile}; a profile that never kept a message is said so. */
    static Path existingHistory(SavedItems saved, String profile) {
        Path file = saved.messageHistory(profile);
        if (!Files.isRegularFile(file)) {
            throw new CliFailure("no messages kept for '" + profile + "' yet (no history at " + file
                    + "): the window keeps them once it has connected with that profile", ExitCodes.USAGE);
        }
        return file;
    }

    /** Fails with "no stored messages between … and …" when {@code range} holds none. */
    static HistoryRangeReader.Extent requireMessages(Path file, HistoryRange range, String profile) {
        HistoryRangeReader.Extent extent;
        try {
            extent = HistoryRangeReader.measure(file, range, () -> false);
        } catch (HistoryException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.FAILED);
        }
        if (extent.isEmpty()) {
            throw new CliFailure(nothingIn(range, profile), ExitCodes.USAGE);
        }
        return extent;
    }

    /** "no stored messages between 2026-11-26 14:05:00 and 2026-11-26 15:05:59 on plant/# in the history of 'Plant'". */
    static String nothingIn(HistoryRange range, String profile) {
        return "no stored messages" + range.describe(ZoneId.systemDefault()) + " in the history of '" + profile + "'";
    }
}
