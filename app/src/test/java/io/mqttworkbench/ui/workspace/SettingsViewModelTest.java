package io.mqttworkbench.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.profile.ProfileLibrary;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.WorkspaceState;
import io.mqttworkbench.sandbox.SandboxBroker;
import io.mqttworkbench.ui.common.InterfaceLanguage;
import io.mqttworkbench.ui.common.Texts;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings page: the language comes at the next start and says so; both choices are what the workspace file keeps. */
class SettingsViewModelTest {

    @TempDir
    Path configDir;
    private ProfileLibrary library;
    private MainWindowViewModel workspace;

    private MainWindowViewModel workspace(Texts texts) {
        ProfileConnector connector = new ProfileConnector(new SandboxBroker()); // never started
        library = new ProfileLibrary(new ProfileStore(configDir), message -> { });
        ProfilesViewModel all = new ProfilesViewModel(List.of(Profile.sandbox()), connector, library, new ScriptedDialogs(), Runnable::run,
                Runnable::run, configDir.resolve("certificates"), texts);
        workspace = new MainWindowViewModel(all, connector, WorkspaceState.EMPTY, Theme.LIGHT, texts);
        return workspace;
    }

    @AfterEach
    void shutdown() {
        workspace.shutdown();
        library.close();
    }

    private WorkspaceState capture() {
        return workspace.capture(null, null, null, null, false);
    }

    @Test
    void choosingChineseWhileTheWindowSpeaksEnglishSaysItComesAtTheNextStartAndIsKept() {
        SettingsViewModel settings = workspace(Texts.english()).settings();
        assertThat(settings.restartNoteProperty().get()).isEmpty(); // as the system, which speaks English

        settings.languageProperty().set(InterfaceLanguage.SIMPLIFIED_CHINESE);

        assertThat(settings.restartNoteProperty().get()).isEqualTo(
                "The window speaks English now: the chosen language is used from the next start. Open connections are not touched.");
        assertThat(workspace.languageProperty().get()).isEqualTo(InterfaceLanguage.SIMPLIFIED_CHINESE);
        assertThat(capture().language()).isEqualTo("zh-CN");
    }

    @Test
    void choosingTheLanguageInUseClearsTheNote() {
        SettingsViewModel settings = workspace(Texts.english()).settings();
        settings.languageProperty().set(InterfaceLanguage.SIMPLIFIED_CHINESE);

        settings.languageProperty().set(InterfaceLanguage.ENGLISH);

        assertThat(settings.restartNoteProperty().get()).isEmpty();
        assertThat(capture().language()).isEqualTo("en");
    }

    @Test
    void asTheOperatingSystemNamesTheLanguageItMeansInTheWindowsWords() {
        workspace(Texts.simplifiedChinese()).knowSystem(Locale.US, () -> CompletableFuture.completedFuture(Theme.LIGHT));
        SettingsViewModel settings = workspace.settings();

        assertThat(settings.languageName(InterfaceLanguage.SYSTEM)).isEqualTo("跟随操作系统（英语）");
        assertThat(settings.languageName(InterfaceLanguage.SIMPLIFIED_CHINESE)).isEqualTo("简体中文");
        // the system speaks English, the window Chinese (chosen last time): following the system again is a change
        settings.languageProperty().set(InterfaceLanguage.SYSTEM);
        assertThat(settings.restartNoteProperty().get()).isEqualTo("当前界面语言为简体中文，所选语言将在下次启动时生效；已打开的连接不受影响。");
        assertThat(capture().language()).isEmpty();
    }

    @Test
    void theThemeFollowsTheSystemOrIsChosenAndIsKeptEitherWay() {
        workspace(Texts.english()).knowSystem(Locale.ENGLISH, () -> CompletableFuture.completedFuture(Theme.DARK));
        SettingsViewModel settings = workspace.settings();
        assertThat(settings.themeChoiceProperty().get()).isEqualTo(SettingsViewModel.ThemeChoice.SYSTEM); // nothing chosen yet

        settings.themeChoiceProperty().set(SettingsViewModel.ThemeChoice.LIGHT);
        assertThat(capture().theme()).isEqualTo("light");

        settings.themeChoiceProperty().set(SettingsViewModel.ThemeChoice.SYSTEM);
        assertThat(workspace.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(capture().theme()).isEmpty();

        workspace.toggleTheme(); // the sidebar's switch is a choice of its own
        assertThat(capture().theme()).isEqualTo("light");
        assertThat(workspace.settings().themeChoiceProperty().get()).isEqualTo(SettingsViewModel.ThemeChoice.LIGHT);
    }
}
