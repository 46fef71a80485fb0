package io.mqttworkbench.profile;

import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.sandbox.SandboxBroker;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a profile into the settings to connect with. For the sandbox profile that means starting the
 * embedded broker first (off the caller's thread; it takes seconds) and pointing at its port.
 */
public final class ProfileConnector {
    private final SandboxBroker sandbox;

    public ProfileConnector(SandboxBroker sandbox) {
        this.sandbox = sandbox;
    }

    public CompletableFuture<ConnectionSettings> resolve(Profile profile) {
        if (!profile.isSandbox()) {
            return CompletableFuture.completedFuture(profile.settings());
        }
        return sandbox.start().thenApply(endpoints -> profile.settings().toBuilder().url(endpoints.tcpUrl()).build());
    }

    public SandboxBroker sandbox() {
        return sandbox;
    }
}
