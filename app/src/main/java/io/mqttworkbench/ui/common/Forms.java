package io.mqttworkbench.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The pieces every form here is made of: a section title, a validated text field and its problem line. */
public final class Forms {
    private Forms() {
    }

    public static Label sectionTitle(String text) {
        Label title = new Label(text);
        title.getStyleClass().add(UiStyles.SECTION_TITLE);
        return title;
    }

    /** A text field bound to {@code value}, outlined in red while {@code problem} is not empty. */
    public static TextField validatedField(String id, String prompt, StringProperty value, ObservableStringValue problem) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        problem.addListener((obs, old, text) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, text != null && !text.isEmpty()));
        return field;
    }

    /** The reason a field's content is refused, shown under it and taking no room while there is none. */
    public static Label problemLabel(String id, ObservableStringValue problem) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(UiStyles.PROBLEM);
        label.textProperty().bind(problem);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    /** A text field bound both ways to {@code value}. */
    public static javafx.scene.control.TextField boundField(String id, String prompt, javafx.beans.property.StringProperty value) {
        javafx.scene.control.TextField field = new javafx.scene.control.TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** Shows values through {@code text}, and null as {@code none}; for choice boxes that are never typed into. */
    public static <T> javafx.util.StringConverter<T> converter(String none, java.util.function.Function<T, String> text) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? none : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
