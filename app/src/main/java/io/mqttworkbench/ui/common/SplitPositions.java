package io.mqttworkbench.ui.common;

import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/** Keeps a two-part split pane's divider and a remembered position in step, both ways. */
public final class SplitPositions {
    private SplitPositions() {
    }

    /**
     * Moves the divider to {@code position} and records where the user drags it; also when an item is
     * taken out and put back (a folded column), which gives the split a new divider.
     */
    public static void follow(SplitPane split, DoubleProperty position) {
        follow(split, () -> position);
        split.getDividers().addListener((javafx.collections.ListChangeListener<SplitPane.Divider>) change -> {
            if (!split.getDividers().isEmpty()) {
                split.setDividerPositions(position.get());
                record(split, split.getDividers().get(0), () -> position);
            }
        });
        position.addListener((obs, old, now) -> {
            if (!split.getDividers().isEmpty() && Math.abs(split.getDividers().get(0).getPosition() - now.doubleValue()) > 0.001) {
                split.getDividers().get(0).setPosition(now.doubleValue());
            }
        });
    }

    /**
     * A detail pane beside or below its list: the split turns with {@code layout}'s placement, and each
     * placement keeps its own divider, named after {@code pane}.
     */
    public static void followDetail(SplitPane split, WindowLayout layout, String pane, double below, double right) {
        Supplier<DoubleProperty> current = () -> layout.divider(layout.detailDivider(pane), layout.detailOnTheRightProperty().get() ? right : below);
        Runnable place = () -> {
            split.setOrientation(layout.detailOnTheRightProperty().get() ? Orientation.HORIZONTAL : Orientation.VERTICAL);
            split.setDividerPositions(current.get().get());
        };
        place.run();
        layout.detailOnTheRightProperty().addListener((obs, old, now) -> place.run());
        follow(split, current);
    }

    private static void follow(SplitPane split, Supplier<DoubleProperty> position) {
        if (!split.getDividers().isEmpty()) {
            split.setDividerPositions(position.get().get());
            record(split, split.getDividers().get(0), position);
        }
    }

    private static void record(SplitPane split, SplitPane.Divider divider, Supplier<DoubleProperty> position) {
        divider.positionProperty().addListener((obs, old, now) -> {
            // A split in a hidden tab is laid out too, at sizes the user never chose: only a showing one records.
            if (showing(split) && Math.abs(now.doubleValue() - position.get().get()) > 0.001) {
                position.get().set(now.doubleValue());
            }
        });
    }

    private static boolean showing(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getLayoutBounds().getWidth() > 0 && node.getLayoutBounds().getHeight() > 0;
    }
}
