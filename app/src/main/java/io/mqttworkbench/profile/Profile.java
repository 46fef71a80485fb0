package io.mqttworkbench.profile;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.Transport;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A named way to reach a broker: its connection settings and the subscriptions to make on connect.
 * The built-in sandbox profile points at the embedded broker, whose port is only known once it runs.
 */
public record Profile(String id, String name, Kind kind, ConnectionSettings settings, List<SubscriptionRequest> subscriptions) {

    /** What the profile connects to. */
    public enum Kind {
        /** A broker somewhere, reached with the settings as they are. */
        BROKER,
        /** The embedded sandbox broker, started on demand; the URL's port is filled in when it runs. */
        SANDBOX
    }

    public static final String SANDBOX_ID = "sandbox";

    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(settings, "settings");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A profile needs a name");
        }
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    }

    /** The "Local sandbox" profile every installation starts with: subscribed to everything. */
    public static Profile sandbox() {
        return new Profile(SANDBOX_ID, "Local sandbox", Kind.SANDBOX,
                ConnectionSettings.builder(BrokerUrl.of(Transport.TCP, "127.0.0.1", 1883)).build(),
                List.of(SubscriptionRequest.of("#", 1)));
    }

    /** A profile for a URL typed by the user, named after it. */
    public static Profile forUrl(BrokerUrl url) {
        return new Profile(UUID.randomUUID().toString(), url.toString(), Kind.BROKER,
                ConnectionSettings.builder(url).build(), List.of());
    }

    public boolean isSandbox() {
        return kind == Kind.SANDBOX;
    }
}
