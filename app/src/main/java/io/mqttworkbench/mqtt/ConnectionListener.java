package io.mqttworkbench.mqtt;

/**
 * Notified from the connection's own thread. Implementations hand the news to their consumer's thread
 * (the GUI marshals to the JavaFX thread) and return at once.
 */
public interface ConnectionListener {
    default void statusChanged(ConnectionStatus status) {
    }

    default void eventLogged(ConnectionEvent event) {
    }
}
