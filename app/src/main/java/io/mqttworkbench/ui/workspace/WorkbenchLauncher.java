package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.AppDirectories;
import java.nio.file.Path;
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
            System.err.println(cannotOpenWindow(e.getMessage(), directories.logDir().resolve("mqtt-workbench.log")));
            return 1;
        }
    }

    /**
     * What to print when JavaFX cannot open a window, typically "Unable to open DISPLAY": what to do instead of
     * a stack trace.
     */
    static String cannotOpenWindow(String reason, Path log) {
        // JavaFX draws its windows with GTK 3 on Linux, a library desktops have but servers and containers often lack.
        String gtk = reason != null && reason.contains("GTK")
                ? " The window needs GTK 3: install it with 'sudo apt-get install libgtk-3-0' (Debian, Ubuntu)," // untranslated: printed to the terminal before any window or bundle
                        + " 'sudo dnf install gtk3' (Fedora) or the distribution's GTK 3 package." // untranslated: printed to the terminal before any window or bundle
                : "";
        return "mqtt-workbench: cannot open a window (" + reason + ")." + gtk // untranslated: printed to the terminal before any window or bundle
                + " On a machine without a display use a subcommand, for example 'mqtt-workbench sub --help'." // untranslated: printed to the terminal before any window or bundle
                + " Log: " + log; // untranslated: printed to the terminal before any window or bundle
    }
}
