package io.mqttworkbench.ui;

import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.scene.control.TabPane;
import javafx.util.Duration;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.layout.Pane;

/**
 * Controls built the first time they are shown. Creating, styling and laying out controls nobody looks at
 * yet is most of what the window spends on starting; built on demand, it opens with only what is in view.
 */
final class LazyContent {
    private static final String BUILDER = "mqttworkbench.lazyContent";
    /** Long enough for the window to be on screen and settled; short enough to be done before a first click. */
    private static final Duration PREBUILD_DELAY = Duration.millis(700);
    private static final Duration BETWEEN_PREBUILDS = Duration.millis(60);

    private LazyContent() {
    }

    /** Gives the tab its content when it is first selected (at once if it already is). */
    static Tab onFirstSelection(Tab tab, Supplier<Node> content) {
        tab.getProperties().put(BUILDER, content);
        if (tab.isSelected()) {
            build(tab);
        }
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                build(tab);
            }
        });
        return tab;
    }

    private static void build(Tab tab) {
        if (tab.getContent() == null && tab.getProperties().get(BUILDER) instanceof Supplier<?> content) {
            tab.setContent((Node) content.get());
        }
    }

    /**
     * Builds the tabs' content shortly after the pane is first shown, one tab at a time with pulses in between,
     * instead of at their first click: a message table with its code area takes a moment to make, and under a
     * flood that moment is what a click would wait for. The window itself still opens with only what is in view.
     */
    static void prebuildAfterShown(TabPane pane) {
        pane.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> obs, javafx.scene.Scene old,
                                javafx.scene.Scene scene) {
                if (scene != null) {
                    pane.sceneProperty().removeListener(this);
                    prebuildNext(pane, 0, PREBUILD_DELAY);
                }
            }
        });
    }

    private static void prebuildNext(TabPane pane, int index, Duration delay) {
        if (index >= pane.getTabs().size()) {
            return;
        }
        PauseTransition wait = new PauseTransition(delay);
        wait.setOnFinished(e -> {
            if (pane.getScene() != null) {
                build(pane.getTabs().get(index));
                prebuildNext(pane, index + 1, BETWEEN_PREBUILDS);
            }
        });
        wait.play();
    }

    /**
     * Applies the value now and on every change. Controls built late must start from the state the view
     * model is already in, not only follow what changes after them.
     */
    static <T> void follow(ObservableValue<T> value, Consumer<? super T> apply) {
        apply.accept(value.getValue());
        value.addListener((obs, old, now) -> apply.accept(now));
    }

    /**
     * Adds the content, underneath what the parent already shows, the first time the value is not null.
     * Takes the property itself, not a binding made from it: nothing else would hold on to such a binding.
     */
    static void onFirstValue(ObservableValue<?> value, Pane parent, Supplier<Node> content) {
        boolean[] built = {false};
        Runnable build = () -> {
            if (!built[0] && value.getValue() != null) {
                built[0] = true;
                parent.getChildren().add(0, content.get());
            }
        };
        build.run();
        value.addListener((obs, was, now) -> build.run());
    }
}
