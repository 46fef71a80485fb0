package io.mqttworkbench.ui.connection;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionEvent;
import io.mqttworkbench.mqtt.ConnectionListener;
import io.mqttworkbench.mqtt.ConnectionStatus;
import io.mqttworkbench.mqtt.SubscribeOutcome;
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
    private final ConcurrentLinkedQueue<Restored> restores = new ConcurrentLinkedQueue<>();

    /** The broker's answers when the subscriptions were made again after a reconnect. */
    record Restored(List<SubscribeOutcome> outcomes, boolean keptBySession) {
    }

    @Override
    public void statusChanged(ConnectionStatus changed) {
        status.set(changed);
    }

    private volatile java.util.function.Consumer<ConnectionEvent> alsoTo = event -> { };

    /** Hands every event to {@code sink} too, on the connection's thread (it must not block): the history keeps them. */
    ConnectionFeed alsoTo(java.util.function.Consumer<ConnectionEvent> sink) {
        alsoTo = sink;
        return this;
    }

    @Override
    public void eventLogged(ConnectionEvent event) {
        events.add(event);
        alsoTo.accept(event);
    }

    @Override
    public void subscriptionsRestored(List<SubscribeOutcome> outcomes, boolean keptBySession) {
        restores.add(new Restored(outcomes, keptBySession));
    }

    /** The restores since the last call, oldest first. JavaFX thread. */
    List<Restored> takeRestores() {
        List<Restored> taken = new ArrayList<>();
        for (Restored r = restores.poll(); r != null; r = restores.poll()) {
            taken.add(r);
        }
        return taken;
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
