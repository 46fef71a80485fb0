package io.mqttworkbench.ui.common;

import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.mqtt.BrokerCapabilities;
import io.mqttworkbench.mqtt.MqttEngine;
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
    private final Texts texts;

    public BrokerLimits(Texts texts) {
        this.texts = texts;
    }

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
            text.append(texts.format("common.limits.qos", maxQos));
        }
        if (maximumPacketSize != null) {
            text.append(text.isEmpty() ? "" : " · ").append(texts.format("common.limits.packet", Sizes.bytes(maximumPacketSize)));
        }
        if (!retainOk) {
            text.append(text.isEmpty() ? "" : " · ").append(texts.text("common.limits.no.retain"));
        }
        text.append(text.isEmpty() ? "" : " · ").append(aliasMax == 0 ? texts.text("common.limits.no.alias")
                : engine.sendsChosenTopicAliases() ? texts.format("common.limits.alias", aliasMax)
                : texts.format("common.limits.alias.engine", engine.label()));
        summary.set(capabilities.isEmpty() ? "" : text.toString());
    }

    /** What the broker would refuse in a message with this alias and payload size (-1: unknown), or empty. */
    public Optional<String> problem(Integer topicAlias, long payloadSize) {
        if (topicAlias != null && !engine.sendsChosenTopicAliases()) {
            return Optional.of(texts.format("common.limits.problem.alias.engine", engine.label()));
        }
        if (topicAlias != null && !aliasAvailable.get()) {
            return Optional.of(texts.text("common.limits.problem.alias.none"));
        }
        if (maximumPacketSize != null && payloadSize > maximumPacketSize) {
            return Optional.of(texts.format("common.limits.problem.too.large", payloadSize, maximumPacketSize));
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
