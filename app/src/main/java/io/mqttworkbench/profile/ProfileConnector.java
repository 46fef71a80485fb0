package io.mqttworkbench.profile;

import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.sandbox.SandboxBroker;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a profile into the settings for one connection: the random client-id suffix and a password asked
 * for on connect are applied, and for the sandbox profile the embedded broker is started first (off the
 * caller's thread; it takes seconds) and its port filled in.
 */
public final class ProfileConnector {
    private final SandboxBroker sandbox;

    public ProfileConnector(SandboxBroker sandbox) {
        this.sandbox = sandbox;
    }

    /**
     * @param askedPassword the password the user typed, for profiles that never store one; otherwise null
     */
    public CompletableFuture<ConnectionSettings> resolve(Profile profile, char[] askedPassword) {
        ConnectionSettings settings = profile.settingsForConnect(askedPassword);
        if (!profile.isSandbox()) {
            return CompletableFuture.completedFuture(settings);
        }
        return sandbox.start().thenApply(endpoints -> settings.toBuilder().url(endpoints.tcpUrl()).build());
    }

    public SandboxBroker sandbox() {
        return sandbox;
    }
}
