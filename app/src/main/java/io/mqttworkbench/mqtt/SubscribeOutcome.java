package io.mqttworkbench.mqtt;

/** The broker's SUBACK answer for one filter. */
public record SubscribeOutcome(String filter, int reasonCode) {

    public boolean granted() {
        return reasonCode <= 2;
    }

    /** The granted QoS, or -1 when refused. */
    public int grantedQos() {
        return granted() ? reasonCode : -1;
    }

    public String description() {
        return ReasonCodes.describeSuback(reasonCode);
    }
}
