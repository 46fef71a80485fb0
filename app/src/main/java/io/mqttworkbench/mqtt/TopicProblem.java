package io.mqttworkbench.mqtt;

/**
 * Which MQTT rule a topic or filter breaks, with what the explanation needs, so the window can say it in
 * its own language; {@link #message()} is the English sentence the command line prints.
 *
 * @param rule   the rule broken
 * @param what   which part was checked: a topic, a filter, the filter of a shared subscription…
 * @param text   the topic, filter, group or level concerned (shortened to 80 characters)
 * @param level  the level at fault for {@link Rule#WILDCARD_NOT_ALONE}; else empty
 * @param number a figure the rule needs: the length in bytes for {@link Rule#TOO_LONG}; else 0
 */
public record TopicProblem(Rule rule, Part what, String text, String level, long number) {

    public enum Rule { EMPTY, NUL, BROKEN_UNICODE, TOO_LONG, WILDCARD_IN_TOPIC, SHARE_NEEDS_GROUP, WILDCARD_IN_GROUP, WILDCARD_NOT_ALONE, HASH_NOT_LAST }

    /** The part of a topic or filter that was checked, as the sentence names it. */
    public enum Part {
        TOPIC("Topic"), FILTER("Filter"), SHARED_SUBSCRIPTION("Shared subscription"), SHARED_GROUP("Shared subscription group"),
        SHARED_FILTER("Shared subscription filter"), QUEUE_FILTER("Queue subscription filter"), EXCLUSIVE_FILTER("Exclusive subscription filter");

        private final String english;

        Part(String english) {
            this.english = english;
        }

        public String english() {
            return english;
        }
    }

    /** The explanation in English. */
    public String message() {
        String part = what.english();
        return switch (rule) {
            case EMPTY -> part + " is empty";
            case NUL -> part + " '" + text + "' contains a NUL character (U+0000), which MQTT forbids";
            case BROKEN_UNICODE -> part + " contains a broken Unicode character (unpaired surrogate)";
            case TOO_LONG -> String.format(java.util.Locale.ROOT, "%s is %,d bytes long in UTF-8; MQTT allows at most %,d", part, number,
                    TopicValidator.MAX_BYTES);
            case WILDCARD_IN_TOPIC -> part + " '" + text + "' contains a wildcard (+ or #): wildcards are only allowed in subscription filters";
            case SHARE_NEEDS_GROUP -> part + " '" + text + "' needs a group name and a filter: $share/GROUP/filter";
            case WILDCARD_IN_GROUP -> part + " '" + text + "' must not contain + or #";
            case WILDCARD_NOT_ALONE -> part + " '" + text + "': the wildcard in level '" + level
                    + "' must stand alone between slashes (like a/+/c or a/#)";
            case HASH_NOT_LAST -> part + " '" + text + "': # must be the last level";
        };
    }
}
