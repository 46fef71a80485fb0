package io.mqttworkbench.ui.common;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Which subscription(s) delivered a message. An MQTT 5 message carries the identifiers of the subscriptions
 * it came through (the connection numbers each one), so with overlapping filters each copy names its own.
 * Without them (MQTT 3.1.1, a broker that takes none) the filters that match the topic are all that can be said, and the origin says it is inferred.
 *
 * <p>Worked out when a row is drawn, from what the message already carries: nothing is kept per message. A
 * number is read as it stood when the message arrived (the connection keeps them, after an unsubscribe too); a
 * row from before this connection (read back after a restart) is inferred. JavaFX thread.
 */
public final class SubscriptionOrigins {

    /**
     * @param filters the subscriptions' filters, the first one's colour marks the row
     * @param inferred true when the broker did not say: {@code filters} are those that match the topic
     */
    public record Origin(List<String> filters, boolean inferred) {
        public static final Origin UNKNOWN = new Origin(List.of(), true);

        /** "factory/+/press3/#", "#, factory/+/press3/#" (one copy through both), "# or factory/+/press3/# (inferred)". */
        public String label(Texts texts) {
            if (!inferred || filters.size() == 1) {
                return String.join(", ", filters);
            }
            if (filters.isEmpty()) {
                return "";
            }
            String either = filters.get(0);
            for (String filter : filters.subList(1, filters.size())) {
                either = texts.format("common.origin.or", either, filter);
            }
            return texts.format("common.origin.inferred", either);
        }

        /** A sentence for a tooltip or the message detail. */
        public String explanation(Texts texts) {
            if (filters.isEmpty()) {
                return texts.text("common.origin.none");
            }
            if (!inferred) {
                return filters.size() == 1 ? texts.format("common.origin.one", filters.get(0))
                        : texts.format("common.origin.each", String.join(", ", filters));
            }
            return filters.size() > 1 ? texts.format("common.origin.guessed.several", filters.size()) : texts.text("common.origin.guessed");
        }
    }

    private final Supplier<BrokerConnection> connection;
    private final Function<String, List<String>> matching;
    private final Texts texts;

    /**
     * @param connection the connection in whatever state, or null before the first connect
     * @param matching the filters of the subscriptions a topic matches, in the list's order
     */
    public SubscriptionOrigins(Supplier<BrokerConnection> connection, Function<String, List<String>> matching, Texts texts) {
        this.connection = connection;
        this.matching = matching;
        this.texts = texts;
    }

    /** The origin's subscription(s) for a column or a line, in the interface language: see {@link Origin#label(Texts)}. */
    public String label(Origin origin) {
        return origin.label(texts);
    }

    /** The origin as a sentence for a tooltip or the message detail, in the interface language. */
    public String explanation(Origin origin) {
        return origin.explanation(texts);
    }

    public Origin of(ReceivedMessage message) {
        List<Integer> ids = message.properties().subscriptionIdentifiers();
        if (!ids.isEmpty()) {
            BrokerConnection current = connection.get();
            List<String> filters = new ArrayList<>(ids.size());
            boolean ambiguous = false;
            for (Integer id : ids) {
                List<String> named = current == null ? List.of() : current.filtersOfSubscriptionIdentifier(id, message.receivedEpochMillis());
                ambiguous |= named.size() > 1; // the user gave two subscriptions the same number
                named.stream().filter(f -> !filters.contains(f)).forEach(filters::add);
            }
            if (!filters.isEmpty()) {
                return new Origin(List.copyOf(filters), ambiguous);
            }
        }
        List<String> filters = matching.apply(message.topic());
        return filters.isEmpty() ? Origin.UNKNOWN : new Origin(filters, true);
    }
}
