package io.mqttworkbench.mqtt;

import java.util.Locale;

/**
 * The MQTT client library a connection runs on ("Client library" in a profile, {@code --engine} on the
 * command line). Both speak MQTT 5 and 3.1.1 over TCP, TLS and WebSocket; they differ in speed and in
 * what they let the user choose by hand.
 */
public enum MqttEngine {
    /**
     * HiveMQ MQTT Client on Netty: reads a flood at wire speed (measured: all of 300,000 messages of 1 KB where
     * Paho takes a quarter, the broker dropping the rest). It numbers subscriptions and picks topic aliases itself.
     */
    HIVEMQ("hivemq", "HiveMQ MQTT Client"),
    /** Eclipse Paho: slower under load, kept because some brokers are only tested against it. */
    PAHO("paho", "Eclipse Paho");

    public static final MqttEngine DEFAULT = HIVEMQ;

    private final String id;
    private final String label;

    MqttEngine(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name in files and on the command line. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Whether a subscription identifier chosen by the user is sent (HiveMQ's client assigns its own). */
    public boolean sendsChosenSubscriptionIdentifiers() {
        return this == PAHO;
    }

    /** Whether a topic alias chosen by the user is sent (HiveMQ's client assigns aliases itself). */
    public boolean sendsChosenTopicAliases() {
        return this == PAHO;
    }

    /** Whether received messages carry their DUP flag (both engines report subscription identifiers). */
    public boolean reportsDeliveryDetails() {
        return this == PAHO;
    }

    /** Accepts "hivemq", "paho" (any case); null or blank means the default. */
    public static MqttEngine parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "hivemq", "hive", "hivemq-mqtt-client" -> HIVEMQ;
            case "paho", "eclipse-paho" -> PAHO;
            default -> throw new IllegalArgumentException("Unknown MQTT engine '" + text + "': use hivemq or paho");
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
