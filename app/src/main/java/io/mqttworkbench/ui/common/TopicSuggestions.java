package io.mqttworkbench.ui.common;

import java.util.Collection;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.scene.control.Skin;
import javafx.scene.control.TextField;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;

/**
 * Topic suggestions under a text field: ControlsFX's completion popup, styled by workbench.css instead of its own
 * autocompletion.css. That sheet is set on the popup's list (so it outranks the scene's sheets) and derives its colours
 * from modena's -fx-color, which AtlantaFX does not define: each opening logged a ClassCastException.
 */
public final class TopicSuggestions {

    private static final int VISIBLE_ROWS = 10;

    private TopicSuggestions() {
    }

    /** Offers {@code suggestions} of what is typed; the popup is at least as wide as the field. */
    public static AutoCompletionBinding<String> attach(TextField field, Function<String, Collection<String>> suggestions) {
        AutoCompletionBinding<String> binding = TextFields.bindAutoCompletion(field, request -> suggestions.apply(request.getUserText()));
        binding.setVisibleRowCount(VISIBLE_ROWS);
        binding.minWidthProperty().bind(field.widthProperty());
        binding.prefWidthProperty().bind(field.widthProperty());
        var popup = binding.getAutoCompletionPopup();
        popup.skinProperty().addListener((o, old, skin) -> restyle(skin));
        restyle(popup.getSkin());
        return binding;
    }

    private static void restyle(Skin<?> skin) {
        if (skin != null && skin.getNode() instanceof Parent list) {
            list.getStylesheets().setAll(UiStyles.stylesheets());
        }
    }
}
