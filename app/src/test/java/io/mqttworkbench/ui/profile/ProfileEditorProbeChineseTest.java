package io.mqttworkbench.ui.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerCapabilities;
import io.mqttworkbench.profile.ConnectionProbe;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import io.mqttworkbench.ui.workspace.Theme;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Test connection" in a Chinese window: the broker's answer reads in Chinese. */
@ExtendWith(ApplicationExtension.class)
class ProfileEditorProbeChineseTest {

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        ProfileEditorViewModel viewModel = new ProfileEditorViewModel(Profile.sandbox(), false, Runnable::run, Runnable::run, Texts.simplifiedChinese());
        BrokerCapabilities announced = BrokerCapabilities.v3Defaults(false);
        ProfileEditorView view = new ProfileEditorView(viewModel, profile -> CompletableFuture.completedFuture(
                new ConnectionProbe.Result(true, "CONNACK 0x00 Success: " + announced.summary(), announced)), Runnable::run);
        Scene scene = new Scene((Region) view.build(new Dialog<>()), 880, 600);
        scene.getStylesheets().addAll(UiStyles.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theBrokersAnswerReadsInChinese(FxRobot robot) throws Exception {
        robot.clickOn("#testConnection");
        Label result = robot.lookup("#testResult").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> result.getText().startsWith("CONNACK"));
        assertThat(result.getText()).isEqualTo("CONNACK 0x00 成功：已有会话：否，最高 QoS 2，保留消息：是");
    }
}
