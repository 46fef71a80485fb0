package io.mqttworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import io.mqttworkbench.decode.ProtoSchemas;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.topic.SubscriptionKind;
import io.mqttworkbench.topic.TopicTree;
import io.mqttworkbench.ui.broker.BrokerStatsPane;
import io.mqttworkbench.ui.broker.BrokerStatsViewModel;
import io.mqttworkbench.ui.workspace.ScriptedDialogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The shared widgets and the Broker tab in Simplified Chinese: the Protobuf schemas dialog, the subscribe
 * form's problems and a subscription's state, and the broker's figures, built with {@link Texts#simplifiedChinese()}.
 */
@ExtendWith(ApplicationExtension.class)
class ChineseCommonTextsTest {

    @Start
    void start(Stage stage) {
        // no window: the panes are built and read on the JavaFX thread
    }

    @Test
    void theProtobufSchemasDialogSpeaksChinese(FxRobot robot, @TempDir Path dir) throws Exception {
        Path desc = dir.resolve("orders.desc");
        Files.write(desc, FileDescriptorSet.newBuilder().addFile(FileDescriptorProto.newBuilder().setName("orders.proto").setPackage("acme")
                .addMessageType(DescriptorProto.newBuilder().setName("Order")).addMessageType(DescriptorProto.newBuilder().setName("Refund"))
                .build()).build().toByteArray());
        ProtoSchemasViewModel vm = new ProtoSchemasViewModel(new ProtoSchemas(), new ScriptedDialogs(), Runnable::run, Runnable::run, "orders/#",
                what -> { }, Texts.simplifiedChinese());
        AtomicReference<Parent> content = new AtomicReference<>();
        robot.interact(() -> content.set(new ProtoSchemasDialog(vm).content()));

        TableView<?> table = (TableView<?>) content.get().lookup("#protobufSchemas");
        assertThat(table.getColumns()).extracting(TableColumn::getText).containsExactly("主题", "消息类型", "描述符集", "状态");
        assertThat(((Label) table.getPlaceholder()).getText()).isEqualTo("暂无 Schema：请在下方添加。");
        assertThat(((Button) content.get().lookup("#addSchema")).getText()).isEqualTo("添加 Schema");
        assertThat(((Button) content.get().lookup("#removeSchema")).getText()).isEqualTo("移除");

        robot.interact(() -> vm.readFile(desc));
        assertThat(vm.statusProperty().get()).isEqualTo("orders.desc 包含 2 个消息类型：请选择这些主题携带的类型");
    }

    @Test
    void theSubscribeFormAndTheBrokerTabSpeakChinese(FxRobot robot) {
        Texts chinese = Texts.simplifiedChinese();
        SubscriptionsViewModel subscriptions = new SubscriptionsViewModel(List.of(), () -> null, () -> null, Runnable::run, saved -> { },
                gate -> { }, chinese);
        subscriptions.form().kindProperty().set(SubscriptionKind.SHARED);
        assertThat(subscriptions.form().problemProperty().get()).isEqualTo("共享订阅需要填写分组名称");
        subscriptions.form().kindProperty().set(SubscriptionKind.NORMAL);

        TopicTree tree = new TopicTree();
        BrokerStatsViewModel stats = new BrokerStatsViewModel(tree, subscriptions, chinese);
        AtomicReference<Parent> pane = new AtomicReference<>();
        robot.interact(() -> {
            pane.set((Parent) new BrokerStatsPane(stats).build());
            new Scene(pane.get()).getRoot().applyCss(); // the scroll pane's skin puts its content among the nodes looked up
        });
        assertThat(stats.headingProperty().get()).isEqualTo("暂无服务器统计数据");
        assertThat(((Button) pane.get().lookup("#subscribeToSys")).getText()).isEqualTo("订阅 $SYS/#");

        robot.interact(() -> assertThat(stats.subscribeToSys()).isTrue());
        assertThat(subscriptions.rows()).extracting(r -> r.resultProperty().get()).containsExactly("连接后订阅");

        tree.addAll(emqx("emqx@a", "emqx@b"));
        robot.interact(() -> {
            stats.onFrame(System.nanoTime() + 1_000_000_000L);
            pane.get().applyCss();
        });
        assertThat(stats.headingProperty().get()).startsWith("EMQX · 2 个节点 · 更新于 ");
        List<String> shown = new ArrayList<>();
        pane.get().lookupAll(".label").forEach(n -> shown.add(((Label) n).getText()));
        assertThat(shown).contains("服务器统计", "节点 emqx@a", "版本", "运行时间", "2 小时 1 分钟", "已连接客户端", "1,234");
        assertThat(pane.get().lookupAll(".stat-name")).extracting(n -> ((Label) n).getText()).doesNotContain("Version", "Clients connected");

        BrokerStatsViewModel english = new BrokerStatsViewModel(tree, new SubscriptionsViewModel(List.of(), () -> null, () -> null,
                Runnable::run, saved -> { }, gate -> { }, Texts.english()), Texts.english());
        assertThat(english.headingProperty().get()).startsWith("EMQX · 2 nodes · updated ");
    }

    private static List<ReceivedMessage> emqx(String... nodes) {
        List<ReceivedMessage> batch = new ArrayList<>();
        long millis = 1_780_000_000_000L;
        for (String node : nodes) {
            for (String[] figure : new String[][] {{"version", "5.8.0"}, {"uptime", "7260000"}, {"stats/connections/count", "1234"}}) {
                byte[] payload = figure[1].getBytes(StandardCharsets.UTF_8);
                batch.add(new ReceivedMessage("$SYS/brokers/" + node + "/" + figure[0], payload, 0, false, false, System.nanoTime(), millis,
                        MessageProperties.NONE));
            }
        }
        return batch;
    }
}
