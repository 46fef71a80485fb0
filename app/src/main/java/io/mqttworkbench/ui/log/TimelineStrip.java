package io.mqttworkbench.ui.log;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.message.ConnectionGaps;
import io.mqttworkbench.message.TrafficCounts.Buckets;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Draws the timeline: a bar per bucket, the connection's drops as red bands, the search's time range as
 * a tinted band. The wheel zooms around the pointer, a drag filters the log to a range, a click shows the
 * log at that moment, a double click (or the Live button) goes back to the whole period.
 */
public final class TimelineStrip {
    private static final double HEIGHT = 44;
    private static final double BAR_WIDTH = 4;
    private static final double DRAG_THRESHOLD = 4;
    private static final DateTimeFormatter AXIS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter AXIS_DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault()); // untranslated: digits only

    private final TimelineViewModel viewModel;
    private final Texts texts;
    private final Pane area = new Pane();
    private final Label hover = new Label();
    private double dragStartX = -1;
    private double dragX = -1;

    public TimelineStrip(TimelineViewModel viewModel) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
    }

    public Node build() {
        area.getStyleClass().add("timeline");
        area.setPickOnBounds(true);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(area.widthProperty());
        clip.heightProperty().bind(area.heightProperty());
        area.setClip(clip);
        area.setMinHeight(HEIGHT);
        area.setPrefHeight(HEIGHT);
        area.setMaxHeight(HEIGHT);
        area.setId("timeline");
        area.widthProperty().addListener((obs, old, w) -> {
            viewModel.setBucketCount((int) Math.max(10, w.doubleValue() / BAR_WIDTH));
            draw();
        });
        area.heightProperty().addListener((obs, old, h) -> draw());
        viewModel.bucketsProperty().addListener((obs, old, b) -> draw());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(hover.textProperty());
        Tooltip.install(area, tip);

        area.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                viewModel.zoom(e.getDeltaY() > 0 ? 0.5 : 2.0, timeAt(e.getX()));
                e.consume();
            }
        });
        area.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                dragStartX = e.getX();
                dragX = e.getX();
            }
        });
        area.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragStartX >= 0) {
                dragX = e.getX();
                draw();
            }
        });
        area.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragStartX < 0) {
                return;
            }
            double start = dragStartX;
            dragStartX = -1;
            if (Math.abs(e.getX() - start) >= DRAG_THRESHOLD) {
                viewModel.select(timeAt(start), timeAt(e.getX()));
            } else if (e.getClickCount() == 2) {
                viewModel.followLive();
            } else {
                viewModel.jumpTo(timeAt(e.getX()));
            }
            draw();
        });
        area.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover.setText(describeAt(e.getX()) + "\n" + texts.text("log.timeline.hint")));

        Label summary = new Label();
        summary.setId("timelineSummary");
        summary.getStyleClass().add(UiStyles.SECONDARY);
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.setMinWidth(0);
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        Button liveButton = new Button(texts.text("log.timeline.live"), new FontIcon(Feather.SKIP_FORWARD));
        liveButton.setId("timelineLive");
        liveButton.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        liveButton.setTooltip(new Tooltip(texts.text("log.timeline.live.tooltip")));
        liveButton.disableProperty().bind(viewModel.liveProperty());
        liveButton.setOnAction(e -> viewModel.followLive());
        liveButton.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(8, summary, liveButton);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(2, area, line);
        box.getStyleClass().add("timeline-box");
        return box;
    }

    private long timeAt(double x) {
        Buckets b = viewModel.bucketsProperty().get();
        if (b == null || area.getWidth() <= 0) {
            return System.currentTimeMillis();
        }
        double at = Math.max(0, Math.min(1, x / area.getWidth()));
        return b.fromMillis() + (long) (at * (b.toMillis() - b.fromMillis()));
    }

    private double xAt(Buckets b, long millis) {
        return (double) (millis - b.fromMillis()) / Math.max(1, b.toMillis() - b.fromMillis()) * area.getWidth();
    }

    private String describeAt(double x) {
        Buckets b = viewModel.bucketsProperty().get();
        if (b == null || b.counts().length == 0) {
            return "";
        }
        int i = (int) Math.max(0, Math.min(b.counts().length - 1, x / area.getWidth() * b.counts().length));
        long start = b.fromMillis() + i * b.bucketMillis();
        return texts.format(b.counts()[i] == 1 ? "log.timeline.bar.one" : "log.timeline.bar.other", AXIS.format(Instant.ofEpochMilli(start)),
                b.counts()[i], TimelineViewModel.span(b.bucketMillis(), texts), TimelineViewModel.rate(b.counts()[i], b.bucketMillis(), texts));
    }

    /**
     * Lays the strip out again: plain shapes with style classes, so the theme's colours (light or dark)
     * come from the style sheet. A few hundred bars, redrawn at most once a second.
     */
    private void draw() {
        double w = area.getWidth();
        double h = area.getHeight();
        Buckets b = viewModel.bucketsProperty().get();
        List<Node> shapes = new ArrayList<>();
        if (b != null && w > 0) {
            Long from = viewModel.selectedFrom();
            Long to = viewModel.selectedTo();
            if (from != null || to != null) {
                double x0 = from == null ? 0 : Math.max(0, xAt(b, from));
                double x1 = to == null ? w : Math.min(w, xAt(b, to));
                if (x1 > 0 && x0 < w) {
                    shapes.add(shape(x0, 0, Math.max(1, x1 - x0), h, "timeline-selection"));
                }
            }
            long max = Math.max(1, b.max());
            long[] counts = b.counts();
            double barWidth = w / counts.length;
            double top = 14; // room for the axis labels
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    double barHeight = Math.max(1, (h - top) * counts[i] / max);
                    shapes.add(shape(i * barWidth, h - barHeight, Math.max(1, barWidth - 1), barHeight, "timeline-bar"));
                }
            }
            for (ConnectionGaps.Gap gap : viewModel.gaps()) {
                long down = gap.down().epochMillis();
                long up = gap.open() ? b.toMillis() : gap.up().epochMillis();
                if (up < b.fromMillis() || down > b.toMillis()) {
                    continue;
                }
                double x0 = Math.max(0, xAt(b, down));
                double x1 = Math.min(w, xAt(b, up));
                shapes.add(shape(x0, 0, Math.max(2, x1 - x0), h, "timeline-drop"));
                shapes.add(shape(x0, 0, 2, h, "timeline-drop-edge"));
            }
            if (dragStartX >= 0 && Math.abs(dragX - dragStartX) >= DRAG_THRESHOLD) {
                shapes.add(shape(Math.min(dragStartX, dragX), 0, Math.abs(dragX - dragStartX), h, "timeline-drag"));
            }
            DateTimeFormatter axis = b.toMillis() - b.fromMillis() > 86_400_000L ? AXIS_DAY : AXIS;
            Label first = axisLabel(axis.format(Instant.ofEpochMilli(b.fromMillis())));
            first.relocate(3, 0);
            Label last = axisLabel(axis.format(Instant.ofEpochMilli(b.toMillis())));
            last.layoutXProperty().bind(area.widthProperty().subtract(last.widthProperty()).subtract(3));
            shapes.add(first);
            shapes.add(last);
        }
        area.getChildren().setAll(shapes);
    }

    private static Rectangle shape(double x, double y, double width, double height, String style) {
        Rectangle r = new Rectangle(x, y, width, height);
        r.getStyleClass().add(style);
        r.setMouseTransparent(true);
        return r;
    }

    private static Label axisLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("timeline-axis");
        label.setMouseTransparent(true);
        return label;
    }
}
