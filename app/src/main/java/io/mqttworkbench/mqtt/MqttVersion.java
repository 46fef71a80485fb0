package io.mqttworkbench.mqtt;

/** The protocol versions the workbench speaks. The rest of the code does not care which is in use. */
public enum MqttVersion {
    V5("5.0"),
    V3_1_1("3.1.1");

    private final String label;

    MqttVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts "5", "5.0", "mqttv5", "3.1.1", "311", "mqttv311". */
    public static MqttVersion parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT).replace("mqttv", "").replace("v", "");
        return switch (t) {
            case "5", "5.0" -> V5;
            case "3.1.1", "311", "3", "4" -> V3_1_1;
            default -> throw new IllegalArgumentException("Unknown MQTT version '" + text + "': use 5 or 3.1.1");
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
