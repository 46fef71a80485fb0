package io.mqttworkbench.ui.log;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.message.ConnectionGaps;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.message.StoreCounts;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.profile.SavedSubscription;
import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.testsupport.Mosquitto;
import io.mqttworkbench.ui.common.DecoderChoices;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import io.mqttworkbench.ui.common.UiStyles;
import io.mqttworkbench.ui.workspace.ScriptedDialogs;
import io.mqttworkbench.ui.workspace.Theme;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The message table with overlapping subscriptions {@code #} (blue) and {@code factory/+/press3/#} (green) on
 * mosquitto, which delivers a copy through each: each row's colour bar and subscription column are its own
 * subscription's, and the filter bar's toggle collapses the copies into one row.
 */
@ExtendWith(ApplicationExtension.class)
class SubscriptionColumnTest {
    private static final String BLUE = "#3B7BF6";
    private static final String GREEN = "#2DA44E";
    private final DecoderRegistry decoders = new DecoderRegistry();
    private final MessageStore store = new MessageStore();
    private Mosquitto mosquitto;
    private BrokerConnection connection;
    private MessageLogViewModel log;

    @Start
    void start(Stage stage) throws Exception {
        Theme.LIGHT.apply();
        mosquitto = Mosquitto.startOrSkip();
        connection = new BrokerConnection("columns", ConnectionSettings.builder(mosquitto.tcpUrl()).build());
        log = new MessageLogViewModel(store, decoders, Runnable::run, Runnable::run, () -> 0, new ConnectionGaps(10), Texts.english());
        SubscriptionsViewModel subscriptions = new SubscriptionsViewModel(List.of(
                new SavedSubscription(SubscriptionRequest.of("#", 0), BLUE, false),
                new SavedSubscription(SubscriptionRequest.of("factory/+/press3/#", 0), GREEN, false)),
                () -> connection, () -> connection, Runnable::run, saved -> { }, gate -> { }, Texts.english());
        log.collapse().useOrigins(subscriptions.origins()::of);
        Scene scene = MessagesPaneFixture.of(store, decoders, log, subscriptions, new ScriptedDialogs(), 1100).scene();
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<TableCell<ReceivedMessage, String>> cells(FxRobot robot, String column) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && column.equals(c.getTableColumn().getText()) && !c.isEmpty())
                .map(c -> (TableCell<ReceivedMessage, String>) c)
                .sorted(java.util.Comparator.comparingInt(TableCell::getIndex))
                .toList();
    }

    private static Color bar(TableCell<ReceivedMessage, String> topicCell) {
        return topicCell.getGraphic() instanceof Rectangle r ? (Color) r.getFill() : null;
    }

    @Test
    void eachRowWearsAndNamesItsOwnSubscriptionAndTheCopiesCollapse(FxRobot robot) throws Exception {
        connection.connect().get(15, TimeUnit.SECONDS);
        connection.subscribe(List.of(SubscriptionRequest.of("#", 0), SubscriptionRequest.of("factory/+/press3/#", 0))).get(10, TimeUnit.SECONDS);
        connection.publish(new PublishRequest("factory/line1/press3/temp", "21.5".getBytes(StandardCharsets.UTF_8), 0, false))
                .get(10, TimeUnit.SECONDS);
        store.append(Messages.await(connection.inbound(), 2, m -> true, Duration.ofSeconds(10)));
        robot.interact(() -> log.onFrame(System.nanoTime()));
        WaitForAsyncUtils.waitForFxEvents();

        List<TableCell<ReceivedMessage, String>> topics = cells(robot, "Topic");
        List<TableCell<ReceivedMessage, String>> via = cells(robot, "Subscription");
        assertThat(topics).hasSize(2);
        assertThat(via).extracting(TableCell::getText).containsExactlyInAnyOrder("#", "factory/+/press3/#");
        for (int i = 0; i < 2; i++) {
            String expected = via.get(i).getText().equals("#") ? BLUE : GREEN;
            assertThat(bar(topics.get(i))).as("row %d's colour bar", i).isEqualTo(Color.web(expected));
        }
        assertThat(via.get(0).getTooltip().getText()).contains("the broker said so");

        robot.clickOn("#logCollapseDuplicates");
        robot.interact(() -> log.onFrame(System.nanoTime() + 1_000_000_000L));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#logCollapseDuplicates").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(cells(robot, "Subscription")).extracting(TableCell::getText)
                .singleElement().isIn("×2 via #, factory/+/press3/#", "×2 via factory/+/press3/#, #");
        assertThat(log.receivedCountProperty().get()).isEqualTo(2);
    }
}
