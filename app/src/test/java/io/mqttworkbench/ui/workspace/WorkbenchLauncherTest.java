package io.mqttworkbench.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the jar says when JavaFX cannot open a window. */
class WorkbenchLauncherTest {

    private static final Path LOG = Path.of("/home/ada/.local/state/mqtt-workbench/mqtt-workbench.log");

    @Test
    void withoutGtkItSaysTheWindowNeedsGtk3AndHowToInstallIt() {
        // JavaFX's words on Linux when libgtk-3 is missing
        String message = WorkbenchLauncher.cannotOpenWindow("Unable to load glass GTK library.", LOG);

        assertThat(message).hasLineCount(1)
                .startsWith("mqtt-workbench: cannot open a window (Unable to load glass GTK library.).")
                .contains("GTK 3", "sudo apt-get install libgtk-3-0", "sudo dnf install gtk3", "distribution's GTK 3 package")
                .contains("mqtt-workbench sub --help")
                .endsWith("Log: " + LOG);
    }

    @Test
    void withoutADisplayItPointsToTheSubcommandsAndSaysNothingOfGtk() {
        String message = WorkbenchLauncher.cannotOpenWindow("Unable to open DISPLAY", LOG);

        assertThat(message).isEqualTo("mqtt-workbench: cannot open a window (Unable to open DISPLAY)."
                + " On a machine without a display use a subcommand, for example 'mqtt-workbench sub --help'. Log: " + LOG);
    }
}
