package io.mqttworkbench.ui;

import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Keeps the last row of a list or table in view while it grows. The scroll happens after the control
 * has processed the change (its own listener runs after ours, and scrolling earlier stops short of the
 * new rows), and at most once per pulse however many changes arrive.
 */
final class FollowEnd {
    private boolean pending;

    private FollowEnd() {
    }

    /** For a control whose list is replaced now and then (the log's rows switch to a query's result). */
    static <T> void install(javafx.beans.value.ObservableValue<? extends ObservableList<T>> items, BooleanSupplier enabled, IntConsumer scrollTo) {
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

    static void install(ObservableList<?> items, BooleanSupplier enabled, IntConsumer scrollTo) {
        FollowEnd follow = new FollowEnd();
        items.addListener((ListChangeListener<Object>) change -> {
            if (enabled.getAsBoolean() && !follow.pending) {
                follow.pending = true;
                Platform.runLater(() -> {
                    follow.pending = false;
                    if (!items.isEmpty()) {
                        scrollTo.accept(items.size() - 1);
                    }
                });
            }
        });
    }
}
