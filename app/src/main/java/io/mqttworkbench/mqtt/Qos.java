package io.mqttworkbench.mqtt;

/** Checks for the three MQTT quality-of-service levels, kept as plain ints across the code. */
public final class Qos {
    private Qos() {
    }

    public static int require(int qos) {
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, not " + qos);
        }
        return qos;
    }

    public static String describe(int qos) {
        return switch (qos) {
            case 0 -> "0 (at most once)";
            case 1 -> "1 (at least once)";
            case 2 -> "2 (exactly once)";
            default -> String.valueOf(qos);
        };
    }
}
