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
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window in Simplified Chinese: the sidebar, the status bar and the tabs speak the bundle's words. */
@ExtendWith(ApplicationExtension.class)
class WorkspaceChineseTest {

    @TempDir
    static Path configDir;
    private MainWindowViewModel viewModel;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        // a sandbox never started: the status bar says it is stopped
        ProfileConnector connector = new ProfileConnector(new SandboxBroker());
        Texts chinese = Texts.simplifiedChinese();
        ProfilesViewModel profiles = new ProfilesViewModel(List.of(Profile.sandbox()), connector,
                new ProfileLibrary(new ProfileStore(configDir), message -> { }), new ScriptedDialogs(), Platform::runLater, Runnable::run,
                configDir.resolve("certificates"), chinese);
        viewModel = new MainWindowViewModel(profiles, connector, WorkspaceState.EMPTY, Theme.LIGHT, chinese);
        stage.setScene(new MainWindowView(viewModel).scene(1280, 800));
        viewModel.layout().sidebarCollapsedProperty().set(false);
        stage.show();
    }

    @Test
    void theSidebarTheStatusBarAndTheTabsSpeakChinese(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> viewModel.onFrame(System.nanoTime())).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#newProfile").queryButton().getTooltip().getText()).isEqualTo("新建连接配置…");
        assertThat(robot.lookup("#quickSubscribeAll").queryAs(CheckBox.class).getText()).isEqualTo("订阅 #");
        assertThat(robot.lookup("#newConnectionUrl").queryAs(TextField.class).getPromptText())
                .isEqualTo("mqtt://host:1883 或 ws://host:8083/mqtt");
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText).contains("连接配置", "快速连接");
        assertThat(robot.lookup("#sandboxStatus").queryAs(Label.class).getText()).isEqualTo("沙盒服务器已停止");
        assertThat(robot.lookup("#trafficSummary").queryAs(Label.class).getText()).isEqualTo("已连接 0 / 1 · 0 条消息/秒");
        assertThat(robot.lookup("#connectionTabs").queryAs(TabPane.class).getTabs().get(0).getContextMenu().getItems().get(1).getText())
                .isEqualTo("关闭");
    }

    @Test
    void anEmptyQuickConnectSaysWhatToTypeInChinese(FxRobot robot) {
        robot.clickOn("#addConnection");
        assertThat(robot.lookup("#newConnectionProblem").queryAs(Label.class).getText()).startsWith("请输入服务器 URL");
        assertThat(robot.lookup("#addConnection").queryAs(Button.class).getTooltip().getText()).startsWith("连接但不保存连接配置");
    }

    @Test
    void theGearOpensTheSettingsWhereAnotherLanguageWaitsForTheNextStart(FxRobot robot) {
        robot.clickOn("#openSettings");

        assertThat(robot.lookup("#languageSystem").queryAs(RadioButton.class).getText()).isEqualTo("跟随操作系统（简体中文）");
        assertThat(robot.lookup("#languageSystem").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#themeDark").queryAs(RadioButton.class).getText()).isEqualTo("深色");
        assertThat(robot.lookup("#settingsRestartNote").queryAs(Label.class).getParent().isVisible()).isFalse();

        robot.clickOn("#languageEnglish");

        Label note = robot.lookup("#settingsRestartNote").queryAs(Label.class);
        assertThat(note.getText()).isEqualTo("当前界面语言为简体中文，所选语言将在下次启动时生效；已打开的连接不受影响。");
        assertThat(note.getParent().isVisible()).isTrue();
        assertThat(viewModel.languageProperty().get()).isEqualTo(InterfaceLanguage.ENGLISH);
        robot.clickOn("#closeSheet");
        assertThat(robot.lookup("#settingsPage").tryQuery()).isEmpty();
    }
}
