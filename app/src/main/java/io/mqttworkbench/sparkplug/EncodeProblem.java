package io.mqttworkbench.sparkplug;

/**
 * Why {@link SparkplugEncoder} refuses a metric, with what the sentence needs, so the window can say it in
 * its own language; {@link #message()} is the English sentence the command line prints.
 *
 * @param why    which refusal
 * @param metric the metric's name, or "alias N"; empty when it has neither
 * @param type   the Sparkplug data type asked for
 * @param value  the value that does not fit the type, for {@link Why#NOT_VALID}; else empty
 */
public record EncodeProblem(Why why, String metric, String type, String value) {

    public enum Why { NO_NAME, UNKNOWN_TYPE, NOT_SUPPORTED, NOT_VALID }

    /** The explanation in English. */
    public String message() {
        return switch (why) {
            case NO_NAME -> "a metric needs a name or an alias";
            case UNKNOWN_TYPE -> "unknown Sparkplug data type '" + type + "'";
            case NOT_SUPPORTED -> "writing " + type + " metrics is not supported (numbers, Boolean, String, DateTime and Bytes are)";
            case NOT_VALID -> "metric " + metric + ": '" + value + "' is not a valid " + type;
        };
    }

    /** Thrown with the problem; its message is the English sentence, so callers that only print it are unchanged. */
    public static final class Refused extends IllegalArgumentException {
        private final transient EncodeProblem problem;

        Refused(EncodeProblem problem, Throwable cause) {
            super(problem.message(), cause);
            this.problem = problem;
        }

        public EncodeProblem problem() {
            return problem;
        }
    }
}
