package io.mqttworkbench;

import io.mqttworkbench.cli.WorkbenchCommand;
import io.mqttworkbench.ui.workspace.WindowOptions;
import io.mqttworkbench.ui.workspace.WorkbenchLauncher;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * One jar, two faces: without arguments it opens the desktop application, with a subcommand
 * ({@code sub}, {@code pub}, {@code broker}...) it runs headless for scripts and CI pipelines.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] typed) {
        String[] args = CommandLineArguments.asTyped(typed);
        AppDirectories directories = AppDirectories.detect();
        // Read by logback.xml; must be set before the first logger is created.
        System.setProperty("mqttworkbench.logdir", directories.logDir().toString());
        // Our own name: HiveMQ's jar ships a logback.xml of its own, which must not win.
        System.setProperty("logback.configurationFile", "io/mqttworkbench/logback-app.xml");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();

        // Window options (--config-dir, --connect, --stats-file, --smoke-test) open the window; anything else is a subcommand.
        if (WindowOptions.areForTheWindow(args)) {
            System.exit(WorkbenchLauncher.launch(directories, args));
        }
        System.exit(WorkbenchCommand.run(args));
    }
}
