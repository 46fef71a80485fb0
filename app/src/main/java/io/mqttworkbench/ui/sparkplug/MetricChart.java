package io.mqttworkbench.ui.sparkplug;

import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.history.TopicHistoryQuery;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.sparkplug.MetricSeries;
import io.mqttworkbench.sparkplug.MetricValue;
import io.mqttworkbench.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A metric of the selected node or device over time: its values in the birth and data messages kept in
 * memory and, when the profile keeps a history, on disk (the newest {@link #STORED_PER_TOPIC} of each
 * topic). Read and decoded in the background.
 */
final class MetricChart {
    static final int STORED_PER_TOPIC = 5_000;
    /** The chart draws the newest this many: a JavaFX line chart slows past a few thousand points. */
    static final int MAX_POINTS = 2_000;

    private final Function<String, List<ReceivedMessage>> recent;
    private final Supplier<MessageHistory> stored;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<MetricSeries.Point> points = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final Texts texts;
    private long asked;

    /**
     * @param recent the messages of a topic in memory (the topic tree's)
     * @param stored the profile's history on disk, or null while there is none
     */
    MetricChart(Function<String, List<ReceivedMessage>> recent, Supplier<MessageHistory> stored, Executor background, Executor ui, Texts texts) {
        this.texts = texts;
        status.set(texts.text("sparkplug.chart.hint"));
        this.recent = recent;
        this.stored = stored;
        this.background = background;
        this.ui = ui;
    }

    /** Charts {@code metric} of {@code target}. JavaFX thread. */
    void show(SparkplugViewModel.Target target, MetricValue metric) {
        long ask = ++asked;
        String where = target.where() + " · " + metric.name() + (metric.unit().isEmpty() ? "" : " (" + metric.unit() + ")");
        title.set(where);
        status.set(texts.format("sparkplug.chart.reading", metric.name()));
        background.execute(() -> {
            List<ReceivedMessage> messages = new ArrayList<>();
            boolean disk = false;
            String problem = null;
            for (String topic : io.mqttworkbench.sparkplug.MetricSeries.topics(target.group(), target.node(), target.device())) {
                messages.addAll(recent.apply(topic));
                MessageHistory history = stored.get();
                if (history != null) {
                    try {
                        messages.addAll(new TopicHistoryQuery(history).newest(topic, null, STORED_PER_TOPIC).newestFirst());
                        disk = true;
                    } catch (HistoryException e) {
                        problem = e.getMessage();
                    }
                }
            }
            // memory and disk overlap: the same message once
            List<ReceivedMessage> distinct = messages.stream().filter(dedup()).toList();
            List<MetricSeries.Point> all = MetricSeries.of(metric.name(), metric.alias(), distinct);
            List<MetricSeries.Point> found = all.size() > MAX_POINTS ? all.subList(all.size() - MAX_POINTS, all.size()) : all;
            String said = found.isEmpty() ? texts.format("sparkplug.chart.none", metric.name())
                    : texts.format(disk ? "sparkplug.chart.memoryAndDisk" : "sparkplug.chart.memory", all.size());
            if (all.size() > found.size()) {
                said = texts.format("sparkplug.chart.newest", said, found.size());
            }
            if (problem != null) {
                said = texts.format("sparkplug.chart.diskFailed", said, problem);
            }
            String shown = said;
            ui.execute(() -> {
                if (ask == asked) {
                    points.setAll(found);
                    status.set(shown);
                }
            });
        });
    }

    private static java.util.function.Predicate<ReceivedMessage> dedup() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return m -> seen.add(m.topic() + "\u0000" + m.receivedEpochMillis() + "\u0000" + java.util.Arrays.hashCode(m.payload()));
    }

    ObservableList<MetricSeries.Point> points() {
        return points;
    }

    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
