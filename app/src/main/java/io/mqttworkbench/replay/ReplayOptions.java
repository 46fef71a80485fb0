package io.mqttworkbench.replay;

import io.mqttworkbench.mqtt.TopicFilter;
import java.util.List;
import java.util.Optional;

/**
 * How to replay.
 *
 * @param speed 1 for the original timing, 0.1 to 100 faster or slower, 0 for as fast as possible
 * @param maxRate messages per second at most, 0 for no limit
 * @param loops how many times to play the recording, 0 for until stopped
 * @param startMicros where to start, as an offset into the recording
 * @param filters only messages whose topic matches one of these (empty: all)
 * @param mappings topic prefixes to replace, the first that fits ({@code factory/a/} to {@code test/factory/a/})
 * @param qos QoS to send with instead of the recorded one, or null
 * @param retain retain flag to send with instead of the recorded one, or null
 */
public record ReplayOptions(double speed, double maxRate, int loops, long startMicros, List<String> filters, List<Mapping> mappings,
                            Integer qos, Boolean retain, boolean renumberSparkplug) {

    public ReplayOptions(double speed, double maxRate, int loops, long startMicros, List<String> filters, List<Mapping> mappings,
                         Integer qos, Boolean retain) {
        this(speed, maxRate, loops, startMicros, filters, mappings, qos, retain, false);
    }

    /** The same, with Sparkplug seq numbered again per node and timestamps moved to the time of sending (see SparkplugRenumbering). */
    public ReplayOptions renumberingSparkplug(boolean on) {
        return new ReplayOptions(speed, maxRate, loops, startMicros, filters, mappings, qos, retain, on);
    }

    /** Topics starting with {@code from} start with {@code to} instead. */
    public record Mapping(String from, String to) {

        /** {@code FROM=TO}, as the command line writes it. */
        public static Mapping parse(String text) {
            problem(text).ifPresent(p -> {
                throw new IllegalArgumentException(p.message());
            });
            int eq = text.indexOf('=');
            return new Mapping(text.substring(0, eq), text.substring(eq + 1));
        }

        /** Why {@code text} is not {@code FROM=TO}; empty when it is. */
        public static Optional<Problem> problem(String text) {
            return text.indexOf('=') <= 0 ? Optional.of(new Problem(Problem.Why.MAPPING, text, "")) : Optional.empty();
        }
    }

    public ReplayOptions {
        filters = filters == null ? List.of() : List.copyOf(filters);
        mappings = mappings == null ? List.of() : List.copyOf(mappings);
    }

    public static ReplayOptions originalTiming() {
        return new ReplayOptions(1, 0, 1, 0, List.of(), List.of(), null, null);
    }

    /**
     * Which option is wrong, with what the sentence needs, so the window can say it in its own language.
     *
     * @param filter the filter at fault, for {@link Why#BAD_FILTER}, or the mapping for {@link Why#MAPPING}; else empty
     * @param reason why that filter is wrong, in English; else empty
     */
    public record Problem(Why why, String filter, String reason) {

        public enum Why { SPEED, RATE, LOOPS, START, QOS, BAD_FILTER, MAPPING }

        /** The explanation in English, as the command line prints it. */
        public String message() {
            return switch (why) {
                case SPEED -> "Speed is 0.1 to 100 times the original (or as fast as possible)";
                case RATE -> "The rate limit cannot be negative";
                case LOOPS -> "Loops cannot be negative";
                case START -> "The start offset cannot be negative";
                case QOS -> "QoS is 0, 1 or 2";
                case BAD_FILTER -> "Filter " + filter + ": " + reason;
                case MAPPING -> "--map takes FROM=TO, such as factory/a/=test/factory/a/";
            };
        }
    }

    /** What is wrong with these options, in a sentence; empty when they can be used. */
    public Optional<String> problem() {
        return issue().map(Problem::message);
    }

    /** What is wrong with these options; empty when they can be used. */
    public Optional<Problem> issue() {
        Problem.Why why = speed != 0 && (speed < 0.1 || speed > 100) ? Problem.Why.SPEED : maxRate < 0 ? Problem.Why.RATE
                : loops < 0 ? Problem.Why.LOOPS : startMicros < 0 ? Problem.Why.START : qos != null && (qos < 0 || qos > 2) ? Problem.Why.QOS : null;
        if (why != null) {
            return Optional.of(new Problem(why, "", ""));
        }
        for (String filter : filters) {
            try {
                TopicFilter.of(filter);
            } catch (IllegalArgumentException e) {
                return Optional.of(new Problem(Problem.Why.BAD_FILTER, filter, e.getMessage()));
            }
        }
        return Optional.empty();
    }

    String mapTopic(String topic) {
        for (Mapping m : mappings) {
            if (topic.startsWith(m.from())) {
                return m.to() + topic.substring(m.from().length());
            }
        }
        return topic;
    }
}
