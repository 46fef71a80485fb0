package io.mqttworkbench.ui.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The options the window takes on the command line: {@code --config-dir DIR}, {@code --connect PROFILE}
 * (open and connect that profile at start, for desktop shortcuts and scripts), {@code --stats-file FILE}
 * (see {@link WindowStats}) and {@code --smoke-test}. Each takes its value as the next argument or after '='.
 */
public final class WindowOptions {
    public static final String CONFIG_DIR = "--config-dir";
    public static final String CONNECT = "--connect";
    public static final String STATS_FILE = "--stats-file";
    public static final String SMOKE_TEST = "--smoke-test";
    private static final Set<String> ALL = Set.of(CONFIG_DIR, CONNECT, STATS_FILE, SMOKE_TEST);

    private WindowOptions() {
    }

    /** Whether the arguments are for the window rather than a subcommand. */
    public static boolean areForTheWindow(String[] arguments) {
        return arguments.length == 0 || ALL.stream().anyMatch(o -> arguments[0].equals(o) || arguments[0].startsWith(o + "="));
    }

    static Optional<String> value(List<String> arguments, String option) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.startsWith(option + "=")) {
                return Optional.of(argument.substring(option.length() + 1));
            }
            if (argument.equals(option) && i + 1 < arguments.size()) {
                return Optional.of(arguments.get(i + 1));
            }
        }
        return Optional.empty();
    }

    static Optional<Path> path(List<String> arguments, String option) {
        return value(arguments, option).map(Path::of);
    }
}
