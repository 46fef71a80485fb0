package io.mqttworkbench.message;

/**
 * Why a search cannot run, with what the sentence needs, so the window can say it in its own language;
 * {@link #message()} is the English sentence the command line prints.
 *
 * @param why      which problem
 * @param text     the filter, expression or time typed
 * @param reason   why a filter or expression is wrong, in English (the topic rule, Java's regex description); else empty
 * @param position where in the expression, for {@link Why#BAD_REGEX}; else 0
 */
public record QueryProblem(Why why, String text, String reason, int position) {

    public enum Why { BAD_FILTER, BAD_REGEX, QOS, RANGE_BACKWARDS, TIME_UNREADABLE, TIME_TOO_LONG_AGO }

    static QueryProblem of(Why why, String text) {
        return new QueryProblem(why, text, "", 0);
    }

    /** The explanation in English. */
    public String message() {
        return switch (why) {
            case BAD_FILTER -> "Topic filter: " + reason;
            case BAD_REGEX -> "Regular expression: " + reason + " near position " + position;
            case QOS -> "QoS is 0, 1 or 2";
            case RANGE_BACKWARDS -> "The time range ends before it starts";
            case TIME_UNREADABLE -> "Time '" + text + "': write 14:05, 14:05:30, 2026-11-26 14:05, 2026-11-26T13:05:00Z or a while ago such as 15m, 2h or 7d";
            case TIME_TOO_LONG_AGO -> "Time '" + text + "': too long ago";
        };
    }

    /** Thrown for a time that cannot be read; its message is the English sentence, so callers that only print it are unchanged. */
    public static final class Refused extends IllegalArgumentException {
        private final transient QueryProblem problem;

        Refused(QueryProblem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public QueryProblem problem() {
            return problem;
        }
    }
}
