package io.mqttworkbench.mqtt;

import java.util.function.Consumer;

/**
 * Turns a connection's status changes into {@link ConnectionMarker}s: one when an established connection
 * goes down (for whatever reason, the user's disconnect included), one when it is back. Runs on the
 * connection's thread; the sink must return at once.
 */
public final class GapWatcher implements ConnectionListener {
    private static final String LOST = "Connection lost: ";

    private final BrokerConnection connection;
    private final Consumer<ConnectionMarker> sink;
    private boolean up;
    private boolean down;
    /** Why it went down, from the event log (the status text adds when it retries). */
    private String lastDisconnect;

    public GapWatcher(BrokerConnection connection, Consumer<ConnectionMarker> sink) {
        this.connection = connection;
        this.sink = sink;
        this.up = connection.status().state() == ConnectionState.CONNECTED; // attached to a connection already up
    }

    @Override
    public void eventLogged(ConnectionEvent event) {
        if (event.kind() == ConnectionEvent.Kind.DISCONNECT) {
            String text = event.text();
            lastDisconnect = text.startsWith(LOST) ? text.substring(LOST.length()) : text;
        }
    }

    @Override
    public void statusChanged(ConnectionStatus status) {
        switch (status.state()) {
            case CONNECTED -> {
                if (down) {
                    sink.accept(ConnectionMarker.reconnect(connection.capabilities().map(BrokerCapabilities::sessionPresent).orElse(false)));
                }
                up = true;
                down = false;
            }
            case RECONNECTING, DISCONNECTED, FAILED -> {
                if (up) {
                    String reason = lastDisconnect != null ? lastDisconnect
                            : status.reason() == null || status.reason().isBlank() ? status.state().label() : status.reason();
                    lastDisconnect = null;
                    sink.accept(ConnectionMarker.disconnect(reason));
                    up = false;
                    down = true;
                }
            }
            default -> {
                // connecting: nothing changes until it is up or has failed
            }
        }
    }
}
