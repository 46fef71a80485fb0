package io.mqttworkbench.mqtt;


/**
 * A subscription filter that can say which topics it matches, by the rules of MQTT 5 section 4.7:
 * {@code #} matches the level it stands in and everything below (so {@code sport/#} matches
 * {@code sport}), {@code +} matches exactly one level (which may be empty), and a topic starting
 * with {@code $} is never matched by a filter starting with a wildcard. A shared
 * ({@code $share/GROUP/…}, {@code $queue/…}) or EMQX exclusive ({@code $exclusive/…}) subscription
 * matches what its inner filter matches.
 */
public final class TopicFilter {

    private final String filter;
    private final String effective;

    private TopicFilter(String filter) {
        TopicValidator.requireValidFilter(filter);
        this.filter = filter;
        this.effective = effectiveFilter(filter);
    }

    /** Parses and validates; throws {@link IllegalArgumentException} saying which rule failed. */
    public static TopicFilter of(String filter) {
        return new TopicFilter(filter);
    }

    /** The filter as subscribed, prefix included. */
    public String filter() {
        return filter;
    }

    /** The part that is matched against topics. */
    public String effective() {
        return effective;
    }

    /** The filter without a {@code $share/GROUP/}, {@code $queue/} or {@code $exclusive/} prefix. */
    public static String effectiveFilter(String filter) {
        if (filter.startsWith("$share/")) {
            int slash = filter.indexOf('/', "$share/".length());
            return slash < 0 ? filter : filter.substring(slash + 1);
        }
        if (filter.startsWith("$queue/")) {
            return filter.substring("$queue/".length());
        }
        if (filter.startsWith("$exclusive/")) {
            return filter.substring("$exclusive/".length());
        }
        return filter;
    }

    /** True when the filter holds {@code +} or {@code #}. */
    public boolean hasWildcards() {
        return effective.indexOf('+') >= 0 || effective.indexOf('#') >= 0;
    }

    /** Whether a message published to {@code topic} is delivered to this subscription. Allocation-free. */
    public boolean matches(String topic) {
        return matches(effective, topic);
    }

    static boolean matches(String filter, String topic) {
        if (!topic.isEmpty() && topic.charAt(0) == '$' && !filter.isEmpty() && (filter.charAt(0) == '+' || filter.charAt(0) == '#')) {
            return false;
        }
        int f = 0;
        int t = 0;
        int fLength = filter.length();
        int tLength = topic.length();
        while (true) {
            int fEnd = filter.indexOf('/', f);
            if (fEnd < 0) {
                fEnd = fLength;
            }
            int levelLength = fEnd - f;
            if (levelLength == 1 && filter.charAt(f) == '#') {
                return true; // '#' is last (validated) and also matches the parent level itself
            }
            if (t > tLength) {
                // The topic has run out of levels; only a trailing "/#" could still match.
                return false;
            }
            int tEnd = topic.indexOf('/', t);
            if (tEnd < 0) {
                tEnd = tLength;
            }
            boolean plus = levelLength == 1 && filter.charAt(f) == '+';
            if (!plus && (levelLength != tEnd - t || !topic.regionMatches(t, filter, f, levelLength))) {
                return false;
            }
            boolean filterDone = fEnd == fLength;
            boolean topicDone = tEnd == tLength;
            if (filterDone) {
                return topicDone;
            }
            if (topicDone) {
                // "sport/#" matches "sport": step past the end and let the next filter level decide.
                f = fEnd + 1;
                t = tLength + 1;
                continue;
            }
            f = fEnd + 1;
            t = tEnd + 1;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicFilter other && other.filter.equals(filter);
    }

    @Override
    public int hashCode() {
        return filter.hashCode();
    }

    @Override
    public String toString() {
        return filter;
    }
}
