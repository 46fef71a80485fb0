package io.mqttworkbench.ui.sparkplug;

import io.mqttworkbench.sparkplug.MetricSeries;
import io.mqttworkbench.ui.common.UiStyles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The chart of one metric over time, with what it was read from. */
final class MetricChartView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private MetricChartView() {
    }

    static Node build(MetricChart chart) {
        Label title = new Label();
        title.setId("sparkplugChartTitle");
        title.getStyleClass().add("text-bold");
        title.textProperty().bind(chart.titleProperty());
        Label status = new Label();
        status.setId("sparkplugChartStatus");
        status.getStyleClass().add(UiStyles.SECONDARY);
        status.setWrapText(true);
        status.textProperty().bind(chart.statusProperty());
        NumberAxis time = new NumberAxis();
        time.setForceZeroInRange(false);
        time.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number millis) {
                return TIME.format(Instant.ofEpochMilli(millis.longValue()));
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        NumberAxis values = new NumberAxis();
        values.setForceZeroInRange(false);
        LineChart<Number, Number> lines = new LineChart<>(time, values);
        lines.setId("sparkplugChart");
        lines.setAnimated(false);
        lines.setLegendVisible(false);
        lines.setCreateSymbols(false);
        chart.points().addListener((ListChangeListener<MetricSeries.Point>) change -> draw(lines, time, chart.points()));
        VBox.setVgrow(lines, Priority.ALWAYS);
        return new VBox(4, title, status, lines);
    }

    private static void draw(LineChart<Number, Number> lines, NumberAxis time, List<MetricSeries.Point> points) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
        points.forEach(p -> data.add(new XYChart.Data<>(p.atMillis(), p.value())));
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.getData().setAll(data);
        lines.getData().setAll(List.of(series));
        if (!points.isEmpty()) {
            long from = points.get(0).atMillis();
            long to = points.get(points.size() - 1).atMillis();
            long span = Math.max(to - from, 60_000); // one value, or a few close ones: a minute around them
            time.setAutoRanging(false);
            time.setLowerBound(from - (span - (to - from)) / 2.0);
            time.setUpperBound(time.getLowerBound() + span);
            time.setTickUnit(span / 5.0);
        }
    }
}
