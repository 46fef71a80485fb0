package io.mqttworkbench.ui.common;

import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.profile.SavedSubscription;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One line of a connection's subscription list: what was asked, how it is shown, and the broker's answer. */
public final class SubscriptionRow {

    /** Where the subscription stands with the broker. */
    public enum State {
        /** Not sent yet: made on the next connect. */
        WAITING,
        /** SUBSCRIBE sent, no SUBACK yet. */
        PENDING,
        GRANTED,
        /** Granted with a lower QoS than asked. */
        DOWNGRADED,
        /** The broker refused it (SUBACK reason code) or the request failed. */
        REFUSED
    }

    private final ObjectProperty<SavedSubscription> saved;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.WAITING);
    private final StringProperty result = new SimpleStringProperty();
    /** Shared with the gate, which counts on the pump thread. */
    private final AtomicLong heldBackCounter = new AtomicLong();
    private final ReadOnlyLongWrapper heldBack = new ReadOnlyLongWrapper();

    public SubscriptionRow(SavedSubscription saved, Texts texts) {
        this.saved = new SimpleObjectProperty<>(saved);
        result.set(texts.text("common.subscription.waiting"));
    }

    public ObjectProperty<SavedSubscription> savedProperty() {
        return saved;
    }

    public SavedSubscription saved() {
        return saved.get();
    }

    /** Everything that was asked for, so a new connection can ask again in the same way. */
    public SubscriptionRequest request() {
        return saved.get().request();
    }

    public String filter() {
        return request().filter();
    }

    public int qos() {
        return request().qos();
    }

    public boolean paused() {
        return saved.get().paused();
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    /** "QoS 1 granted", "0x87 Not authorized", "Subscribes on connect". */
    public StringProperty resultProperty() {
        return result;
    }

    /** Messages not shown because the subscription is paused; refreshed once per frame. */
    public ReadOnlyLongProperty heldBackProperty() {
        return heldBack.getReadOnlyProperty();
    }

    public AtomicLong heldBackCounter() {
        return heldBackCounter;
    }

    public void refreshHeldBack() {
        long now = heldBackCounter.get();
        if (now != heldBack.get()) {
            heldBack.set(now);
        }
    }

    public void show(State newState, String text) {
        state.set(newState);
        result.set(text);
    }
}
