package io.mqttworkbench.ui.common;

import io.mqttworkbench.mqtt.ConnectionState;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/** The coloured dot that shows a connection's state (grey, amber, green, red). */
public final class StateDot {
    private StateDot() {
    }

    public static Region of(ObservableValue<ConnectionState> state) {
        Region dot = new Region();
        dot.getStyleClass().add(UiStyles.STATE_DOT);
        Tooltip tooltip = new Tooltip();
        Tooltip.install(dot, tooltip);
        UiStyles.showState(dot, state.getValue());
        tooltip.setText(state.getValue().label());
        state.addListener((obs, old, now) -> {
            UiStyles.showState(dot, now);
            tooltip.setText(now.label());
        });
        return dot;
    }
}
