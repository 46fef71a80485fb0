package io.mqttworkbench.mqtt;

/** How a publish ended: the PUBACK/PUBREC/PUBCOMP reason code, or 0 for QoS 0 (sent, nothing to wait for). */
public record PublishOutcome(int qos, int reasonCode) {

    public boolean success() {
        return !ReasonCodes.isError(reasonCode);
    }

    public String description() {
        if (qos == 0) {
            return "Sent (QoS 0, no acknowledgement)";
        }
        String ack = qos == 1 ? "PUBACK" : "PUBCOMP";
        return ack + " " + ReasonCodes.describe(reasonCode);
    }
}
