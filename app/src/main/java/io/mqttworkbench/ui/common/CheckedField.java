package io.mqttworkbench.ui.common;

import io.mqttworkbench.profile.FieldCheck;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * A text field's value with its verdict, re-checked on every change: the pairing behind "every field
 * validates as you type, with the reason shown beside it".
 */
public final class CheckedField {
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<FieldCheck> check = new ReadOnlyObjectWrapper<>(FieldCheck.OK);
    private final Function<String, FieldCheck> checker;

    public CheckedField(String initial, Function<String, FieldCheck> checker, ObservableValue<?>... alsoDependsOn) {
        this.checker = checker;
        text.set(initial == null ? "" : initial);
        text.addListener((obs, old, now) -> recheck());
        for (ObservableValue<?> dependency : alsoDependsOn) {
            dependency.addListener((obs, old, now) -> recheck());
        }
        recheck();
    }

    public StringProperty textProperty() {
        return text;
    }

    public String text() {
        return text.get() == null ? "" : text.get();
    }

    public String trimmed() {
        return text().strip();
    }

    public ReadOnlyObjectProperty<FieldCheck> checkProperty() {
        return check.getReadOnlyProperty();
    }

    public boolean blocksSaving() {
        return check.get().blocksSaving();
    }

    public void recheck() {
        check.set(checker.apply(text()));
    }
}
