package io.mqttworkbench.publish;

import io.mqttworkbench.sparkplug.EncodeProblem;

/**
 * What is wrong with a Sparkplug B description ({@link SparkplugDescription}), with what the sentence needs, so
 * the window can say it in its own language; {@link #message()} is the English sentence the command line prints.
 *
 * @param check   the check that failed
 * @param metric  the metric's position (from 1) or, for {@link Check#NO_TYPE}, its name; else empty
 * @param value   the parser's own words or the number as written; else empty
 * @param encoder the encoder's refusal, for {@link Check#ENCODER}; else null
 */
public record DescriptionProblem(Check check, String metric, String value, EncodeProblem encoder) {

    public enum Check {
        NOT_OBJECT, INVALID_JSON, NO_METRICS, METRIC_NOT_OBJECT, NO_NAME, NO_TYPE,
        TIMESTAMP_NOT_WHOLE, SEQ_NOT_WHOLE, ALIAS_NOT_WHOLE, METRIC_TIMESTAMP_NOT_WHOLE, ENCODER
    }

    private static final String SHAPE = "{\"name\": …, \"type\": …, \"value\": …}";

    public DescriptionProblem {
        metric = metric == null ? "" : metric;
        value = value == null ? "" : value;
    }

    static DescriptionProblem of(Check check, String metric, String value) {
        return new DescriptionProblem(check, metric, value, null);
    }

    /** The explanation in English. */
    public String message() {
        return switch (check) {
            case NOT_OBJECT -> "A Sparkplug description is a JSON object: {\"metrics\": [" + SHAPE + "]}";
            case INVALID_JSON -> "Not valid JSON: " + value;
            case NO_METRICS -> "A Sparkplug description needs \"metrics\": [" + SHAPE + "]";
            case METRIC_NOT_OBJECT -> "metric " + metric + " is not an object like " + SHAPE;
            case NO_NAME -> "metric " + metric + " needs a \"name\" or an \"alias\"";
            case NO_TYPE -> "metric " + metric + " needs a \"type\": Boolean, Int32, Int64, Float, Double, String…";
            case TIMESTAMP_NOT_WHOLE -> "timestamp must be a whole number, not " + value;
            case SEQ_NOT_WHOLE -> "seq must be a whole number, not " + value;
            case ALIAS_NOT_WHOLE -> "alias of metric " + metric + " must be a whole number, not " + value;
            case METRIC_TIMESTAMP_NOT_WHOLE -> "timestamp of metric " + metric + " must be a whole number, not " + value;
            case ENCODER -> encoder.message();
        };
    }

    /** Thrown with the problem; its message is the English sentence, so callers that only print it are unchanged. */
    public static final class Invalid extends IllegalArgumentException {
        private final transient DescriptionProblem problem;

        Invalid(DescriptionProblem problem, Throwable cause) {
            super(problem.message(), cause);
            this.problem = problem;
        }

        public DescriptionProblem problem() {
            return problem;
        }
    }
}
