package io.mqttworkbench.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

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

    /**
     * The sentence, wrapped, and a "Dismiss" button; with an alert icon and the problem's colour while
     * {@code error} holds, an info icon otherwise. {@code id} names the text; the button is "{@code id}Dismiss".
     */
    public static HBox dismissible(String id, ObservableStringValue text, ObservableBooleanValue error, Runnable dismiss, Texts texts) {
        Label sentence = new Label();
        sentence.setId(id);
        sentence.setWrapText(true);
        sentence.setMaxWidth(Double.MAX_VALUE);
        sentence.setMinHeight(Region.USE_PREF_SIZE);
        sentence.textProperty().bind(text);
        HBox.setHgrow(sentence, Priority.ALWAYS);
        FontIcon icon = new FontIcon();
        icon.iconCodeProperty().bind(Bindings.when(error).then(Feather.ALERT_TRIANGLE).otherwise(Feather.INFO));
        Button close = new Button(texts.text("common.dismiss"));
        close.setId(id + "Dismiss");
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setTooltip(new Tooltip(texts.text("common.dismiss.tooltip")));
        close.setOnAction(e -> dismiss.run());
        HBox bar = of(text, error.get(), icon, sentence, close);
        error.addListener((obs, old, on) -> bar.pseudoClassStateChanged(UiStyles.ERROR, on));
        return bar;
    }
}
