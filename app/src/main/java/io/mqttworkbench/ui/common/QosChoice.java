package io.mqttworkbench.ui.common;

import javafx.beans.property.IntegerProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** A "QoS 0 / 1 / 2" picker bound to an integer property. */
public final class QosChoice {
    private QosChoice() {
    }

    public static ComboBox<Integer> boundTo(IntegerProperty qos) {
        ComboBox<Integer> box = new ComboBox<>();
        box.getItems().addAll(0, 1, 2);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : "QoS " + value;
            }

            @Override
            public Integer fromString(String text) {
                return Integer.valueOf(text.replace("QoS", "").trim());
            }
        });
        box.setValue(qos.get());
        box.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                qos.set(value);
            }
        });
        qos.addListener((obs, old, value) -> box.setValue(value.intValue()));
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setPrefWidth(100);
        return box;
    }
}
