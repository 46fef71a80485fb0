package io.mqttworkbench.ui.common;

import io.mqttworkbench.mqtt.ConnectionState;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/** Style classes and pseudo-classes of workbench.css, named once here. */
public final class UiStyles {
    public static final String SIDEBAR = "sidebar";
    public static final String SIDEBAR_HEADER = "sidebar-header";
    public static final String APP_TITLE = "app-title";
    static final String SECTION_TITLE = "section-title";
    public static final String STATE_DOT = "state-dot";
    public static final String CONNECTION_CELL = "connection-cell";
    public static final String CONNECTION_NAME = "connection-name";
    public static final String SECONDARY = "secondary-text";
    public static final String PROBLEM = "problem-text";
    public static final String STATUS_BAR = "status-bar";
    public static final String CONNECTION_HEADER = "connection-header";
    public static final String FORM_PANE = "form-pane";
    public static final String PANE_TOOLBAR = "pane-toolbar";
    public static final String MONOSPACE = "monospace";
    public static final String EVENT_CELL = "event-cell";
    public static final String DETAIL_PANE = "detail-pane";
    public static final String EMPTY_STATE = "empty-state";

    public static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    public static final PseudoClass SUCCESS = PseudoClass.getPseudoClass("success");

    private UiStyles() {
    }

    /** The workbench style sheet, for scenes and dialog panes (dialogs do not inherit the window's sheets). */
    public static String stylesheet() {
        return java.util.Objects.requireNonNull(UiStyles.class.getResource("/io/mqttworkbench/ui/workbench.css")).toExternalForm();
    }

    private static String fontStylesheet;

    /** The fonts the window uses (see {@link FontChoice}), chosen once among the installed families. */
    public static synchronized String fontStylesheet() {
        if (fontStylesheet == null) {
            FontChoice choice = FontChoice.of(javafx.scene.text.Font.getFamilies(), FontChoice.Platform.current(), Locale.getDefault());
            org.slf4j.LoggerFactory.getLogger(UiStyles.class).info("fonts: {} for text, {} for code{}", choice.uiFamily().orElse("System"),
                    choice.monospaceFamily(), choice.uiFamily().isPresent() ? ""
                            : " (no CJK font found: Chinese, Japanese and Korean show as boxes; on Debian or Ubuntu: apt-get install fonts-noto-cjk)"); // untranslated: a log line
            fontStylesheet = choice.stylesheet();
        }
        return fontStylesheet;
    }

    /** The workbench's style sheets, for a scene or a dialog. */
    public static java.util.List<String> stylesheets() {
        return java.util.List.of(stylesheet(), fontStylesheet());
    }

    public static void style(javafx.scene.control.Dialog<?> dialog) {
        dialog.getDialogPane().getStylesheets().addAll(stylesheets());
    }

    /** Sets exactly one of :disconnected, :connecting, :connected, :reconnecting, :failed on the node. */
    public static void showState(Node node, ConnectionState state) {
        for (ConnectionState s : ConnectionState.values()) {
            node.pseudoClassStateChanged(pseudoClass(s), s == state);
        }
    }

    private static PseudoClass pseudoClass(ConnectionState state) {
        return PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT));
    }
}
