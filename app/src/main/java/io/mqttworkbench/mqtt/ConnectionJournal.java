package io.mqttworkbench.mqtt;

import io.mqttworkbench.mqtt.ConnectionEvent.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a connection tells the world: its current status, a bounded log of recent events, and the
 * listeners that hear about both. Written on the connection thread; read from any thread.
 */
final class ConnectionJournal {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionJournal.class);
    private static final int EVENT_LOG_LIMIT = 2_000;

    private final String name;
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<ConnectionEvent> events = new ArrayDeque<>();
    private volatile ConnectionStatus status = ConnectionStatus.of(ConnectionState.DISCONNECTED, null);

    ConnectionJournal(String name) {
        this.name = name;
    }

    ConnectionStatus status() {
        return status;
    }

    List<ConnectionEvent> events() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    void addListener(ConnectionListener listener) {
        listeners.add(listener);
    }

    void removeListener(ConnectionListener listener) {
        listeners.remove(listener);
    }

    void status(ConnectionState state, Integer reasonCode, String reason) {
        ConnectionStatus next = ConnectionStatus.of(state, reasonCode, reason);
        status = next;
        for (ConnectionListener listener : listeners) {
            try {
                listener.statusChanged(next);
            } catch (RuntimeException e) {
                LOG.warn("status listener of {} failed", name, e);
            }
        }
    }

    void log(Kind kind, String text) {
        ConnectionEvent event = ConnectionEvent.now(kind, text);
        synchronized (events) {
            events.addLast(event);
            if (events.size() > EVENT_LOG_LIMIT) {
                events.removeFirst();
            }
        }
        if (kind != Kind.PUBLISH) { // publishes can be thousands a second: the application log gets the rest
            LOG.info("[{}] {}", name, text);
        }
        for (ConnectionListener listener : listeners) {
            try {
                listener.eventLogged(event);
            } catch (RuntimeException e) {
                LOG.warn("event listener of {} failed", name, e);
            }
        }
    }

    void restored(List<SubscribeOutcome> outcomes, boolean keptBySession) {
        for (ConnectionListener listener : listeners) {
            try {
                listener.subscriptionsRestored(outcomes, keptBySession);
            } catch (RuntimeException e) {
                LOG.warn("subscription listener of {} failed", name, e);
            }
        }
    }
}
