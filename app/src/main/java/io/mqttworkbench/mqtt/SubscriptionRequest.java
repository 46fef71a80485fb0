package io.mqttworkbench.mqtt;

/**
 * A subscription with its MQTT 5 options. With MQTT 3.1.1 only filter and QoS are sent.
 *
 * @param retainHandling 0 = send retained on subscribe, 1 = only if new subscription, 2 = never
 * @param subscriptionIdentifier 1..268435455, or null for none
 */
public record SubscriptionRequest(String filter, int qos, boolean noLocal, boolean retainAsPublished, int retainHandling,
                                  Integer subscriptionIdentifier) {

    public SubscriptionRequest {
        TopicValidator.requireValidFilter(filter);
        Qos.require(qos);
        if (retainHandling < 0 || retainHandling > 2) {
            throw new IllegalArgumentException("retain handling must be 0, 1 or 2, not " + retainHandling);
        }
        if (subscriptionIdentifier != null && (subscriptionIdentifier < 1 || subscriptionIdentifier > 268_435_455)) {
            throw new IllegalArgumentException("subscription identifier must be between 1 and 268435455");
        }
        if (noLocal && TopicValidator.isShared(filter)) {
            throw new IllegalArgumentException("'no local' cannot be set on a shared subscription ($share/...): the broker would close the connection");
        }
    }

    public static SubscriptionRequest of(String filter, int qos) {
        return new SubscriptionRequest(filter, qos, false, false, 0, null);
    }
}
