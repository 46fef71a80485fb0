package io.mqttworkbench.ui.connection;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionEvent;
import io.mqttworkbench.mqtt.ConnectionListener;
import io.mqttworkbench.mqtt.ConnectionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.ObservableList;

/**
 * What a connection's thread reports (its status, its events), held until the next frame takes it: the
 * listener never touches JavaFX, and a burst of events reaches the list in one change.
 */
public final class ConnectionFeed implements ConnectionListener {
    private final AtomicReference<ConnectionStatus> status = new AtomicReference<>();
    private final ConcurrentLinkedQueue<ConnectionEvent> events = new ConcurrentLinkedQueue<>();

    @Override
    public void statusChanged(ConnectionStatus changed) {
        status.set(changed);
    }

    @Override
    public void eventLogged(ConnectionEvent event) {
        events.add(event);
    }

    /** Stops listening to {@code connection}; its last words ("Disconnected") must not reach the next one. */
    void detachFrom(BrokerConnection connection) {
        connection.removeListener(this);
        status.set(null);
    }

    /** The newest status since the last call, or null. JavaFX thread. */
    ConnectionStatus takeStatus() {
        return status.getAndSet(null);
    }

    /** Appends the events since the last call, keeping at most {@code limit}. JavaFX thread. */
    void drainEventsInto(ObservableList<ConnectionEvent> list, int limit) {
        if (events.isEmpty()) {
            return;
        }
        List<ConnectionEvent> batch = new ArrayList<>();
        for (ConnectionEvent event = events.poll(); event != null; event = events.poll()) {
            batch.add(event);
        }
        list.addAll(batch);
        if (list.size() > limit) {
            list.remove(0, list.size() - limit);
        }
    }
}
