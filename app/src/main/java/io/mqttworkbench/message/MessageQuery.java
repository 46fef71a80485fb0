package io.mqttworkbench.message;

import io.mqttworkbench.mqtt.TopicFilter;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What to look for in a connection's messages; every part is optional and the parts combine with AND.
 *
 * @param topicFilter an MQTT filter the topic must match ({@code sensors/+/temp}), or empty
 * @param text text (or, with {@code regex}, a regular expression) to find in the topic or the decoded payload
 * @param qos 0, 1 or 2, or null for any
 * @param retained true or false, or null for either
 * @param fromMillis, toMillis the arrival time range (epoch ms, inclusive), each null for open
 * @param userProperty a user property key, or {@code key=value}, that must be present
 */
public record MessageQuery(String topicFilter, String text, boolean regex, boolean caseSensitive, Integer qos, Boolean retained,
                           Long fromMillis, Long toMillis, String userProperty) {

    public static final MessageQuery ALL = new MessageQuery("", "", false, false, null, null, null, null, "");

    public MessageQuery {
        topicFilter = topicFilter == null ? "" : topicFilter.strip();
        text = text == null ? "" : text;
        userProperty = userProperty == null ? "" : userProperty.strip();
    }

    public boolean isEmpty() {
        return equals(ALL) || topicFilter.isEmpty() && text.isEmpty() && qos == null && retained == null && fromMillis == null
                && toMillis == null && userProperty.isEmpty();
    }

    /** Why the query cannot run (a filter or expression that breaks a rule), or empty when it can. */
    public Optional<String> problem() {
        return issue().map(QueryProblem::message);
    }

    /** Why the query cannot run, with its values, or empty when it can. */
    public Optional<QueryProblem> issue() {
        if (!topicFilter.isEmpty()) {
            try {
                TopicFilter.of(topicFilter);
            } catch (IllegalArgumentException e) {
                return Optional.of(new QueryProblem(QueryProblem.Why.BAD_FILTER, topicFilter, e.getMessage(), 0));
            }
        }
        if (regex && !text.isEmpty()) {
            try {
                Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                return Optional.of(new QueryProblem(QueryProblem.Why.BAD_REGEX, text, e.getDescription(), e.getIndex()));
            }
        }
        if (qos != null && (qos < 0 || qos > 2)) {
            return Optional.of(QueryProblem.of(QueryProblem.Why.QOS, ""));
        }
        if (fromMillis != null && toMillis != null && fromMillis > toMillis) {
            return Optional.of(QueryProblem.of(QueryProblem.Why.RANGE_BACKWARDS, ""));
        }
        return Optional.empty();
    }

    public MessageQuery withTopicFilter(String filter) {
        return new MessageQuery(filter, text, regex, caseSensitive, qos, retained, fromMillis, toMillis, userProperty);
    }

    public MessageQuery withText(String value, boolean asRegex) {
        return new MessageQuery(topicFilter, value, asRegex, caseSensitive, qos, retained, fromMillis, toMillis, userProperty);
    }
}
