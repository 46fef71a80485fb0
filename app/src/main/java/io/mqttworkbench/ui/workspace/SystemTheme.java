package io.mqttworkbench.ui.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Asks the operating system whether the user prefers a dark look. JavaFX 21 has no API for it, so this
 * reads the setting each desktop keeps (GNOME color-scheme, macOS AppleInterfaceStyle, Windows
 * AppsUseLightTheme). Any failure means light. Call it off the JavaFX thread: it runs a small process.
 */
public final class SystemTheme {
    private SystemTheme() {
    }

    static Theme detect() {
        String override = System.getenv("MQTT_WORKBENCH_THEME");
        if (override != null && !override.isBlank()) {
            return override.trim().equalsIgnoreCase("dark") ? Theme.DARK : Theme.LIGHT;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String out = run(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", // untranslated: the OS's setting names
                    "/v", "AppsUseLightTheme")); // untranslated: the OS's setting names
            return out.contains("0x0") ? Theme.DARK : Theme.LIGHT;
        }
        if (os.contains("mac")) {
            return run(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).toLowerCase(Locale.ROOT).contains("dark") // untranslated: the OS's setting names
                    ? Theme.DARK : Theme.LIGHT;
        }
        String gtkTheme = System.getenv("GTK_THEME");
        if (gtkTheme != null && gtkTheme.toLowerCase(Locale.ROOT).contains("dark")) {
            return Theme.DARK;
        }
        String scheme = run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (scheme.contains("dark")) {
            return Theme.DARK;
        }
        String gtk = run(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"));
        return gtk.toLowerCase(Locale.ROOT).contains("dark") ? Theme.DARK : Theme.LIGHT;
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (InputStream in = process.getInputStream()) {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return "";
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return ""; // the tool is not installed: no preference known
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
