package io.mqttworkbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirectoriesTest {

    @Test
    void followsXdgOnLinux() {
        AppDirectories dirs = AppDirectories.detect("Linux", "/home/u", Map.of());
        assertThat(dirs.configDir()).isEqualTo(Path.of("/home/u/.config/mqtt-workbench"));
        assertThat(dirs.logDir()).isEqualTo(Path.of("/home/u/.local/state/mqtt-workbench"));
        assertThat(dirs.dataDir()).isEqualTo(Path.of("/home/u/.local/share/mqtt-workbench"));
        assertThat(dirs.messagesDir(null)).isEqualTo(Path.of("/home/u/.local/share/mqtt-workbench/messages"));
        assertThat(dirs.messagesDir(Path.of("/tmp/c"))).isEqualTo(Path.of("/tmp/c/messages"));
        AppDirectories xdg = AppDirectories.detect("Linux", "/home/u", Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_STATE_HOME", "relative/ignored"));
        assertThat(xdg.configDir()).isEqualTo(Path.of("/cfg/mqtt-workbench"));
        assertThat(xdg.logDir()).isEqualTo(Path.of("/home/u/.local/state/mqtt-workbench"));
    }

    @Test
    void usesAppDataOnWindowsAndLibraryOnMac() {
        AppDirectories windows = AppDirectories.detect("Windows 11", "C:\\Users\\u", Map.of("APPDATA", "/appdata", "LOCALAPPDATA", "/local"));
        assertThat(windows.configDir()).isEqualTo(Path.of("/appdata/MQTT Workbench"));
        assertThat(windows.logDir()).isEqualTo(Path.of("/local/MQTT Workbench/logs"));
        assertThat(windows.dataDir()).isEqualTo(Path.of("/local/MQTT Workbench"));
        AppDirectories mac = AppDirectories.detect("Mac OS X", "/Users/u", Map.of());
        assertThat(mac.configDir()).isEqualTo(Path.of("/Users/u/Library/Application Support/MQTT Workbench"));
        assertThat(mac.logDir()).isEqualTo(Path.of("/Users/u/Library/Logs/MQTT Workbench"));
    }

    @Test
    void environmentVariablesWin() {
        AppDirectories dirs = AppDirectories.detect("Linux", "/home/u",
                Map.of(AppDirectories.CONFIG_DIR_VARIABLE, "/tmp/cfg", AppDirectories.LOG_DIR_VARIABLE, "/tmp/logs"));
        assertThat(dirs.configDir()).isEqualTo(Path.of("/tmp/cfg"));
        assertThat(dirs.logDir()).isEqualTo(Path.of("/tmp/logs"));
        assertThat(dirs.dataDir()).isEqualTo(Path.of("/tmp/cfg"));
        assertThat(AppDirectories.detect("Linux", "/home/u", Map.of(AppDirectories.DATA_DIR_VARIABLE, "/big")).dataDir()).isEqualTo(Path.of("/big"));
    }
}
