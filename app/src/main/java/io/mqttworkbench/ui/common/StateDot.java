package io.mqttworkbench.ui.common;

import io.mqttworkbench.mqtt.ConnectionState;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/** The coloured dot that shows a connection's state (grey, amber, green, red). */
public final class StateDot {
    private StateDot() {
    }

    public static Region of(ObservableValue<ConnectionState> state, Texts texts) {
        Region dot = new Region();
        dot.getStyleClass().add(UiStyles.STATE_DOT);
        Tooltip tooltip = new Tooltip();
        Tooltip.install(dot, tooltip);
        UiStyles.showState(dot, state.getValue());
        tooltip.setText(label(state.getValue(), texts));
        state.addListener((obs, old, now) -> {
            UiStyles.showState(dot, now);
            tooltip.setText(label(now, texts));
        });
        return dot;
    }

    /** "Connected", in the interface language. */
    public static String label(ConnectionState state, Texts texts) {
        return texts.text(switch (state) {
            case DISCONNECTED -> "common.state.disconnected";
            case CONNECTING -> "common.state.connecting";
            case CONNECTED -> "common.state.connected";
            case RECONNECTING -> "common.state.reconnecting";
            case FAILED -> "common.state.failed";
        });
    }
}
