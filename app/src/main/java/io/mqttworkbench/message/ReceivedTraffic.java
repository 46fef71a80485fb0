package io.mqttworkbench.message;

import io.mqttworkbench.mqtt.InboundQueue;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.topic.SubscriptionGate;
import io.mqttworkbench.topic.TopicTree;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one connection has received, in the two models the views read: the message log and the topic
 * tree, fed by the connection's {@link MessagePump} after the gate has held back the messages of paused
 * subscriptions. Outlives the broker connections of its profile: an edited profile gets a new
 * connection, the traffic so far stays.
 */
public final class ReceivedTraffic {

    private final MessageStore store;
    private final TopicTree tree;
    /** Where the connection was down; a thousand holes are plenty to mark the log with. */
    private final ConnectionGaps gaps = new ConnectionGaps(1000);
    private final AtomicReference<SubscriptionGate> gate = new AtomicReference<>(SubscriptionGate.OPEN);
    private final java.util.List<java.util.function.Consumer<ReceivedMessage>> observers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<java.util.function.Consumer<List<ReceivedMessage>>> batchObservers =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public ReceivedTraffic(MessageStore store, TopicTree tree) {
        this.store = store;
        this.tree = tree;
    }

    public MessageStore store() {
        return store;
    }

    /** The holes in this traffic: when the connection went down and came back. */
    public ConnectionGaps gaps() {
        return gaps;
    }

    public TopicTree tree() {
        return tree;
    }

    public SubscriptionGate gate() {
        return gate.get();
    }

    /** Takes effect from the next batch; any thread. */
    public void setGate(SubscriptionGate value) {
        gate.set(value);
    }

    /** A pump that feeds this traffic from a connection's queue (not started). */
    public MessagePump pumpFrom(String name, InboundQueue queue) {
        return new MessagePump(name, queue).to(this::accept);
    }

    /**
     * Also hands every received message (paused subscriptions included) to {@code observer}, on the pump
     * thread: for replies awaited by a request. Observers must be quick.
     */
    public void observe(java.util.function.Consumer<ReceivedMessage> observer) {
        observers.add(observer);
    }

    public void unobserve(java.util.function.Consumer<ReceivedMessage> observer) {
        observers.remove(observer);
    }

    /** Also hands every batch (paused subscriptions included) to {@code observer}, on the pump thread: the history on disk. */
    public void observeBatches(java.util.function.Consumer<List<ReceivedMessage>> observer) {
        batchObservers.add(observer);
    }

    public void unobserveBatches(java.util.function.Consumer<List<ReceivedMessage>> observer) {
        batchObservers.remove(observer);
    }

    private final java.util.List<java.util.function.Consumer<List<ReceivedMessage>>> restoredObservers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Also hands the last values restored from the disk at start to {@code observer} (the Sparkplug view): once, on the history's thread. */
    public void observeRestored(java.util.function.Consumer<List<ReceivedMessage>> observer) {
        restoredObservers.add(observer);
    }

    /** Each topic's last value from the history on disk, before anything is received: into the tree and to the observers. */
    public void restoreLastValues(List<ReceivedMessage> lastValues) {
        tree.addAll(lastValues);
        restoredObservers.forEach(observer -> observer.accept(lastValues));
    }

    /** The pump's sink: observers, gate, then log and tree. Pump thread. */
    public void accept(List<ReceivedMessage> batch) {
        for (java.util.function.Consumer<List<ReceivedMessage>> observer : batchObservers) {
            observer.accept(batch);
        }
        for (java.util.function.Consumer<ReceivedMessage> observer : observers) {
            batch.forEach(observer);
        }
        List<ReceivedMessage> shown = gate.get().filter(batch);
        if (shown.isEmpty()) {
            return;
        }
        store.append(shown);
        tree.addAll(shown);
    }
}
