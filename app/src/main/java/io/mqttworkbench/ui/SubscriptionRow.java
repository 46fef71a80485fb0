package io.mqttworkbench.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One line of a connection's subscription list: the filter, the QoS asked for, and the broker's answer. */
public final class SubscriptionRow {
    private final String filter;
    private final int qos;
    private final StringProperty result = new SimpleStringProperty("Subscribing…");
    private final BooleanProperty refused = new SimpleBooleanProperty(false);

    SubscriptionRow(String filter, int qos) {
        this.filter = filter;
        this.qos = qos;
    }

    public String filter() {
        return filter;
    }

    public int qos() {
        return qos;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public BooleanProperty refusedProperty() {
        return refused;
    }
}
