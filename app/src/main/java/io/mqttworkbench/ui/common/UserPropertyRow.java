package io.mqttworkbench.ui.common;

import io.mqttworkbench.mqtt.UserProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable row of the composer's user properties (keys may repeat, as MQTT 5 allows). */
public final class UserPropertyRow {
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");

    public UserPropertyRow(String key, String value) {
        this.key.set(key);
        this.value.set(value);
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** A row left with no key and no value: not sent. */
    public boolean isEmpty() {
        return (key.get() == null || key.get().isEmpty()) && (value.get() == null || value.get().isEmpty());
    }

    public UserProperty toProperty() {
        return new UserProperty(key.get() == null ? "" : key.get(), value.get() == null ? "" : value.get());
    }
}
