package io.mqttworkbench.ui.common;

import io.mqttworkbench.mqtt.BrokerCapabilities;
import io.mqttworkbench.mqtt.ReasonCodes;
import io.mqttworkbench.profile.ConnectionProbe;

/**
 * What a broker announced in its CONNACK, and how a test connection went, in the window's language; in English the
 * same words as {@link BrokerCapabilities#summary()} and {@link ConnectionProbe.Result#message()}.
 */
public final class CapabilityTexts {
    private final Texts texts;
    private final ProblemTexts problems;

    public CapabilityTexts(Texts texts) {
        this.texts = texts;
        this.problems = new ProblemTexts(texts);
    }

    /** "CONNACK 0x00 成功：已有会话 否，…" on success; else why it failed, with reason codes named in the window's language. */
    public String probe(ConnectionProbe.Result result) {
        if (result.capabilities() == null) {
            return new FailureTexts(texts).of(result.message());
        }
        return texts.format("domain.profile.probe.connected", problems.reasons(ReasonCodes.describe(0)), summary(result.capabilities()));
    }

    public String summary(BrokerCapabilities c) {
        StringBuilder text = new StringBuilder(texts.format("domain.profile.caps.session", yesNo(c.sessionPresent())));
        text.append(texts.format("domain.profile.caps.qos", c.maximumQos()));
        text.append(texts.format("domain.profile.caps.retain", yesNo(c.retainAvailable())));
        if (c.topicAliasMaximum() > 0) {
            text.append(texts.format("domain.profile.caps.aliases", c.topicAliasMaximum()));
        }
        if (c.receiveMaximum() < 65535) {
            text.append(texts.format("domain.profile.caps.receive", c.receiveMaximum()));
        }
        if (c.maximumPacketSize() != null) {
            text.append(texts.format("domain.profile.caps.packet", c.maximumPacketSize()));
        }
        if (!c.sharedSubscriptionAvailable()) {
            text.append(texts.text("domain.profile.caps.no_shared"));
        }
        if (!c.wildcardSubscriptionAvailable()) {
            text.append(texts.text("domain.profile.caps.no_wildcard"));
        }
        if (c.assignedClientId() != null) {
            text.append(texts.format("domain.profile.caps.client_id", c.assignedClientId()));
        }
        if (c.serverKeepAliveSeconds() != null) {
            text.append(texts.format("domain.profile.caps.keep_alive", c.serverKeepAliveSeconds()));
        }
        return text.toString();
    }

    private String yesNo(boolean yes) {
        return texts.text(yes ? "domain.profile.caps.yes" : "domain.profile.caps.no");
    }
}
