package io.mqttworkbench.mqtt;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One properties object per set of subscription identifiers, shared by the messages that carry nothing else.
 * Every MQTT 5 message names its subscription now; without sharing, each row of a million would hold its own
 * properties and list (some 70 bytes), where a row without properties shares {@link MessageProperties#NONE}.
 * One per client.
 */
final class SharedSubscriptionIds {
    /** Sets of identifiers kept at most: a connection has a few subscriptions, so a few sets. */
    private static final int MAX_SETS = 1024;

    private final Map<List<Integer>, MessageProperties> shared = new ConcurrentHashMap<>();

    MessageProperties of(List<Integer> ids) {
        MessageProperties p = shared.get(ids);
        if (p == null) {
            p = new MessageProperties(null, null, null, null, null, List.of(), ids, null);
            if (shared.size() < MAX_SETS) {
                shared.putIfAbsent(p.subscriptionIdentifiers(), p);
            }
        }
        return p;
    }
}
