package io.mqttworkbench.topic;

/**
 * The kinds of subscription a broker may offer, each written as a prefix of the filter. The form asks
 * for the kind, the group and the plain filter, and composes what is sent; an existing filter is taken
 * apart again for editing.
 */
public enum SubscriptionKind {
    NORMAL("Normal", "Every matching message is delivered to this client."),
    SHARED("Shared", "The broker hands each matching message to only one member of the group: the way several instances "
            + "of a service share a stream. MQTT 5 ($share/GROUP/filter); 'No local' cannot be set."),
    EXCLUSIVE("Exclusive", "EMQX only ($exclusive/filter): while this client holds the subscription, no other client may "
            + "subscribe the same way. The broker refuses with 0x97 when another client holds it, and with 0x8F when "
            + "exclusive subscriptions are switched off.");

    private final String label;
    private final String explanation;

    SubscriptionKind(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }

    /** The filter to send: {@code $share/GROUP/filter}, {@code $exclusive/filter} or the filter itself. */
    public String compose(String group, String filter) {
        return switch (this) {
            case NORMAL -> filter;
            case SHARED -> "$share/" + group + "/" + filter;
            case EXCLUSIVE -> "$exclusive/" + filter;
        };
    }

    /** A filter taken apart: its kind, its share group (empty unless shared) and the plain filter. */
    public record Parts(SubscriptionKind kind, String group, String filter) {
    }

    public static Parts parse(String full) {
        if (full.startsWith("$share/")) {
            int slash = full.indexOf('/', "$share/".length());
            if (slash > 0) {
                return new Parts(SHARED, full.substring("$share/".length(), slash), full.substring(slash + 1));
            }
        }
        if (full.startsWith("$exclusive/")) {
            return new Parts(EXCLUSIVE, "", full.substring("$exclusive/".length()));
        }
        return new Parts(NORMAL, "", full);
    }
}
