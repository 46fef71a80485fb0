package io.mqttworkbench.mqtt;

import java.util.Objects;

/** One MQTT 5 user property. Keys may repeat within a message, as the specification allows. */
public record UserProperty(String key, String value) {
    public UserProperty {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** Parses {@code key=value}; the first '=' splits, so values may contain '='. */
    public static UserProperty parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("User property '" + text + "' is not of the form key=value");
        }
        return new UserProperty(text.substring(0, eq), text.substring(eq + 1));
    }
}
