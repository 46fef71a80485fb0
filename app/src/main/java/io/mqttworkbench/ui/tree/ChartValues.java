package io.mqttworkbench.ui.tree;

import io.mqttworkbench.decode.NumericValue;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.tree.TopicDetailViewModel.Line;
import io.mqttworkbench.ui.tree.TopicDetailViewModel.Point;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What a topic's chart shows, computed in the background: the chartable paths of the newest message, the
 * main field (the wanted one if it still exists) and the further fields picked, one line each.
 */
record ChartValues(List<String> paths, String path, List<Line> lines, String note) {
    private static final int CHART_PATHS = 200;

    static ChartValues of(List<ReceivedMessage> newestFirst, String wanted, Collection<String> also, Texts texts) {
        List<String> paths = NumericValue.chartablePaths(newestFirst.get(0).payload(), CHART_PATHS);
        String path = wanted != null && paths.contains(wanted) ? wanted : paths.isEmpty() ? null : paths.get(0);
        if (path == null) {
            return new ChartValues(paths, null, List.of(), texts.text("tree.chart.nothing"));
        }
        List<Line> lines = new ArrayList<>();
        int missing = points(newestFirst, path, lines);
        for (String other : paths) {
            // in the order of the fields, so the colours stay put while ticking fields on and off
            if (!other.equals(path) && also.contains(other)) {
                points(newestFirst, other, lines);
            }
        }
        int count = lines.get(0).points().size();
        String label = path.isEmpty() ? texts.text("tree.chart.payload") : path;
        String note = texts.format(count == 1 ? "tree.chart.values.one" : "tree.chart.values.other", count, label);
        if (missing > 0) {
            note = texts.format("tree.chart.note.missing", note,
                    texts.format(missing == 1 ? "tree.chart.missing.one" : "tree.chart.missing.other", missing));
        }
        return new ChartValues(paths, path, lines, note);
    }

    /** Adds the line of one path, oldest first; returns how many messages had no value there. */
    private static int points(List<ReceivedMessage> newestFirst, String path, List<Line> lines) {
        List<Point> points = new ArrayList<>();
        int missing = 0;
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            ReceivedMessage m = newestFirst.get(i);
            OptionalDouble v = NumericValue.of(m.payload(), path);
            if (v.isPresent()) {
                points.add(new Point(m.receivedEpochMillis(), v.getAsDouble()));
            } else {
                missing++;
            }
        }
        lines.add(new Line(path, List.copyOf(points)));
        return missing;
    }
}
