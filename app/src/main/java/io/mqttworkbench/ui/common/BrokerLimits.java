package io.mqttworkbench.ui.common;

import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.mqtt.BrokerCapabilities;
import io.mqttworkbench.mqtt.MqttEngine;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * What the connected broker allows, from its CONNACK: the composer disables what it does not (QoS above
 * its maximum, retain, topic aliases) and refuses a payload larger than its maximum packet size before
 * sending it. Without a connection everything is allowed.
 */
public final class BrokerLimits {
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper retainAvailable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper aliasAvailable = new ReadOnlyBooleanWrapper(true);
    private final IntegerProperty maximumQos = new SimpleIntegerProperty(2);
    private Long maximumPacketSize;
    private MqttEngine engine = MqttEngine.DEFAULT;

    public void update(Optional<BrokerCapabilities> capabilities, MqttEngine connectionEngine) {
        engine = connectionEngine;
        int maxQos = capabilities.map(BrokerCapabilities::maximumQos).orElse(2);
        boolean retainOk = capabilities.map(BrokerCapabilities::retainAvailable).orElse(true);
        int aliasMax = capabilities.map(BrokerCapabilities::topicAliasMaximum).orElse(0);
        maximumPacketSize = capabilities.map(BrokerCapabilities::maximumPacketSize).orElse(null);
        maximumQos.set(maxQos);
        retainAvailable.set(retainOk);
        aliasAvailable.set(aliasMax > 0 && engine.sendsChosenTopicAliases());
        StringBuilder text = new StringBuilder();
        if (maxQos < 2) {
            text.append("The broker accepts QoS up to ").append(maxQos);
        }
        if (maximumPacketSize != null) {
            text.append(text.isEmpty() ? "" : " · ").append("packets up to ").append(Sizes.bytes(maximumPacketSize));
        }
        if (!retainOk) {
            text.append(text.isEmpty() ? "" : " · ").append("the broker keeps no retained messages");
        }
        text.append(text.isEmpty() ? "" : " · ").append(aliasMax == 0 ? "the broker takes no topic aliases"
                : engine.sendsChosenTopicAliases() ? "topic aliases 1 to " + aliasMax : "topic aliases are chosen by " + engine.label());
        summary.set(capabilities.isEmpty() ? "" : text.toString());
    }

    /** What the broker would refuse in a message with this alias and payload size (-1: unknown), or empty. */
    public Optional<String> problem(Integer topicAlias, long payloadSize) {
        if (topicAlias != null && !engine.sendsChosenTopicAliases()) {
            return Optional.of("Topic alias: " + engine.label() + " picks aliases itself; choose Eclipse Paho as the profile's"
                    + " client library to send your own");
        }
        if (topicAlias != null && !aliasAvailable.get()) {
            return Optional.of("Topic alias: the broker takes none (topic alias maximum 0)");
        }
        if (maximumPacketSize != null && payloadSize > maximumPacketSize) {
            return Optional.of(String.format(Locale.ROOT, "The payload (%,d bytes) is larger than the broker's maximum packet size (%,d bytes)",
                    payloadSize, maximumPacketSize));
        }
        return Optional.empty();
    }

    /** "The broker accepts QoS up to 1 · packets up to 256 KB · …", or empty when not connected. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty retainAvailableProperty() {
        return retainAvailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty aliasAvailableProperty() {
        return aliasAvailable.getReadOnlyProperty();
    }

    public IntegerProperty maximumQosProperty() {
        return maximumQos;
    }

    public boolean knowsPacketSize() {
        return maximumPacketSize != null;
    }
}
