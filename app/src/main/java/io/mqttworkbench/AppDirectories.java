package io.mqttworkbench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the application keeps its files, following each operating system's conventions: XDG folders
 * on Linux, %APPDATA% / %LOCALAPPDATA% on Windows, ~/Library on macOS. Environment variables override
 * each folder (tests and portable installs use them).
 *
 * @param dataDir where the message history lives: data that can be large and can be rebuilt, kept apart from
 *     the settings (on Linux ~/.local/share, not ~/.config, so a backup of settings does not carry gigabytes)
 */
public record AppDirectories(Path configDir, Path logDir, Path dataDir) {

    public static final String CONFIG_DIR_VARIABLE = "MQTT_WORKBENCH_CONFIG_DIR";
    public static final String LOG_DIR_VARIABLE = "MQTT_WORKBENCH_LOG_DIR";
    public static final String DATA_DIR_VARIABLE = "MQTT_WORKBENCH_DATA_DIR";
    private static final String APP_FOLDER = "mqtt-workbench";
    private static final String APP_FOLDER_TITLE = "MQTT Workbench";

    /** The folders for this machine and user. */
    public static AppDirectories detect() {
        return detect(System.getProperty("os.name", ""), System.getProperty("user.home", "."), System.getenv());
    }

    static AppDirectories detect(String osName, String home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path homePath = Path.of(home);
        Path config;
        Path logs;
        Path data;
        if (os.contains("win")) {
            Path roaming = env.containsKey("APPDATA") ? Path.of(env.get("APPDATA")) : homePath.resolve("AppData").resolve("Roaming");
            Path local = env.containsKey("LOCALAPPDATA") ? Path.of(env.get("LOCALAPPDATA")) : homePath.resolve("AppData").resolve("Local");
            config = roaming.resolve(APP_FOLDER_TITLE);
            logs = local.resolve(APP_FOLDER_TITLE).resolve("logs");
            data = local.resolve(APP_FOLDER_TITLE); // not roaming: it may hold gigabytes
        } else if (os.contains("mac")) {
            config = homePath.resolve("Library").resolve("Application Support").resolve(APP_FOLDER_TITLE);
            logs = homePath.resolve("Library").resolve("Logs").resolve(APP_FOLDER_TITLE);
            data = config;
        } else {
            config = xdg(env, "XDG_CONFIG_HOME", homePath.resolve(".config")).resolve(APP_FOLDER);
            logs = xdg(env, "XDG_STATE_HOME", homePath.resolve(".local").resolve("state")).resolve(APP_FOLDER);
            data = xdg(env, "XDG_DATA_HOME", homePath.resolve(".local").resolve("share")).resolve(APP_FOLDER);
        }
        if (notBlank(env.get(CONFIG_DIR_VARIABLE))) {
            config = Path.of(env.get(CONFIG_DIR_VARIABLE));
            data = config; // a portable install keeps everything together
        }
        if (notBlank(env.get(DATA_DIR_VARIABLE))) {
            data = Path.of(env.get(DATA_DIR_VARIABLE));
        }
        if (notBlank(env.get(LOG_DIR_VARIABLE))) {
            logs = Path.of(env.get(LOG_DIR_VARIABLE));
        }
        return new AppDirectories(config, logs, data);
    }

    /**
     * Where the message history of a configuration folder lives: beside it when the folder was chosen
     * (--config-dir), else in the data folder.
     */
    public Path messagesDir(Path chosenConfigDir) {
        return (chosenConfigDir != null ? chosenConfigDir : dataDir).resolve("messages");
    }

    private static Path xdg(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        // The XDG specification says relative paths are invalid and must be ignored.
        return notBlank(value) && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
