package io.mqttworkbench.ui.common;

import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.layout.Region;

/**
 * Keeps the last row of a list or table in view while it grows. The scroll happens after the control
 * has processed the change (its own listener runs after ours, and scrolling earlier stops short of the
 * new rows), and at most once per pulse however many changes arrive.
 */
public final class FollowEnd {
    private boolean pending;

    private FollowEnd() {
    }

    /** For a control whose list is replaced now and then (the log's rows switch to a query's result). */
    public static <T> void install(Region view, javafx.beans.value.ObservableValue<? extends ObservableList<T>> items, BooleanSupplier enabled,
                            IntConsumer scrollTo) {
        FollowEnd follow = new FollowEnd();
        ListChangeListener<Object> listener = change -> follow.changed(items.getValue(), enabled, scrollTo);
        if (items.getValue() != null) {
            items.getValue().addListener(listener);
        }
        items.addListener((obs, old, now) -> {
            if (old != null) {
                old.removeListener(listener);
            }
            if (now != null) {
                now.addListener(listener);
            }
        });
        startAtEnd(view, items.getValue(), enabled, scrollTo);
    }

    /**
     * A control built after its rows arrived starts at the end. Once more after its first layout: before
     * it, the control does not know its height and stops half a row short.
     */
    private static void startAtEnd(Region view, ObservableList<?> items, BooleanSupplier enabled, IntConsumer scrollTo) {
        if (!enabled.getAsBoolean() || items == null || items.isEmpty()) {
            return;
        }
        scrollTo.accept(items.size() - 1);
        view.heightProperty().addListener(new ChangeListener<Number>() {
            @Override
            public void changed(ObservableValue<? extends Number> obs, Number old, Number height) {
                if (height.doubleValue() > 0) {
                    view.heightProperty().removeListener(this);
                    Platform.runLater(() -> {
                        if (enabled.getAsBoolean() && !items.isEmpty()) {
                            scrollTo.accept(items.size() - 1);
                        }
                    });
                }
            }
        });
    }

    private void changed(ObservableList<?> items, BooleanSupplier enabled, IntConsumer scrollTo) {
        if (enabled.getAsBoolean() && !pending && items != null) {
            pending = true;
            Platform.runLater(() -> {
                pending = false;
                if (!items.isEmpty()) {
                    scrollTo.accept(items.size() - 1);
                }
            });
        }
    }

    public static void install(Region view, ObservableList<?> items, BooleanSupplier enabled, IntConsumer scrollTo) {
        FollowEnd follow = new FollowEnd();
        items.addListener((ListChangeListener<Object>) change -> follow.changed(items, enabled, scrollTo));
        startAtEnd(view, items, enabled, scrollTo);
    }
}
