package io.mqttworkbench.ui.common;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Pane;

/**
 * Controls built the first time they are shown. Creating, styling and laying out controls nobody looks at
 * yet is most of what the window spends on starting; built on demand, it opens with only what is in view.
 */
public final class LazyContent {
    private static final String BUILDER = "mqttworkbench.lazyContent";

    private LazyContent() {
    }

    /** Gives the tab its content when it is first selected (at once if it already is). */
    public static Tab onFirstSelection(Tab tab, Supplier<Node> content) {
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
     * Builds the tabs' content after the pane is first shown, one tab at a time, whenever the window has had a
     * few quiet frames in a row, instead of at their first click: a message table with its code area takes a
     * moment to make, and under a flood that moment is what a click would wait for. The window itself still
     * opens with only what is in view, and a connection that starts with a backlog to catch up on is not slowed
     * further by building what nobody looks at yet (after half a minute the rest is built anyway).
     */
    public static void prebuildAfterShown(TabPane pane) {
        pane.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> obs, javafx.scene.Scene old,
                                javafx.scene.Scene scene) {
                if (scene != null) {
                    pane.sceneProperty().removeListener(this);
                    new Prebuilder(pane).start();
                }
            }
        });
    }

    /** Builds one unbuilt tab each time the frames have been quiet for a while. */
    private static final class Prebuilder extends AnimationTimer {
        private static final long QUIET_FRAME_NANOS = 25_000_000L;
        private static final int QUIET_FRAMES = 8;
        private static final long GIVE_UP_WAITING_NANOS = 30_000_000_000L;
        private final TabPane pane;
        private long first;
        private long last;
        private int quiet;

        Prebuilder(TabPane pane) {
            this.pane = pane;
        }

        @Override
        public void handle(long now) {
            if (first == 0) {
                first = now;
            }
            quiet = last != 0 && now - last < QUIET_FRAME_NANOS ? quiet + 1 : 0;
            last = now;
            if (pane.getScene() == null) {
                stop();
                return;
            }
            if (quiet < QUIET_FRAMES && now - first < GIVE_UP_WAITING_NANOS) {
                return;
            }
            quiet = 0;
            Tab next = pane.getTabs().stream().filter(t -> t.getContent() == null && t.getProperties().containsKey(BUILDER))
                    .findFirst().orElse(null);
            if (next == null) {
                stop();
            } else {
                build(next);
            }
        }
    }

    /**
     * Applies the value now and on every change. Controls built late must start from the state the view
     * model is already in, not only follow what changes after them.
     */
    public static <T> void follow(ObservableValue<T> value, Consumer<? super T> apply) {
        apply.accept(value.getValue());
        value.addListener((obs, old, now) -> apply.accept(now));
    }

    /**
     * Adds the content, underneath what the parent already shows, the first time the value is not null.
     * Takes the property itself, not a binding made from it: nothing else would hold on to such a binding.
     */
    public static void onFirstValue(ObservableValue<?> value, Pane parent, Supplier<Node> content) {
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
