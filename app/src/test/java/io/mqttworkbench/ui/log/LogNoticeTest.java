package io.mqttworkbench.ui.log;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.message.ConnectionGaps;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.message.StoreCounts;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import io.mqttworkbench.ui.common.UiStyles;
import io.mqttworkbench.ui.workspace.ScriptedDialogs;
import io.mqttworkbench.ui.workspace.Theme;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The log's notice (an export's outcome) in the app's notice bar: padded, dismissible, gone by itself after a while. */
@ExtendWith(ApplicationExtension.class)
class LogNoticeTest {
    private final DecoderRegistry decoders = new DecoderRegistry();
    private final MessageStore store = new MessageStore();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MessageLogViewModel log;
    private MessageActions actions;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        log = new MessageLogViewModel(store, decoders, Runnable::run, Runnable::run, () -> 0, new ConnectionGaps(10), Texts.english());
        SubscriptionsViewModel subscriptions = new SubscriptionsViewModel(List.of(), () -> null, () -> null, Runnable::run, saved -> { }, gate -> { }, Texts.english());
        MessagesPaneFixture pane = MessagesPaneFixture.of(store, decoders, log, subscriptions, dialogs, 900);
        actions = pane.actions();
        Scene scene = pane.scene();
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void anExportsOutcomeIsANoticeBarThatCanBeDismissedAndGoesByItself(FxRobot robot, @TempDir Path out) throws Exception {
        store.append(new ReceivedMessage("plant/a", "1".getBytes(StandardCharsets.UTF_8), 0, false, false, 1, 1, null));
        Path file = out.resolve("m.jsonl");
        dialogs.files.push(Optional.of(file));
        robot.interact(() -> actions.exportMessages(List.of(store.get(store.firstSequence())), ExportFormat.JSON_LINES));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readAllLines(file)).hasSize(1);

        Label text = robot.lookup("#logNotice").queryAs(Label.class);
        assertThat(text.getText()).startsWith("Exported 1 messages");
        assertThat(text.getParent().getStyleClass()).as("in the app's notice bar").contains("notice-bar");
        HBox bar = (HBox) text.getParent();
        assertThat(bar.isVisible()).isTrue();
        assertThat(bar.getPadding().getLeft()).as("not flush against the edge").isGreaterThan(4);
        assertThat(bar.getPadding().getTop()).isGreaterThan(2);
        Button dismiss = robot.lookup("#logNoticeDismiss").queryAs(Button.class);
        assertThat(dismiss.isVisible()).isTrue();
        assertThat(dismiss.getWidth()).isGreaterThan(Region.USE_COMPUTED_SIZE);

        robot.clickOn(dismiss);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar.isVisible()).isFalse();
        assertThat(log.noticeProperty().get()).isEmpty();

        // an outcome left alone goes once the frames have shown it long enough
        robot.interact(() -> log.applyCaps());
        assertThat(bar.isVisible()).isTrue();
        long now = System.nanoTime();
        robot.interact(() -> {
            log.onFrame(now);
            log.onFrame(now + java.time.Duration.ofMinutes(1).toNanos()); // gone within a minute
        });
        assertThat(bar.isVisible()).isFalse();
    }
}
