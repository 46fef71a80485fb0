package io.mqttworkbench.mqtt;

/**
 * What the broker announced in its CONNACK (MQTT 5). For MQTT 3.1.1 brokers these are the protocol's
 * fixed defaults. The composer uses them to disable what the broker does not support.
 */
public record BrokerCapabilities(
        boolean sessionPresent,
        int maximumQos,
        boolean retainAvailable,
        int topicAliasMaximum,
        Long maximumPacketSize,
        int receiveMaximum,
        boolean wildcardSubscriptionAvailable,
        boolean subscriptionIdentifiersAvailable,
        boolean sharedSubscriptionAvailable,
        String assignedClientId,
        Integer serverKeepAliveSeconds) {

    public static BrokerCapabilities v3Defaults(boolean sessionPresent) {
        return new BrokerCapabilities(sessionPresent, 2, true, 0, null, 65535, true, false, true, null, null);
    }

    /** A one-line description for the event log. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("session present ").append(sessionPresent ? "yes" : "no");
        sb.append(", max QoS ").append(maximumQos);
        sb.append(", retain ").append(retainAvailable ? "yes" : "no");
        if (topicAliasMaximum > 0) {
            sb.append(", topic aliases ").append(topicAliasMaximum);
        }
        if (receiveMaximum < 65535) {
            sb.append(", receive maximum ").append(receiveMaximum);
        }
        if (maximumPacketSize != null) {
            sb.append(", max packet ").append(maximumPacketSize).append(" bytes");
        }
        if (!sharedSubscriptionAvailable) {
            sb.append(", no shared subscriptions");
        }
        if (!wildcardSubscriptionAvailable) {
            sb.append(", no wildcard subscriptions");
        }
        if (assignedClientId != null) {
            sb.append(", assigned client id ").append(assignedClientId);
        }
        if (serverKeepAliveSeconds != null) {
            sb.append(", server keep-alive ").append(serverKeepAliveSeconds).append(" s");
        }
        return sb.toString();
    }
}
