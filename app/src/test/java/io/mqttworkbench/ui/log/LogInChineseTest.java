package io.mqttworkbench.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.message.ConnectionGaps;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.workspace.ScriptedDialogs;
import io.mqttworkbench.ui.workspace.Theme;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The message log, its detail and the timeline speak the interface language: the pane built with the
 * Simplified Chinese texts shows the Chinese words from the bundle (a button, the column headers, the
 * counts with their figure, a search's summary, a property's name), and built with English, English.
 */
@ExtendWith(ApplicationExtension.class)
class LogInChineseTest {
    private static final int MESSAGES = 1_234;

    private final DecoderRegistry decoders = new DecoderRegistry();

    /** The log of {@value #MESSAGES} messages, every tenth on plant/hot, in a window of its own; the first message selected. */
    private MessagesPaneFixture show(FxRobot robot, Texts texts, MessageLogViewModel[] log) {
        MessageStore store = new MessageStore();
        List<ReceivedMessage> batch = new ArrayList<>();
        MessageProperties withType = new MessageProperties("application/json", null, null, null, null, List.of(), List.of(), null);
        for (int i = 0; i < MESSAGES; i++) {
            batch.add(new ReceivedMessage(i % 10 == 0 ? "plant/hot" : "plant/a", ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), 0, false,
                    false, i, 1_000L + i, withType));
        }
        store.append(batch);
        log[0] = new MessageLogViewModel(store, decoders, Runnable::run, Runnable::run, () -> 0, new ConnectionGaps(10), texts);
        SubscriptionsViewModel subscriptions = new SubscriptionsViewModel(List.of(), () -> null, () -> null, Runnable::run, saved -> { }, gate -> { },
                texts);
        MessagesPaneFixture[] pane = new MessagesPaneFixture[1];
        robot.interact(() -> {
            Theme.LIGHT.apply();
            pane[0] = MessagesPaneFixture.of(store, decoders, log[0], subscriptions, new ScriptedDialogs(), 1000);
            Stage stage = new Stage();
            stage.setScene(pane[0].scene());
            stage.show();
            log[0].onFrame(System.nanoTime());
            log[0].selectedProperty().set(store.get(store.firstSequence()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return pane[0];
    }

    private static List<String> headers(Scene scene) {
        TableView<?> table = (TableView<?>) scene.lookup("#messageTable");
        return table.getColumns().stream().map(TableColumn::getText).toList();
    }

    @Test
    void inChineseTheLogReadsTheChineseBundle(FxRobot robot) {
        MessageLogViewModel[] log = new MessageLogViewModel[1];
        MessagesPaneFixture pane = show(robot, Texts.simplifiedChinese(), log);
        Scene scene = pane.scene();

        assertThat(((ToggleButton) scene.lookup("#pauseToggle")).getText()).isEqualTo("暂停");
        assertThat(headers(scene)).contains("时间", "主题", "订阅", "载荷");
        assertThat(((Label) scene.lookup("#messageCounts")).getText()).startsWith("已接收 1,234 条 · ");
        assertThat(((Label) scene.lookup("#timelineSummary")).getText()).startsWith("1,234 条消息，");
        assertThat(pane.detail().properties()).extracting(MessageDetailViewModel.PropertyRow::name).containsExactly("内容类型");

        robot.interact(() -> {
            log[0].topicFilterProperty().set("plant/hot");
            log[0].applyQuery();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((Label) scene.lookup("#logQuerySummary")).getText()).isEqualTo("1,234 条消息中有 124 条匹配");

    }

    @Test
    void inEnglishTheSameLogReadsEnglish(FxRobot robot) {
        MessageLogViewModel[] log = new MessageLogViewModel[1];
        MessagesPaneFixture pane = show(robot, Texts.english(), log);
        Scene scene = pane.scene();

        assertThat(((ToggleButton) scene.lookup("#pauseToggle")).getText()).isEqualTo("Pause");
        assertThat(headers(scene)).contains("Time", "Topic", "Subscription", "Payload");
        assertThat(((Label) scene.lookup("#messageCounts")).getText()).startsWith("1,234 received · ");
        assertThat(((Label) scene.lookup("#timelineSummary")).getText()).startsWith("1,234 messages, ");
        assertThat(pane.detail().properties()).extracting(MessageDetailViewModel.PropertyRow::name).containsExactly("Content type");
    }
}
