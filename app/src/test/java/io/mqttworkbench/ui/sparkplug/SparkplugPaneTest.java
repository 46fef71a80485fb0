package io.mqttworkbench.ui.sparkplug;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.sparkplug.EdgeNodeMessages;
import io.mqttworkbench.sparkplug.MessageType;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import io.mqttworkbench.ui.common.UiStyles;
import io.mqttworkbench.ui.workspace.ScriptedDialogs;
import io.mqttworkbench.ui.workspace.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Sparkplug tab, headless: two edge nodes, one of them offline, and a device's metrics named although its data came by alias. */
@ExtendWith(ApplicationExtension.class)
class SparkplugPaneTest {

    private SparkplugViewModel viewModel;
    private final List<ReceivedMessage> shownInLog = new ArrayList<>();

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        SubscriptionsViewModel subscriptions = new SubscriptionsViewModel(List.of(), () -> null, () -> null, Runnable::run, saved -> { }, gate -> { }, Texts.english());
        viewModel = new SparkplugViewModel(subscriptions, request -> CompletableFuture.completedFuture(null), Runnable::run, Texts.english());
        Scene scene = new Scene((Parent) new SparkplugPane(viewModel, new ScriptedDialogs(), shownInLog::add).build(), 1000, 640);
        scene.getStylesheets().addAll(UiStyles.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsTwoNodesOneOfflineAndTheMetricsOfTheSelectedDevice(FxRobot robot) {
        EdgeNodeMessages edge1 = new EdgeNodeMessages("plant", "edge1", 0);
        EdgeNodeMessages edge2 = new EdgeNodeMessages("plant", "edge2", 0);
        List<ReceivedMessage> batch = new ArrayList<>();
        long[] clock = {1_780_000_000_000L};
        java.util.function.BiConsumer<String, byte[]> add = (topic, payload) -> {
            clock[0] += 10;
            batch.add(new ReceivedMessage(topic, payload, 0, false, false, clock[0] * 1_000_000L, clock[0], MessageProperties.NONE));
        };
        add.accept(edge1.topic(MessageType.NBIRTH, null), edge1.nbirthPayload());
        add.accept(edge1.topic(MessageType.DBIRTH, "press4"), edge1.dbirthPayload());
        add.accept(edge1.topic(MessageType.DDATA, "press4"), edge1.ddataPayload(4.5));
        edge1.skip(2);
        add.accept(edge1.topic(MessageType.DDATA, "press4"), edge1.ddataPayload(4.75));
        add.accept(edge2.topic(MessageType.NBIRTH, null), edge2.nbirthPayload());
        add.accept(edge2.topic(MessageType.NDEATH, null), edge2.ndeathPayload());
        viewModel.accept(batch);
        robot.interact(() -> viewModel.onFrame(System.nanoTime() + 10 * SparkplugViewModel.REFRESH_NANOS));

        @SuppressWarnings("unchecked")
        TreeTableView<NetworkTree.Row> tree = robot.lookup("#sparkplugTree").queryAs(TreeTableView.class);
        List<String> lines = new ArrayList<>();
        collect(tree.getRoot(), lines);
        assertThat(lines).containsExactly("plant", "edge1 ONLINE", "press4 ONLINE", "edge2 OFFLINE");
        assertThat(robot.lookup(".sparkplug-state-cell").queryAll().stream().map(n -> n.getPseudoClassStates().toString())).anyMatch(s -> s.contains("offline"));

        robot.clickOn("press4  online");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> metrics = robot.lookup("#sparkplugMetrics").queryAs(TableView.class);
        assertThat(metrics.getItems()).hasSize(3);
        assertThat(robot.lookup("#sparkplugSelected").queryLabeled().getText()).isEqualTo("plant/edge1/press4 · online");
        assertThat(robot.lookup("4.75").tryQuery()).isPresent();

        TableView<?> flags = robot.lookup("#sparkplugFlags").queryAs(TableView.class);
        assertThat(flags.getItems()).hasSize(1);
        robot.doubleClickOn("plant/edge1/press4");
        assertThat(shownInLog).singleElement().satisfies(m -> assertThat(m.topic()).isEqualTo("spBv1.0/plant/DDATA/edge1/press4"));
    }

    private static void collect(TreeItem<NetworkTree.Row> item, List<String> into) {
        for (TreeItem<NetworkTree.Row> child : item.getChildren()) {
            NetworkTree.Row row = child.getValue();
            into.add(row.label() + (row.state() == null ? "" : " " + row.state()));
            collect(child, into);
        }
    }
}
