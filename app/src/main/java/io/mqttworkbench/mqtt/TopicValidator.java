package io.mqttworkbench.mqtt;

import java.nio.charset.StandardCharsets;
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
        Optional<String> common = checkCommon(topic, "Topic");
        if (common.isPresent()) {
            return common;
        }
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            return Optional.of("Topic '" + abbreviate(topic) + "' contains a wildcard (+ or #): wildcards are only allowed in subscription filters");
        }
        return Optional.empty();
    }

    /** Why {@code filter} cannot be subscribed to, or empty when it can. */
    public static Optional<String> checkFilter(String filter) {
        Optional<String> common = checkCommon(filter, "Filter");
        if (common.isPresent()) {
            return common;
        }
        if (filter.startsWith(SHARE_PREFIX)) {
            String rest = filter.substring(SHARE_PREFIX.length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                return Optional.of("Shared subscription '" + abbreviate(filter) + "' needs a group name and a filter: $share/GROUP/filter");
            }
            String group = rest.substring(0, slash);
            if (group.indexOf('+') >= 0 || group.indexOf('#') >= 0) {
                return Optional.of("Shared subscription group '" + group + "' must not contain + or #");
            }
            return checkPlainFilter(rest.substring(slash + 1), "Shared subscription filter");
        }
        if (filter.startsWith(QUEUE_PREFIX)) {
            return checkPlainFilter(filter.substring(QUEUE_PREFIX.length()), "Queue subscription filter");
        }
        if (filter.startsWith(EXCLUSIVE_PREFIX)) {
            return checkPlainFilter(filter.substring(EXCLUSIVE_PREFIX.length()), "Exclusive subscription filter");
        }
        return checkPlainFilter(filter, "Filter");
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

    private static Optional<String> checkPlainFilter(String filter, String what) {
        if (filter.isEmpty()) {
            return Optional.of(what + " is empty");
        }
        int levelStart = 0;
        for (int i = 0; i <= filter.length(); i++) {
            if (i == filter.length() || filter.charAt(i) == '/') {
                String level = filter.substring(levelStart, i);
                if (level.length() > 1 && (level.indexOf('+') >= 0 || level.indexOf('#') >= 0)) {
                    return Optional.of(what + " '" + abbreviate(filter) + "': the wildcard in level '" + level
                            + "' must stand alone between slashes (like a/+/c or a/#)");
                }
                if (level.equals("#") && i != filter.length()) {
                    return Optional.of(what + " '" + abbreviate(filter) + "': # must be the last level");
                }
                levelStart = i + 1;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> checkCommon(String text, String what) {
        if (text == null || text.isEmpty()) {
            return Optional.of(what + " is empty");
        }
        if (text.indexOf('\0') >= 0) {
            return Optional.of(what + " '" + abbreviate(text) + "' contains a NUL character (U+0000), which MQTT forbids");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return Optional.of(what + " contains a broken Unicode character (unpaired surrogate)");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return Optional.of(what + " contains a broken Unicode character (unpaired surrogate)");
            }
        }
        // Every UTF-16 unit takes at most 3 UTF-8 bytes, so short strings need no encoding.
        if (text.length() > MAX_BYTES / 3) {
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_BYTES) {
                return Optional.of(what + " is " + bytes + " bytes long in UTF-8; MQTT allows at most " + MAX_BYTES);
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
