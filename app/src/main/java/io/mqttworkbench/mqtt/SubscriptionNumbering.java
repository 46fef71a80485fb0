package io.mqttworkbench.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which filters each subscription identifier stood for, and since when. Numbers are handed out again after a
 * reconnect (the HiveMQ engine numbers each new client from 1) and a message read back from before a restart
 * carries the numbers of its day, so a message's numbers are read as they were when it arrived: a number sent
 * before the message. A message older than every number of this connection gets none (its subscription is then
 * inferred from the topic). Thread-safe.
 */
final class SubscriptionNumbering {
    private record Numbered(long sinceMillis, List<String> filters) {
    }

    private final Map<Integer, List<Numbered>> byId = new ConcurrentHashMap<>();

    /** {@code identifier} goes out with these filters now. */
    void numbered(int identifier, List<String> filters, long nowMillis) {
        byId.compute(identifier, (id, history) -> {
            List<Numbered> next = history == null ? new ArrayList<>(1) : new ArrayList<>(history);
            next.add(new Numbered(nowMillis, List.copyOf(filters)));
            return List.copyOf(next);
        });
    }

    /** The filters {@code identifier} stood for at {@code atMillis}, or none. */
    List<String> filtersOf(int identifier, long atMillis) {
        List<Numbered> history = byId.get(identifier);
        if (history == null) {
            return List.of();
        }
        List<String> found = List.of();
        for (Numbered n : history) {
            if (n.sinceMillis() <= atMillis) {
                found = n.filters();
            }
        }
        return found;
    }
}
