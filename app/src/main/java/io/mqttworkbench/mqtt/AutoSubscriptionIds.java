package io.mqttworkbench.mqtt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives each subscription the user left without an identifier one of its own, so that every MQTT 5 message
 * names the subscription(s) that delivered it: overlapping filters ({@code #} and {@code factory/+/press3/#})
 * then tell their copies apart. A filter keeps its number while the connection lives (a QoS edit or a
 * reconnect sends the same one), and a number the user chose is never handed out. Connection thread only.
 */
final class AutoSubscriptionIds {
    private final Map<String, Integer> byFilter = new HashMap<>();
    private int next = 1;

    /**
     * The requests with a number on each that has none. {@code active} are the subscriptions held now,
     * whose numbers are taken.
     */
    List<SubscriptionRequest> assign(List<SubscriptionRequest> requests, Collection<SubscriptionRequest> active) {
        Set<Integer> taken = new HashSet<>();
        for (SubscriptionRequest r : active) {
            if (r.subscriptionIdentifier() != null) {
                taken.add(r.subscriptionIdentifier());
            }
        }
        for (SubscriptionRequest r : requests) {
            if (r.subscriptionIdentifier() != null) {
                taken.add(r.subscriptionIdentifier());
            }
        }
        List<SubscriptionRequest> numbered = new ArrayList<>(requests.size());
        for (SubscriptionRequest r : requests) {
            if (r.subscriptionIdentifier() != null) {
                numbered.add(r);
                continue;
            }
            Integer kept = byFilter.get(r.filter());
            boolean keptIsFree = kept != null && active.stream()
                    .noneMatch(a -> kept.equals(a.subscriptionIdentifier()) && !a.filter().equals(r.filter()));
            int id = keptIsFree ? kept : nextFree(taken);
            taken.add(id);
            byFilter.put(r.filter(), id);
            numbered.add(withIdentifier(r, id));
        }
        return numbered;
    }

    /** The requests without the numbers handed out here: for a broker that takes no subscription identifiers. */
    List<SubscriptionRequest> strip(List<SubscriptionRequest> requests) {
        return requests.stream().map(r -> r.subscriptionIdentifier() != null && r.subscriptionIdentifier().equals(byFilter.get(r.filter()))
                ? withIdentifier(r, null) : r).toList();
    }

    private int nextFree(Set<Integer> taken) {
        while (taken.contains(next)) {
            next++;
        }
        return next++;
    }

    private static SubscriptionRequest withIdentifier(SubscriptionRequest r, Integer id) {
        return new SubscriptionRequest(r.filter(), r.qos(), r.noLocal(), r.retainAsPublished(), r.retainHandling(), id);
    }
}
