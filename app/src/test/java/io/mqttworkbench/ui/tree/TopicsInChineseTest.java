package io.mqttworkbench.ui.tree;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.topic.TopicTree;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.workspace.ScriptedDialogs;
import io.mqttworkbench.ui.workspace.Theme;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The topic tree and a topic's details speak Chinese when the interface does (headless, Monocle). */
@ExtendWith(ApplicationExtension.class)
class TopicsInChineseTest {
    private static final String TOPIC = "工厂/一号线/温度";

    private final TopicTree tree = new TopicTree();
    private TopicTreeViewModel topics;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        List<ReceivedMessage> messages = new ArrayList<>();
        long hour = 3_600_000;
        long start = System.currentTimeMillis() - 1_200 * hour;
        for (int i = 0; i < 1_200; i++) { // an hour apart: the chart's last 100 span days, so its axis names them
            messages.add(Messages.at(TOPIC, "{\"温度\":" + (20 + i % 7) + ",\"状态\":\"运行中\"}", start + i * hour));
        }
        tree.addAll(messages);
        Texts chinese = Texts.simplifiedChinese();
        topics = new TopicTreeViewModel(tree, chinese);
        TopicActions actions = new TopicActions(tree, () -> null, null, topic -> { }, node -> { }, new ScriptedDialogs(), Platform::runLater,
                chinese);
        TopicDetailViewModel detail = new TopicDetailViewModel(topics, new DecoderRegistry(), Runnable::run, Runnable::run, chinese);
        HBox both = new HBox(new TopicTreeView(topics, actions).build(), new TopicDetailPane(detail).build());
        stage.setScene(new Scene(both, 1100, 600));
        stage.show();
    }

    @Test
    void theTreeTheDetailsAndTheChartReadChinese(FxRobot robot) {
        robot.interact(() -> {
            topics.onFrame(System.nanoTime());
            topics.selectedProperty().set(tree.find(TOPIC));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#topicSummary").queryAs(Label.class).getText()).startsWith("1 个主题 · 1,200 条消息 · ");
        assertThat(robot.lookup("#orderName").queryAs(ToggleButton.class).getText()).isEqualTo("名称");
        assertThat(robot.lookup("#topicDetailSummary").queryAs(Label.class).getText()).startsWith("1,200 条消息 · ")
                .contains(" 条/秒 · 最新 ");

        TabPane tabs = robot.lookup("#topicDetailTabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("值", "历史记录", "图表");
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> history = robot.lookup("#topicHistory").queryAs(TableView.class);
        assertThat(history.getColumns()).extracting(c -> c.getText()).containsExactly("时间", "大小", "载荷");

        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#chartNote").queryAs(Label.class).getText()).as("the topic keeps its last 100 in memory").isEqualTo("温度：100 个值");
        NumberAxis time = (NumberAxis) robot.lookup("#topicChart").queryAs(LineChart.class).getXAxis();
        assertThat(time.getTickLabelFormatter().toString(time.getLowerBound())).as("a day as Chinese writes it").matches("\\d+月\\d+日 \\d\\d:\\d\\d");
    }

    @Test
    void englishStaysEnglish() {
        TopicTreeViewModel english = new TopicTreeViewModel(tree, Texts.english());
        english.onFrame(System.nanoTime());
        assertThat(english.summaryProperty().get()).startsWith("1 topic · 1,200 messages · ");
    }
}
