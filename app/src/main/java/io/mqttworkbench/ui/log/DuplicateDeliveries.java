package io.mqttworkbench.ui.log;

import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.common.SubscriptionOrigins.Origin;
import io.mqttworkbench.ui.common.Texts;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * Finds the copies of one message that overlapping subscriptions delivered: same topic, payload, QoS and
 * retain flag, arrived within {@link #WINDOW_NANOS} of each other, through a different subscription. Looks at
 * messages once each, in arrival order. Where the broker named the subscriptions, a copy is a duplicate only
 * if it came through one the kept row has not; where it did not, at most as many copies as subscriptions
 * match the topic are taken as one message (a device that really sends the same value twice keeps both rows
 * unless more subscriptions match).
 */
final class DuplicateDeliveries {
    /**
     * Copies of one PUBLISH leave the broker back to back, but a client library can hand them over apart: 43 ms
     * with Paho on a loaded two-core machine. A device repeating a value this fast through the same subscription
     * still keeps its rows (see the class comment).
     */
    static final long WINDOW_NANOS = 250_000_000L;

    /** What a kept row stands for: how many deliveries, through which subscriptions. */
    record Merged(int deliveries, Set<String> filters, boolean inferred) {
        /** "#, factory/+/press3/# (inferred)": the subscriptions, and whether they were guessed from the topic. */
        String via(Texts texts) {
            String names = String.join(", ", filters);
            return inferred ? texts.format("log.origin.inferred", names) : names;
        }
    }

    private final Function<ReceivedMessage, Origin> origins;
    private final Texts texts;
    private final Deque<ReceivedMessage> recent = new ArrayDeque<>();
    /** Only rows that took in a copy; weak, so rows the store drops go with it (a message's hash is its identity). */
    private final Map<ReceivedMessage, Merged> merged = new WeakHashMap<>();
    private long hidden;

    DuplicateDeliveries(Function<ReceivedMessage, Origin> origins, Texts texts) {
        this.origins = origins;
        this.texts = texts;
    }

    /** Whether the message gets a row: false for a copy, which the earlier row then counts. */
    boolean keep(ReceivedMessage message) {
        while (!recent.isEmpty() && message.receivedNanos() - recent.peekFirst().receivedNanos() > WINDOW_NANOS) {
            recent.removeFirst();
        }
        Origin origin = null;
        for (Iterator<ReceivedMessage> it = recent.descendingIterator(); it.hasNext(); ) {
            ReceivedMessage earlier = it.next();
            if (!sameMessage(earlier, message)) {
                continue;
            }
            origin = origin == null ? origins.apply(message) : origin;
            Merged so = merged.computeIfAbsent(earlier, e -> first(origins.apply(e)));
            if (throughAnother(so, origin)) {
                Set<String> filters = new LinkedHashSet<>(so.filters());
                filters.addAll(origin.filters());
                merged.put(earlier, new Merged(so.deliveries() + 1, filters, so.inferred() || origin.inferred()));
                hidden++;
                return false;
            }
        }
        recent.addLast(message);
        return true;
    }

    /** "×2 via #, factory/+/press3/#" on a row that stands for several deliveries, else null. */
    String mark(ReceivedMessage row) {
        Merged m = merged(row);
        return m == null ? null : texts.format("log.duplicates.mark", m.deliveries(), m.via(texts));
    }

    /** "2 deliveries via #, factory/+/press3/#: the copies are collapsed into this row", else null. */
    String explanation(ReceivedMessage row) {
        Merged m = merged(row);
        return m == null ? null : texts.format("log.duplicates.tooltip", m.deliveries(), m.via(texts));
    }

    private Merged merged(ReceivedMessage row) {
        Merged m = merged.get(row);
        return m == null || m.deliveries() < 2 ? null : m;
    }

    /** How many copies have no row of their own. */
    long hidden() {
        return hidden;
    }

    private static Merged first(Origin origin) {
        return new Merged(1, new LinkedHashSet<>(origin.filters()), origin.inferred());
    }

    private static boolean throughAnother(Merged so, Origin copy) {
        if (so.inferred() || copy.inferred()) {
            return so.deliveries() < copy.filters().size(); // as many copies as subscriptions match, no more
        }
        return copy.filters().stream().noneMatch(so.filters()::contains);
    }

    private static boolean sameMessage(ReceivedMessage a, ReceivedMessage b) {
        return a.qos() == b.qos() && a.retained() == b.retained() && a.topic().equals(b.topic())
                && Arrays.equals(a.payload(), b.payload());
    }
}
