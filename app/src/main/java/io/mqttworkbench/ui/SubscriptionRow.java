package io.mqttworkbench.ui;

import io.mqttworkbench.mqtt.SubscriptionRequest;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One line of a connection's subscription list: the filter, the QoS asked for, and the broker's answer. */
public final class SubscriptionRow {
    private final SubscriptionRequest request;
    private final StringProperty result = new SimpleStringProperty("Subscribing…");
    private final BooleanProperty refused = new SimpleBooleanProperty(false);

    SubscriptionRow(SubscriptionRequest request) {
        this.request = request;
    }

    /** Everything that was asked for, so a new connection can ask again in the same way. */
    public SubscriptionRequest request() {
        return request;
    }

    public String filter() {
        return request.filter();
    }

    public int qos() {
        return request.qos();
    }

    public StringProperty resultProperty() {
        return result;
    }

    public BooleanProperty refusedProperty() {
        return refused;
    }
}
