package io.mqttworkbench.ui.tree;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.topic.TopicTree;
import io.mqttworkbench.ui.common.UiStyles;
import io.mqttworkbench.ui.workspace.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The chart of a topic as drawn: its axes with no, one and many numbers (headless, Monocle). */
@ExtendWith(ApplicationExtension.class)
class TopicChartTest {
    private static final long NOON = 1_780_000_000_000L;

    private final TopicTree tree = new TopicTree();
    private final TopicTreeViewModel topics = new TopicTreeViewModel(tree, Texts.english());
    private final StackPane root = new StackPane();
    private TopicDetailViewModel detail;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        detail = new TopicDetailViewModel(topics, new DecoderRegistry(), Runnable::run, Runnable::run, Texts.english());
        root.getChildren().add(new TopicChart(detail).build());
        Scene scene = new Scene(root, 640, 400);
        scene.getStylesheets().add(UiStyles.stylesheet()); // as the window has it: its colours are under test too
        stage.setScene(scene);
        stage.show();
    }

    private void show(String topic, List<ReceivedMessage> messages, FxRobot robot) throws Exception {
        robot.interact(() -> {
            tree.addAll(messages);
            topics.selectedProperty().set(tree.find(topic));
            root.applyCss();
            root.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static NumberAxis axis(FxRobot robot, boolean time) {
        LineChart<?, ?> chart = robot.lookup("#topicChart").queryAs(LineChart.class);
        return (NumberAxis) (time ? chart.getXAxis() : chart.getYAxis());
    }

    @Test
    void oneNumberGetsAMinuteAroundItAndABandAroundItsValue(FxRobot robot) throws Exception {
        show("plant/temp", List.of(Messages.at("plant/temp", "21.5", NOON)), robot);
        NumberAxis time = axis(robot, true);
        assertThat(time.getLowerBound()).as("time axis ascending").isLessThan(time.getUpperBound());
        assertThat(time.getLowerBound()).isLessThanOrEqualTo(NOON);
        assertThat(time.getUpperBound()).isGreaterThanOrEqualTo(NOON);
        assertThat(time.getUpperBound() - time.getLowerBound()).as("about a minute, not a day").isLessThanOrEqualTo(120_000);
        NumberAxis values = axis(robot, false);
        assertThat(values.getLowerBound()).as("a band around the value, not 0..value nor a sliver").isBetween(15.0, 20.5);
        assertThat(values.getUpperBound()).isBetween(22.5, 28.0);
        assertThat(robot.lookup("#chartEmpty").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void manyNumbersSpanTheirTimesAscending(FxRobot robot) throws Exception {
        List<ReceivedMessage> messages = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            messages.add(Messages.at("plant/temp", Double.toString(20 + Math.sin(i / 5.0)), NOON + i * 2_000L));
        }
        show("plant/temp", messages, robot);
        NumberAxis time = axis(robot, true);
        assertThat(time.getLowerBound()).isBetween(NOON - 20_000.0, (double) NOON);
        assertThat(time.getUpperBound()).isBetween(NOON + 98_000.0, NOON + 118_000.0);
        NumberAxis values = axis(robot, false);
        assertThat(values.getLowerBound()).isBetween(18.0, 19.0);
        assertThat(values.getUpperBound()).isBetween(21.0, 22.0);
    }

    @Test
    void noNumbersSaySoInsteadOfEmptyAxes(FxRobot robot) throws Exception {
        show("plant/state", List.of(Messages.at("plant/state", "running", NOON)), robot);
        Label empty = robot.lookup("#chartEmpty").queryAs(Label.class);
        assertThat(empty.isVisible()).isTrue();
        assertThat(empty.getText()).isEqualTo("No numbers in this topic's messages yet");
        assertThat(robot.lookup("#topicChart").queryAs(LineChart.class).isVisible()).isFalse();
    }

    @Test
    void aFurtherFieldGetsALineOfItsOwnAndTheChartALegend(FxRobot robot) throws Exception {
        show("plant/press", List.of(Messages.at("plant/press", "{\"t\":20,\"h\":50}", NOON),
                Messages.at("plant/press", "{\"t\":21,\"h\":55}", NOON + 5_000)), robot);
        LineChart<?, ?> chart = robot.lookup("#topicChart").queryAs(LineChart.class);
        assertThat(chart.getData()).hasSize(1);
        assertThat(chart.isLegendVisible()).isFalse();
        robot.interact(() -> detail.alsoCharted().add("h"));
        assertThat(chart.getData()).extracting(XYChart.Series::getName).containsExactly("t", "h");
        assertThat(chart.isLegendVisible()).isTrue();
        robot.interact(() -> {
            root.applyCss();
            root.layout();
        });
        List<Paint> strokes = chart.lookupAll(".chart-series-line").stream().map(n -> ((Path) n).getStroke()).toList();
        assertThat(strokes).as("two lines in two colours").hasSize(2).doesNotHaveDuplicates();
        NumberAxis values = axis(robot, false);
        assertThat(values.getLowerBound()).as("both lines in view").isLessThanOrEqualTo(20);
        assertThat(values.getUpperBound()).isGreaterThanOrEqualTo(55);
    }
}
