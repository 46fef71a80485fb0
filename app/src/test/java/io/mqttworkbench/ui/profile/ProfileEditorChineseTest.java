package io.mqttworkbench.ui.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.LastWill;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.profile.ConnectionProbe;
import io.mqttworkbench.profile.FieldCheck;
import io.mqttworkbench.profile.JwtRequest;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.ui.common.Texts;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The profile editor speaks the interface language: tabs, buttons, labels and the texts it makes, numbers included. */
@ExtendWith(ApplicationExtension.class)
class ProfileEditorChineseTest {

    /** A profile whose will payload is 1,500 bytes that are not text, so the editor says how many it keeps. */
    private static Profile withBinaryWill() {
        byte[] binary = new byte[1500];
        binary[0] = (byte) 0xff;
        return Profile.builder("Line 4 PLC", ConnectionSettings.builder(BrokerUrl.parse("mqtt://127.0.0.1:1883"))
                .lastWill(new LastWill("plant/line4/status", binary, 1, false, MessageProperties.NONE, null)).build()).build();
    }

    private static Region editor(Texts texts) throws Exception {
        ProfileEditorViewModel viewModel = new ProfileEditorViewModel(withBinaryWill(), false, Runnable::run, Runnable::run, texts);
        viewModel.will.userProperties.textProperty().set("site=Berlin\nline=4\nbroken");
        ProfileEditorView view = new ProfileEditorView(viewModel,
                profile -> CompletableFuture.completedFuture(new ConnectionProbe.Result(true, "")), Runnable::run);
        Region[] root = new Region[1];
        WaitForAsyncUtils.asyncFx(() -> root[0] = (Region) view.build(new Dialog<>())).get();
        return root[0];
    }

    private static List<String> tabs(Region root) {
        return root.lookupAll(".tab-pane").stream().map(TabPane.class::cast).findFirst().orElseThrow()
                .getTabs().stream().map(Tab::getText).toList();
    }

    /** Every label: the header's, then every tab's (a tab's content is not a child until shown, so each is searched). */
    private static List<String> labels(Region root) {
        TabPane tabPane = (TabPane) root.lookup("#profileEditorTabs");
        List<String> found = new java.util.ArrayList<>(labelsIn(root));
        tabPane.getTabs().forEach(tab -> found.addAll(labelsIn(tab.getContent())));
        return found;
    }

    private static List<String> labelsIn(Node node) {
        List<String> found = new java.util.ArrayList<>();
        if (node instanceof Label label) {
            found.add(label.getText());
        }
        if (node instanceof javafx.scene.control.ScrollPane scroll) {
            found.addAll(labelsIn(scroll.getContent()));
        }
        if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> found.addAll(labelsIn(child)));
        }
        return found;
    }

    @Test
    void inChineseTheEditorsWordsAreTheBundles() throws Exception {
        Region root = editor(Texts.simplifiedChinese());

        assertThat(tabs(root)).containsExactly("连接", "认证", "TLS", "会话", "遗嘱消息", "订阅", "历史记录");
        assertThat(((Button) root.lookup("#testConnection")).getText()).isEqualTo("测试连接");
        assertThat(labels(root)).contains("编辑连接配置：Line 4 PLC", "名称", "主机", "用户名", "客户端 ID", "会话过期间隔（秒）",
                "二进制，1,500 字节：除非改写，否则按导入时的内容原样保留", "第 3 行：每行写一个 key=value", "连接时订阅", "保留时长");
        ComboBox<Object> age = cast(nodeWithId(root, "historyAgeUnit"));
        assertThat(age.getConverter().toString(age.getValue())).isEqualTo("天");
        assertThat(JwtGeneratorDialog.request("x".repeat(32), JwtRequest.Algorithm.HS256, "", "role=admin\nbroken", "",
                Texts.simplifiedChinese())).isEqualTo(FieldCheck.error("额外声明第 2 行：请写成 key=value"));
    }

    @Test
    void inEnglishTheSameEditorStaysEnglish() throws Exception {
        Region root = editor(Texts.english());

        assertThat(tabs(root)).containsExactly("Connection", "Authentication", "TLS", "Session", "Last will", "Subscriptions", "History");
        assertThat(((Button) root.lookup("#testConnection")).getText()).isEqualTo("Test connection");
        assertThat(labels(root)).contains("Edit profile: Line 4 PLC", "Name", "Binary, 1,500 bytes: kept exactly as imported unless you type over it",
                "Line 3: write one key=value per line");
    }

    /** The node with {@code id} inside any tab. */
    private static Node nodeWithId(Region root, String id) {
        TabPane tabPane = (TabPane) root.lookup("#profileEditorTabs");
        return tabPane.getTabs().stream().map(tab -> ((javafx.scene.control.ScrollPane) tab.getContent()).getContent().lookup("#" + id))
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
