package io.mqttworkbench.mqtt;

import java.util.List;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.common.packet.MqttConnAck;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;

/** Between our MQTT 5 property records and Paho's {@link MqttProperties}. */
final class Paho5Properties {
    private Paho5Properties() {
    }

    static MqttProperties toPaho(MessageProperties p) {
        MqttProperties out = new MqttProperties();
        if (p.contentType() != null) {
            out.setContentType(p.contentType());
        }
        if (p.payloadFormatUtf8() != null) {
            out.setPayloadFormat(p.payloadFormatUtf8());
        }
        if (p.messageExpirySeconds() != null) {
            out.setMessageExpiryInterval(p.messageExpirySeconds());
        }
        if (p.responseTopic() != null) {
            out.setResponseTopic(p.responseTopic());
        }
        if (p.correlationData() != null) {
            out.setCorrelationData(p.correlationData());
        }
        if (!p.userProperties().isEmpty()) {
            out.setUserProperties(p.userProperties().stream()
                    .map(u -> new org.eclipse.paho.mqttv5.common.packet.UserProperty(u.key(), u.value())).toList());
        }
        if (p.topicAlias() != null) {
            out.setTopicAlias(p.topicAlias());
        }
        return out;
    }

    /** @param shared gives the properties of a message that carries only subscription identifiers */
    static MessageProperties fromPaho(MqttProperties p, SharedSubscriptionIds shared) {
        if (p == null) {
            return MessageProperties.NONE;
        }
        List<UserProperty> user = p.getUserProperties() == null || p.getUserProperties().isEmpty() ? List.of()
                : p.getUserProperties().stream().map(u -> new UserProperty(u.getKey(), u.getValue())).toList();
        List<Integer> ids = p.getSubscriptionIdentifiers() == null ? List.of() : p.getSubscriptionIdentifiers();
        String contentType = p.getContentType();
        Long expiry = p.getMessageExpiryInterval();
        String responseTopic = p.getResponseTopic();
        byte[] correlation = p.getCorrelationData();
        Integer alias = p.getTopicAlias();
        boolean utf8 = p.getPayloadFormat();
        if (contentType == null && expiry == null && responseTopic == null && correlation == null && alias == null
                && !utf8 && user.isEmpty()) {
            return ids.isEmpty() ? MessageProperties.NONE : shared.of(ids);
        }
        return new MessageProperties(contentType, utf8 ? Boolean.TRUE : null, expiry, responseTopic, correlation, user, ids, alias);
    }

    static BrokerCapabilities capabilities(IMqttToken token) {
        MqttWireMessage response = token.getResponse();
        if (!(response instanceof MqttConnAck ack)) {
            return new BrokerCapabilities(token.getSessionPresent(), 2, true, 0, null, 65535, true, true, true, null, null);
        }
        MqttProperties p = ack.getProperties() == null ? new MqttProperties() : ack.getProperties();
        return new BrokerCapabilities(
                ack.getSessionPresent(),
                p.getMaximumQoS() == null ? 2 : p.getMaximumQoS(),
                p.isRetainAvailable() == null || p.isRetainAvailable(),
                p.getTopicAliasMaximum() == null ? 0 : p.getTopicAliasMaximum(),
                p.getMaximumPacketSize(),
                p.getReceiveMaximum() == null ? 65535 : p.getReceiveMaximum(),
                p.isWildcardSubscriptionsAvailable(),
                p.isSubscriptionIdentifiersAvailable(),
                p.isSharedSubscriptionAvailable(),
                p.getAssignedClientIdentifier(),
                p.getServerKeepAlive());
    }
}
