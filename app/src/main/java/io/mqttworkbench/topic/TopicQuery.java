package io.mqttworkbench.topic;

import io.mqttworkbench.mqtt.TopicFilter;
import io.mqttworkbench.mqtt.TopicValidator;
import java.util.Locale;
import java.util.Optional;

/**
 * What the tree's filter box asks for: text the topic contains (ignoring case), or, when the text
 * holds {@code +} or {@code #} and is a valid filter, the topics that filter matches.
 */
public sealed interface TopicQuery permits TopicQuery.Contains, TopicQuery.Matches {

    boolean matches(String topic);

    /** A short explanation for the filter box. */
    String describe();

    record Contains(String text) implements TopicQuery {
        public Contains {
            text = text.toLowerCase(Locale.ROOT);
        }

        @Override
        public boolean matches(String topic) {
            return topic.toLowerCase(Locale.ROOT).contains(text);
        }

        @Override
        public String describe() {
            return "topics containing '" + text + "'";
        }
    }

    record Matches(TopicFilter filter) implements TopicQuery {
        @Override
        public boolean matches(String topic) {
            return filter.matches(topic);
        }

        @Override
        public String describe() {
            return "topics matching " + filter.filter();
        }
    }

    /** Empty for blank text: no query, the whole tree. */
    public static Optional<TopicQuery> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        boolean wildcard = trimmed.indexOf('+') >= 0 || trimmed.indexOf('#') >= 0;
        if (wildcard && TopicValidator.checkFilter(trimmed).isEmpty()) {
            return Optional.of(new Matches(TopicFilter.of(trimmed)));
        }
        return Optional.of(new Contains(trimmed));
    }

    /** Why text with wildcards is not a filter (it is then searched as text), or empty. */
    static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        boolean wildcard = trimmed.indexOf('+') >= 0 || trimmed.indexOf('#') >= 0;
        return wildcard ? TopicValidator.checkFilter(trimmed) : Optional.empty();
    }
}
