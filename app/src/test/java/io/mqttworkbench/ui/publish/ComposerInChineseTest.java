package io.mqttworkbench.ui.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.topic.TopicTree;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UserPropertyRow;
import io.mqttworkbench.ui.workspace.ScriptedDialogs;
import io.mqttworkbench.ui.workspace.Theme;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Publish tab in Simplified Chinese: its buttons, labels, the side pane and what Send says come from the Chinese bundle. */
@ExtendWith(ApplicationExtension.class)
class ComposerInChineseTest {

    private PublishViewModel viewModel;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        Texts chinese = Texts.simplifiedChinese();
        viewModel = new PublishViewModel(() -> null, Platform::runLater, chinese);
        ComposerLibraryViewModel library = new ComposerLibraryViewModel(viewModel, null, null, new ScriptedDialogs(), Runnable::run, Runnable::run, chinese);
        ComposerPane pane = new ComposerPane(viewModel, library, null, new TopicTree(), new ScriptedDialogs(),
                new SimpleObjectProperty<>(ConnectionState.DISCONNECTED), Runnable::run, Platform::runLater);
        stage.setScene(new Scene((javafx.scene.Parent) pane.build(), 900, 700));
        stage.show();
    }

    @Test
    void theComposerSpeaksChinese(FxRobot robot) {
        assertThat(robot.lookup("#composerSend").queryButton().getText()).isEqualTo("发送");
        assertThat(robot.lookup("#composerRepeat").queryButton().getText()).isEqualTo("重复发送");
        assertThat(robot.lookup("#composerRetain").queryAs(CheckBox.class).getText()).isEqualTo("保留消息");
        assertThat(robot.lookup("#composerRequest").queryAs(Button.class).getText()).isEqualTo("发送并等待响应");
        assertThat(robot.lookup("#composerLibrary").queryAs(TabPane.class).getTabs()).extracting(t -> t.getText()).containsExactly("历史记录", "模板");
        assertThat(robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList()).contains("主题", "载荷");

        robot.interact(() -> viewModel.userProperties().setAll(List.of(new UserPropertyRow("a", "1"), new UserPropertyRow("b", "2"))));
        assertThat(robot.lookup("#composerProperties").queryAs(TitledPane.class).getText()).isEqualTo("MQTT 5 属性 · 2 个用户属性");

        robot.interact(() -> viewModel.payloadProperty().set("{\"n\": {{counter}}}"));
        assertThat(viewModel.previewProperty().get()).isEqualTo("下一条：{\"n\": 1}（8 B）");
        robot.interact(() -> viewModel.payloadProperty().set("{\n  \"序号\": {{counter}},\n  \"状态\": \"运行中\"\n}"));
        assertThat(viewModel.previewProperty().get()).as("a formatted payload previews on one line")
                .isEqualTo("下一条：{ \"序号\": 1, \"状态\": \"运行中\" }（42 B）");

        robot.interact(() -> viewModel.topicProperty().set("orders/1"));
        robot.interact(viewModel::publish);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#composerResult").queryAs(Label.class).getText()).isEqualTo("未连接：请先连接");
        robot.interact(() -> viewModel.messageExpiryProperty().set("12x"));
        assertThat(viewModel.problemProperty().get()).isEqualTo("消息过期间隔：需要填写整数");
    }

    @Test
    void aBadSparkplugDescriptionIsExplainedInChinese(FxRobot robot) {
        robot.interact(() -> {
            viewModel.topicProperty().set("spBv1.0/g/NCMD/n");
            viewModel.encodingProperty().set(io.mqttworkbench.publish.PayloadEncoding.SPARKPLUG);
            viewModel.payloadProperty().set("{\"seq\": 1}");
        });
        assertThat(viewModel.problemProperty().get()).isEqualTo("Sparkplug 描述需要 \"metrics\"：[{\"name\": …, \"type\": …, \"value\": …}]");
        robot.interact(() -> viewModel.payloadProperty().set("{\"metrics\": [{\"name\": \"Setpoint\", \"value\": 1}]}"));
        assertThat(viewModel.problemProperty().get()).isEqualTo("指标 Setpoint 需要 \"type\"：Boolean、Int32、Int64、Float、Double、String…");
        robot.interact(() -> viewModel.payloadProperty().set("{\"metrics\": [{\"name\": \"Setpoint\", \"type\": \"Quaternion\", \"value\": 1}]}"));
        assertThat(viewModel.problemProperty().get()).isEqualTo("未知的 Sparkplug 数据类型“Quaternion”");
        robot.interact(() -> viewModel.payloadProperty().set("{\"metrics\": [{\"name\": \"On\", \"type\": \"Int32\", \"value\": \"many\"}]}"));
        assertThat(viewModel.problemProperty().get()).isEqualTo("指标 On：“many”不是有效的 Int32");
    }
}
