package io.mqttworkbench.cli;

import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.MqttVersion;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * A persistent session, as {@code mosquitto_sub -c}: the broker keeps the subscriptions and queues messages
 * while the client is away, and delivers them when the same client id comes back.
 */
final class SessionOptions {
    /** With -c on MQTT 5 and no --session-expiry: an hour, not for ever, so a forgotten session does not fill the broker. */
    static final long DEFAULT_EXPIRY_SECONDS = 3600;

    @Option(names = {"-c", "--no-clean-start"},
            description = "Resume a persistent session under the client id given with -i: what arrived while away is delivered on connect.")
    boolean noCleanStart;

    @Option(names = "--session-expiry", paramLabel = "SECONDS",
            description = "How long the broker keeps the session after the connection ends (MQTT 5; with -c the default is "
                    + DEFAULT_EXPIRY_SECONDS + ").")
    Long sessionExpirySeconds;

    /** The settings with the session asked for; a combination that cannot work throws with the reason. */
    ConnectionSettings apply(ConnectionSettings settings) {
        if (!noCleanStart && sessionExpirySeconds == null) {
            return settings;
        }
        if (sessionExpirySeconds != null && (sessionExpirySeconds < 0 || sessionExpirySeconds > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("--session-expiry must be between 0 and 4294967295 seconds");
        }
        if (noCleanStart && settings.clientId().isBlank()) {
            throw new IllegalArgumentException("-c needs a fixed client id (-i ID): a generated one cannot resume its session");
        }
        if (sessionExpirySeconds != null && settings.version() != MqttVersion.V5) {
            throw new IllegalArgumentException("--session-expiry is MQTT 5; with MQTT 3.1.1, -c keeps the session until a clean connect");
        }
        long expiry = sessionExpirySeconds != null ? sessionExpirySeconds
                : settings.version() == MqttVersion.V5 ? DEFAULT_EXPIRY_SECONDS : 0;
        return settings.toBuilder()
                .cleanStart(noCleanStart ? false : settings.cleanStart())
                .sessionExpiry(Duration.ofSeconds(expiry))
                .build();
    }
}
