package io.mqttworkbench.ui.workspace;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The two looks: AtlantaFX Primer Light and Primer Dark. */
public enum Theme {
    LIGHT,
    DARK;

    /** Installs the theme for the whole application; JavaFX thread only. */
    public void apply() {
        // The binary form AtlantaFX ships: loads without parsing 165 KB of CSS, a visible part of the start time.
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }
}
