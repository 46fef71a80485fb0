package io.mqttworkbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The installer inputs in packaging/: the Linux menu entry is valid, and every platform's jpackage
 * argument files are complete and point at files that exist, including the Windows and macOS ones that
 * are never built on this machine.
 */
class PackagingTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path PACKAGING = ROOT.resolve("packaging");
    private static final Pattern ARGUMENT = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    @Test
    void theLinuxMenuEntryIsValidOnceJpackageFillsItIn() throws Exception {
        String template = Files.readString(PACKAGING.resolve("linux/resources/MQTT Workbench.desktop"));
        // what jpackage writes in place of its placeholders for a package named mqtt-workbench
        String entry = template.replace("APPLICATION_LAUNCHER", "\"/opt/mqtt-workbench/bin/MQTT Workbench\"")
                .replace("APPLICATION_ICON", "/opt/mqtt-workbench/lib/MQTT_Workbench.png");
        Map<String, String> keys = desktopKeys(entry);
        assertThat(keys).containsEntry("Type", "Application").containsEntry("Name", "MQTT Workbench")
                .containsEntry("Categories", "Development;Network;").containsEntry("Terminal", "false")
                .doesNotContainKey("MimeType");
        assertThat(keys.get("Exec")).isEqualTo("\"/opt/mqtt-workbench/bin/MQTT Workbench\"");
        // JavaFX names the window's WM_CLASS after the Application class; desktops match it to the entry
        assertThat(keys.get("StartupWMClass")).isEqualTo("io.mqttworkbench.ui.workspace.WorkbenchApplication");

        Path validator = Path.of("/usr/bin/desktop-file-validate");
        if (Files.isExecutable(validator)) { // installed by .ci/run; the checks above run everywhere
            Path file = Files.createTempFile("mqtt-workbench", ".desktop");
            try {
                Files.writeString(file, entry);
                Process process = new ProcessBuilder(validator.toString(), file.toString()).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                // Hints are advice; the one it gives (two main categories) is what the entry is asked to have.
                assertThat(output.lines().filter(line -> !line.contains(": hint: "))).as("desktop-file-validate says").isEmpty();
                assertThat(process.exitValue()).isZero();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void everyPlatformHasCompleteArgumentFilesThatPointAtRealFiles() throws Exception {
        Map<String, List<String>> common = options("common.jpackage");
        assertThat(common.get("--name")).containsExactly("MQTT Workbench");
        assertThat(common).containsKeys("--vendor", "--description", "--copyright", "--main-jar", "--main-class", "--java-options");
        assertThat(common.get("--main-class")).containsExactly(Main.class.getName());
        assertThat(options("installer.jpackage").get("--license-file")).containsExactly("LICENSE");
        assertThat(ROOT.resolve("LICENSE")).isRegularFile();

        for (String platform : List.of("linux", "windows", "macos")) {
            Map<String, List<String>> app = options(platform + "/app.jpackage");
            Map<String, List<String>> installer = options(platform + "/installer.jpackage");
            assertThat(app.get("--icon")).as(platform + " icon").hasSize(1);
            List<String> files = new ArrayList<>(app.get("--icon"));
            installer.getOrDefault("--resource-dir", List.of()).forEach(files::add);
            app.getOrDefault("--add-launcher", List.of()).forEach(launcher -> files.add(launcher.substring(launcher.indexOf('=') + 1)));
            for (String file : files) {
                assertThat(ROOT.resolve(file)).as(platform + " refers to " + file).exists();
            }
        }
        assertThat(options("linux/installer.jpackage")).containsKeys("--linux-package-name", "--linux-shortcut", "--linux-menu-group");
        assertThat(options("linux/installer.jpackage").get("--linux-menu-group")).containsExactly("Development;Network;");
        Map<String, List<String>> windows = options("windows/installer.jpackage");
        assertThat(windows.get("--win-upgrade-uuid").get(0)).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(windows).containsKeys("--win-menu", "--win-per-user-install", "--win-shortcut");
        assertThat(options("macos/app.jpackage").get("--mac-package-identifier")).containsExactly("io.mqttworkbench.workbench");
    }

    @Test
    void theIconsThePlatformsNeedAreThere() throws IOException {
        Path icons = ROOT.resolve("icons");
        for (int size : List.of(16, 24, 32, 48, 64, 128, 256, 512)) {
            byte[] png = Files.readAllBytes(icons.resolve("mqtt-workbench-" + size + ".png"));
            // width and height from the PNG header
            int width = ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
            int height = ((png[20] & 0xff) << 24) | ((png[21] & 0xff) << 16) | ((png[22] & 0xff) << 8) | (png[23] & 0xff);
            assertThat(width).as(size + " px icon").isEqualTo(size);
            assertThat(height).isEqualTo(size);
        }
        byte[] ico = Files.readAllBytes(icons.resolve("mqtt-workbench.ico"));
        assertThat(ico[2]).as("ICO type").isEqualTo((byte) 1);
        assertThat(ico[4] & 0xff).as("images in the .ico").isGreaterThanOrEqualTo(6);
        byte[] icns = Files.readAllBytes(icons.resolve("mqtt-workbench.icns"));
        assertThat(new String(icns, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
    }

    /** The options of a jpackage argument file, by name, in order; quotes as jpackage reads them. */
    private static Map<String, List<String>> options(String file) throws IOException {
        Map<String, List<String>> options = new LinkedHashMap<>();
        String current = null;
        for (String line : Files.readAllLines(PACKAGING.resolve(file))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = ARGUMENT.matcher(line);
            while (m.find()) {
                String word = m.group(1) != null ? m.group(1) : m.group(2);
                if (word.startsWith("--") && m.group(1) == null) {
                    current = word;
                    options.computeIfAbsent(current, k -> new ArrayList<>());
                } else {
                    options.get(current).add(word);
                }
            }
        }
        return options;
    }

    private static Map<String, String> desktopKeys(String entry) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : entry.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0 && !line.startsWith("#")) {
                keys.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return keys;
    }
}
