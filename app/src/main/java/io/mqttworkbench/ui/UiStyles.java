package io.mqttworkbench.ui;

import io.mqttworkbench.mqtt.ConnectionState;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/** Style classes and pseudo-classes of workbench.css, named once here. */
final class UiStyles {
    static final String SIDEBAR = "sidebar";
    static final String SIDEBAR_HEADER = "sidebar-header";
    static final String APP_TITLE = "app-title";
    static final String SECTION_TITLE = "section-title";
    static final String STATE_DOT = "state-dot";
    static final String CONNECTION_CELL = "connection-cell";
    static final String CONNECTION_NAME = "connection-name";
    static final String SECONDARY = "secondary-text";
    static final String PROBLEM = "problem-text";
    static final String STATUS_BAR = "status-bar";
    static final String CONNECTION_HEADER = "connection-header";
    static final String FORM_PANE = "form-pane";
    static final String PANE_TOOLBAR = "pane-toolbar";
    static final String MONOSPACE = "monospace";
    static final String EVENT_CELL = "event-cell";
    static final String DETAIL_PANE = "detail-pane";
    static final String EMPTY_STATE = "empty-state";

    static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    static final PseudoClass SUCCESS = PseudoClass.getPseudoClass("success");

    private UiStyles() {
    }

    /** The workbench style sheet, for scenes and dialog panes (dialogs do not inherit the window's sheets). */
    static String stylesheet() {
        return java.util.Objects.requireNonNull(UiStyles.class.getResource("workbench.css")).toExternalForm();
    }

    static void style(javafx.scene.control.Dialog<?> dialog) {
        dialog.getDialogPane().getStylesheets().add(stylesheet());
    }

    /** Sets exactly one of :disconnected, :connecting, :connected, :reconnecting, :failed on the node. */
    static void showState(Node node, ConnectionState state) {
        for (ConnectionState s : ConnectionState.values()) {
            node.pseudoClassStateChanged(pseudoClass(s), s == state);
        }
    }

    private static PseudoClass pseudoClass(ConnectionState state) {
        return PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT));
    }
}
