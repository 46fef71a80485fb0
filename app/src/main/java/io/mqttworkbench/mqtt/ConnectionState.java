package io.mqttworkbench.mqtt;

/** Where a {@link BrokerConnection} is in its life. */
public enum ConnectionState {
    DISCONNECTED("Disconnected"),
    CONNECTING("Connecting"),
    CONNECTED("Connected"),
    RECONNECTING("Reconnecting"),
    FAILED("Failed");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True while a client exists that is, or is trying to become, connected. */
    public boolean isActive() {
        return this == CONNECTING || this == CONNECTED || this == RECONNECTING;
    }
}
