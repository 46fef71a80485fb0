package io.mqttworkbench.mqtt;

import java.util.List;

/**
 * Notified from the connection's own thread. Implementations hand the news to their consumer's thread
 * (the GUI marshals to the JavaFX thread) and return at once.
 */
public interface ConnectionListener {
    default void statusChanged(ConnectionStatus status) {
    }

    default void eventLogged(ConnectionEvent event) {
    }

    /**
     * After a reconnect, the subscriptions held before are back: the broker's answer to each
     * ({@code keptBySession} false), or none because the resumed session kept them all ({@code true}).
     */
    default void subscriptionsRestored(List<SubscribeOutcome> outcomes, boolean keptBySession) {
    }
}
