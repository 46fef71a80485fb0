package io.mqttworkbench.ui;

import java.util.function.Consumer;
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
    private LazyContent() {
    }

    /** Gives the tab its content when it is first selected (at once if it already is). */
    static Tab onFirstSelection(Tab tab, Supplier<Node> content) {
        if (tab.isSelected()) {
            tab.setContent(content.get());
        }
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(content.get());
            }
        });
        return tab;
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
