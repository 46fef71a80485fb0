package io.mqttworkbench.mqtt;

import java.nio.charset.StandardCharsets;
import io.mqttworkbench.mqtt.TopicProblem.Part;
import io.mqttworkbench.mqtt.TopicProblem.Rule;
import java.util.Optional;

/**
 * Checks topic names and filters against the MQTT rules before anything is sent, so the user learns
 * which rule failed instead of seeing the broker drop the connection.
 */
public final class TopicValidator {

    /** Longest UTF-8 encoded topic or filter the protocol can carry. */
    public static final int MAX_BYTES = 65_535;

    private static final String SHARE_PREFIX = "$share/";
    private static final String QUEUE_PREFIX = "$queue/";
    private static final String EXCLUSIVE_PREFIX = "$exclusive/";

    private TopicValidator() {
    }

    /** Why {@code topic} cannot be published to, or empty when it can. */
    public static Optional<String> checkTopicName(String topic) {
        return topicProblem(topic).map(TopicProblem::message);
    }

    /** Why {@code filter} cannot be subscribed to, or empty when it can. */
    public static Optional<String> checkFilter(String filter) {
        return filterProblem(filter).map(TopicProblem::message);
    }

    /** The rule {@code topic} breaks for a publish, or empty when it can be published to. */
    public static Optional<TopicProblem> topicProblem(String topic) {
        Optional<TopicProblem> common = checkCommon(topic, Part.TOPIC);
        if (common.isPresent()) {
            return common;
        }
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            return problem(Rule.WILDCARD_IN_TOPIC, Part.TOPIC, topic);
        }
        return Optional.empty();
    }

    /** The rule {@code filter} breaks for a subscription, or empty when it can be subscribed to. */
    public static Optional<TopicProblem> filterProblem(String filter) {
        Optional<TopicProblem> common = checkCommon(filter, Part.FILTER);
        if (common.isPresent()) {
            return common;
        }
        if (filter.startsWith(SHARE_PREFIX)) {
            String rest = filter.substring(SHARE_PREFIX.length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                return problem(Rule.SHARE_NEEDS_GROUP, Part.SHARED_SUBSCRIPTION, filter);
            }
            String group = rest.substring(0, slash);
            if (group.indexOf('+') >= 0 || group.indexOf('#') >= 0) {
                return problem(Rule.WILDCARD_IN_GROUP, Part.SHARED_GROUP, group);
            }
            return checkPlainFilter(rest.substring(slash + 1), Part.SHARED_FILTER);
        }
        if (filter.startsWith(QUEUE_PREFIX)) {
            return checkPlainFilter(filter.substring(QUEUE_PREFIX.length()), Part.QUEUE_FILTER);
        }
        if (filter.startsWith(EXCLUSIVE_PREFIX)) {
            return checkPlainFilter(filter.substring(EXCLUSIVE_PREFIX.length()), Part.EXCLUSIVE_FILTER);
        }
        return checkPlainFilter(filter, Part.FILTER);
    }

    public static boolean isShared(String filter) {
        return filter.startsWith(SHARE_PREFIX) || filter.startsWith(QUEUE_PREFIX);
    }

    public static void requireValidTopicName(String topic) {
        checkTopicName(topic).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    public static void requireValidFilter(String filter) {
        checkFilter(filter).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    private static Optional<TopicProblem> problem(Rule rule, Part what, String text) {
        return Optional.of(new TopicProblem(rule, what, abbreviate(text), "", 0));
    }

    private static Optional<TopicProblem> checkPlainFilter(String filter, Part what) {
        if (filter.isEmpty()) {
            return problem(Rule.EMPTY, what, filter);
        }
        int levelStart = 0;
        for (int i = 0; i <= filter.length(); i++) {
            if (i == filter.length() || filter.charAt(i) == '/') {
                String level = filter.substring(levelStart, i);
                if (level.length() > 1 && (level.indexOf('+') >= 0 || level.indexOf('#') >= 0)) {
                    return Optional.of(new TopicProblem(Rule.WILDCARD_NOT_ALONE, what, abbreviate(filter), level, 0));
                }
                if (level.equals("#") && i != filter.length()) {
                    return problem(Rule.HASH_NOT_LAST, what, filter);
                }
                levelStart = i + 1;
            }
        }
        return Optional.empty();
    }

    private static Optional<TopicProblem> checkCommon(String text, Part what) {
        if (text == null || text.isEmpty()) {
            return problem(Rule.EMPTY, what, "");
        }
        if (text.indexOf('\0') >= 0) {
            return problem(Rule.NUL, what, text);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return problem(Rule.BROKEN_UNICODE, what, "");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return problem(Rule.BROKEN_UNICODE, what, "");
            }
        }
        // Every UTF-16 unit takes at most 3 UTF-8 bytes, so short strings need no encoding.
        if (text.length() > MAX_BYTES / 3) {
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_BYTES) {
                return Optional.of(new TopicProblem(Rule.TOO_LONG, what, "", "", bytes));
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
