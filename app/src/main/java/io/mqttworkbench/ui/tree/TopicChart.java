package io.mqttworkbench.ui.tree;

import io.mqttworkbench.ui.common.UiStyles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** A value of the selected topic over time: the payload itself when it is a number, or a JSON field picked by its path. */
public final class TopicChart {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter CLOCK_FINE = DateTimeFormatter.ofPattern("mm:ss.S").withZone(ZoneId.systemDefault());
    /** Dots on every point help to read few points and only clutter many. */
    private static final int SYMBOLS_UP_TO = 120;

    private final TopicDetailViewModel viewModel;

    TopicChart(TopicDetailViewModel viewModel) {
        this.viewModel = viewModel;
    }

    Node build() {
        ComboBox<String> path = new ComboBox<>(viewModel.chartPaths());
        path.setId("chartPath");
        path.setPromptText("Nothing to chart");
        path.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : value.isEmpty() ? "The payload (a number)" : value;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        path.valueProperty().bindBidirectional(viewModel.chartPathProperty());
        path.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(path, Priority.ALWAYS);
        Label field = new Label("Value");
        field.setMinWidth(Region.USE_PREF_SIZE);
        Label note = new Label();
        note.setId("chartNote");
        note.getStyleClass().add(UiStyles.SECONDARY);
        note.textProperty().bind(viewModel.chartNoteProperty());
        HBox pick = new HBox(8, field, path, note);
        note.setMinWidth(Region.USE_PREF_SIZE);
        pick.setAlignment(Pos.CENTER_LEFT);

        NumberAxis time = new NumberAxis();
        time.setAutoRanging(false); // ChartRange sets the bounds: auto-ranging pads a lone point by months
        time.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number millis) {
                // ticks closer than a second apart would all read the same with whole seconds
                boolean close = time.getTickUnit() < 1_000;
                boolean days = time.getUpperBound() - time.getLowerBound() > 86_400_000;
                return (close ? CLOCK_FINE : days ? DAYS : CLOCK).format(Instant.ofEpochMilli(millis.longValue()));
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        NumberAxis values = new NumberAxis();
        values.setAutoRanging(false);
        LineChart<Number, Number> chart = new LineChart<>(time, values);
        chart.setId("topicChart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getStyleClass().add("topic-chart");
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        chart.getData().add(series);
        Runnable plot = () -> {
            var points = viewModel.series().stream()
                    .map(p -> new XYChart.Data<Number, Number>(p.epochMillis(), p.value()))
                    .toList();
            chart.setCreateSymbols(points.size() <= SYMBOLS_UP_TO);
            ChartRange.of(viewModel.series()).ifPresent(range -> {
                apply(time, range.time());
                apply(values, range.values());
            });
            series.getData().setAll(points);
        };
        viewModel.series().addListener((ListChangeListener<TopicDetailViewModel.Point>) change -> plot.run());
        plot.run(); // the topic may have numbers already when the chart is first shown
        chart.setMinHeight(80); // shrink with a short window instead of pushing the time axis out of view
        Label empty = new Label("No numbers in this topic's messages yet");
        empty.setId("chartEmpty");
        empty.getStyleClass().add(UiStyles.EMPTY_STATE);
        empty.setWrapText(true);
        empty.visibleProperty().bind(Bindings.isEmpty(viewModel.series()));
        chart.visibleProperty().bind(empty.visibleProperty().not());
        StackPane body = new StackPane(chart, empty);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox box = new VBox(4, pick, body);
        box.getStyleClass().add("tab-body");
        return box;
    }

    private static void apply(NumberAxis axis, ChartRange.Axis range) {
        axis.setLowerBound(range.lower());
        axis.setUpperBound(range.upper());
        axis.setTickUnit(range.tick());
    }
}
