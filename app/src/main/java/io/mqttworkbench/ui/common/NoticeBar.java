package io.mqttworkbench.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.layout.HBox;

/** A bar across a window or a tab that says something worth reading, shown while its text is not empty. */
public final class NoticeBar {
    private NoticeBar() {
    }

    /** @param error coloured as a problem rather than an offer */
    public static HBox of(ObservableStringValue shownWhileNotEmpty, boolean error, Node... children) {
        HBox bar = new HBox(children);
        bar.getStyleClass().add("notice-bar");
        bar.pseudoClassStateChanged(UiStyles.ERROR, error);
        bar.managedProperty().bind(Bindings.isNotEmpty(shownWhileNotEmpty));
        bar.visibleProperty().bind(bar.managedProperty());
        return bar;
    }
}
