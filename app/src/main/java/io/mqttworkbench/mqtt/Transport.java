package io.mqttworkbench.mqtt;

import java.util.Locale;
import java.util.Optional;

/** How bytes reach the broker. The scheme names are the ones MQTT.js, MQTTX and mosquitto users type. */
public enum Transport {
    TCP("mqtt", 1883, false, false),
    TLS("mqtts", 8883, true, false),
    WEBSOCKET("ws", 80, false, true),
    SECURE_WEBSOCKET("wss", 443, true, true);

    private final String scheme;
    private final int defaultPort;
    private final boolean secure;
    private final boolean websocket;

    Transport(String scheme, int defaultPort, boolean secure, boolean websocket) {
        this.scheme = scheme;
        this.defaultPort = defaultPort;
        this.secure = secure;
        this.websocket = websocket;
    }

    public String scheme() {
        return scheme;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public boolean secure() {
        return secure;
    }

    public boolean websocket() {
        return websocket;
    }

    /** Accepts our schemes and the aliases other tools print ({@code tcp}, {@code ssl}, {@code tls}). */
    public static Optional<Transport> fromScheme(String scheme) {
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "mqtt", "tcp" -> Optional.of(TCP);
            case "mqtts", "ssl", "tls", "mqtt+ssl" -> Optional.of(TLS);
            case "ws" -> Optional.of(WEBSOCKET);
            case "wss" -> Optional.of(SECURE_WEBSOCKET);
            default -> Optional.empty();
        };
    }
}
