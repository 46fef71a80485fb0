package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.AppDirectories;
import javafx.application.Application;

/** Opens the desktop application; the only way the rest of the code reaches JavaFX. */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    /** Runs the GUI until its window closes; returns the process exit code. */
    public static int launch(AppDirectories directories, String[] args) {
        try {
            Application.launch(WorkbenchApplication.class, args);
            return 0;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // Typically "Unable to open DISPLAY": say what to do instead of printing a stack trace.
            System.err.println("mqtt-workbench: cannot open a window (" + e.getMessage() + ")."
                    + " On a machine without a display use a subcommand, for example 'mqtt-workbench sub --help'."
                    + " Log: " + directories.logDir().resolve("mqtt-workbench.log"));
            return 1;
        }
    }
}
