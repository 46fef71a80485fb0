package io.mqttworkbench.ui.tree;

import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** A value of the selected topic over time: the payload itself when it is a number, or a JSON field picked by its path. */
public final class TopicChart {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter CLOCK_FINE = DateTimeFormatter.ofPattern("mm:ss.S").withZone(ZoneId.systemDefault());
    /** Dots on every point help to read few points and only clutter many. */
    private static final int SYMBOLS_UP_TO = 120;

    private final TopicDetailViewModel viewModel;
    private final Texts texts;
    /** Day and time on the axis as the interface language writes them: "3 Dec 14:02", "12月3日 14:02". */
    private final DateTimeFormatter days;

    TopicChart(TopicDetailViewModel viewModel) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
        this.days = DateTimeFormatter.ofPattern(texts.text("tree.time.day"), texts.locale()).withZone(ZoneId.systemDefault());
    }

    Node build() {
        ComboBox<String> path = new ComboBox<>(viewModel.chartPaths());
        path.setId("chartPath");
        path.setPromptText(texts.text("tree.chart.prompt"));
        path.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return label(value);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        path.valueProperty().bindBidirectional(viewModel.chartPathProperty());
        path.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(path, Priority.ALWAYS);
        Label field = new Label(texts.text("tree.chart.field"));
        field.setMinWidth(Region.USE_PREF_SIZE);
        Label note = new Label();
        note.setId("chartNote");
        note.getStyleClass().add(UiStyles.SECONDARY);
        note.textProperty().bind(viewModel.chartNoteProperty());
        HBox pick = new HBox(8, field, path, moreFields(), note);
        note.setMinWidth(Region.USE_PREF_SIZE);
        pick.setAlignment(Pos.CENTER_LEFT);

        NumberAxis time = new NumberAxis();
        time.setAutoRanging(false); // ChartRange sets the bounds: auto-ranging pads a lone point by months
        time.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number millis) {
                // ticks closer than a second apart would all read the same with whole seconds
                boolean close = time.getTickUnit() < 1_000;
                boolean manyDays = time.getUpperBound() - time.getLowerBound() > 86_400_000;
                return (close ? CLOCK_FINE : manyDays ? days : CLOCK).format(Instant.ofEpochMilli(millis.longValue()));
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
        chart.getStyleClass().add("topic-chart");
        Runnable plot = () -> plot(chart, time, values);
        viewModel.lines().addListener((ListChangeListener<TopicDetailViewModel.Line>) change -> plot.run());
        plot.run(); // the topic may have numbers already when the chart is first shown
        chart.setMinHeight(80); // shrink with a short window instead of pushing the time axis out of view
        Label empty = new Label(texts.text("tree.chart.empty"));
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

    /** One series per charted field, reused by position so colours stay put; a legend once there are several. */
    private void plot(LineChart<Number, Number> chart, NumberAxis time, NumberAxis values) {
        List<TopicDetailViewModel.Line> lines = List.copyOf(viewModel.lines());
        while (chart.getData().size() > lines.size()) {
            chart.getData().remove(chart.getData().size() - 1);
        }
        while (chart.getData().size() < lines.size()) {
            chart.getData().add(new XYChart.Series<>());
        }
        List<TopicDetailViewModel.Point> all = new ArrayList<>();
        lines.forEach(line -> all.addAll(line.points()));
        chart.setCreateSymbols(all.size() <= SYMBOLS_UP_TO);
        ChartRange.of(all).ifPresent(range -> {
            apply(time, range.time());
            apply(values, range.values());
        });
        for (int i = 0; i < lines.size(); i++) {
            XYChart.Series<Number, Number> series = chart.getData().get(i);
            series.setName(label(lines.get(i).path()));
            series.getData().setAll(lines.get(i).points().stream()
                    .map(p -> new XYChart.Data<Number, Number>(p.epochMillis(), p.value()))
                    .toList());
        }
        chart.setLegendVisible(lines.size() > 1);
    }

    /** Ticks further numeric fields of the message on and off, each charted as a line of its own. */
    private Node moreFields() {
        MenuButton more = new MenuButton(texts.text("tree.chart.more"));
        more.setId("chartMoreFields");
        more.setMinWidth(Region.USE_PREF_SIZE);
        more.setOnShowing(e -> more.getItems().setAll(viewModel.chartPaths().stream()
                .filter(p -> !p.equals(viewModel.chartPathProperty().get()))
                .map(p -> {
                    CheckMenuItem item = new CheckMenuItem(label(p));
                    item.setSelected(viewModel.alsoCharted().contains(p));
                    item.setOnAction(a -> {
                        if (item.isSelected()) {
                            viewModel.alsoCharted().add(p);
                        } else {
                            viewModel.alsoCharted().remove(p);
                        }
                    });
                    return item;
                })
                .toList()));
        // with a single field (or a plain number) there is nothing more to pick
        more.visibleProperty().bind(Bindings.size(viewModel.chartPaths()).greaterThan(1));
        more.managedProperty().bind(more.visibleProperty());
        return more;
    }

    private String label(String path) {
        return path == null ? "" : path.isEmpty() ? texts.text("tree.chart.payload.number") : path;
    }

    private static void apply(NumberAxis axis, ChartRange.Axis range) {
        axis.setLowerBound(range.lower());
        axis.setUpperBound(range.upper());
        axis.setTickUnit(range.tick());
    }
}
