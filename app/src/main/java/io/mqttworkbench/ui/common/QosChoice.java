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
            if (value == null) {
                box.setValue(qos.get()); // never blank: a blank box would send QoS 0 without saying so
            } else {
                qos.set(value);
            }
        });
        qos.addListener((obs, old, value) -> box.setValue(value.intValue()));
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setPrefWidth(100);
        return box;
    }

    /**
     * Offers QoS 0 up to what the broker accepts, keeping the choice (lowered if it is above). Replacing the
     * items clears the shown choice while the value stays, so the box would look empty: the value is set again.
     */
    public static void offerUpTo(ComboBox<Integer> box, IntegerProperty qos, int maximum) {
        java.util.List<Integer> levels = java.util.stream.IntStream.rangeClosed(0, Math.max(0, Math.min(2, maximum))).boxed().toList();
        int chosen = Math.min(qos.get(), levels.size() - 1);
        qos.set(chosen);
        if (!box.getItems().equals(levels)) {
            box.getItems().setAll(levels);
        }
        box.setValue(null); // the listener puts the choice back, and the box shows it again
        box.setValue(chosen);
    }
}
