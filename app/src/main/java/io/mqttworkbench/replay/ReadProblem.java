package io.mqttworkbench.replay;

import java.util.Locale;

/**
 * What {@link RecordingReader} could not read, with the values the sentence needs, so the window can say it
 * in its own language; {@link #message()} is the English sentence the command line prints.
 *
 * @param why    which problem
 * @param number the line number, or how many more lines were skipped; else 0
 * @param reason why a line is not a message, as the parser said it, for {@link Why#LINE_SKIPPED}; else empty
 */
public record ReadProblem(Why why, long number, String reason) {

    public enum Why { NO_MESSAGES, LINE_CUT_SHORT, LINE_SKIPPED, MORE_SKIPPED, COMPRESSION_CUT }

    public ReadProblem {
        reason = reason == null ? "" : reason;
    }

    static ReadProblem of(Why why) {
        return new ReadProblem(why, 0, "");
    }

    /** The explanation in English. */
    public String message() {
        return switch (why) {
            case NO_MESSAGES -> "the file holds no messages";
            case LINE_CUT_SHORT -> String.format(Locale.ROOT, "line %,d is cut short (the recording stopped while writing it) and was skipped", number);
            case LINE_SKIPPED -> String.format(Locale.ROOT, "line %,d skipped: %s", number, reason);
            case MORE_SKIPPED -> String.format(Locale.ROOT, "%,d more lines skipped", number);
            case COMPRESSION_CUT -> "the compressed file ends early (it was cut while being written); every complete line before that was read";
        };
    }
}
