package io.mqttworkbench.ui.common;

import io.mqttworkbench.profile.FieldCheck;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * A two-column form: labels on the left, fields on the right, and under a field the verdict of its check,
 * coloured by severity (:error, :warning, :info).
 */
public final class FormGrid {
    private final GridPane grid = new GridPane();
    private int row;

    public FormGrid() {
        grid.getStyleClass().add("form-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
    }

    public GridPane node() {
        return grid;
    }

    public FormGrid heading(String text) {
        Label heading = Forms.sectionTitle(text);
        GridPane.setHalignment(heading, HPos.LEFT);
        grid.add(heading, 0, row++, 2, 1);
        return this;
    }

    public FormGrid row(String label, Node field) {
        Label name = new Label(label);
        name.setLabelFor(field);
        GridPane.setValignment(name, VPos.CENTER);
        grid.add(name, 0, row);
        grid.add(field, 1, row++);
        return this;
    }

    /** A field with its check's message under it (taking no room while there is nothing to say). */
    public FormGrid row(String label, Node field, ObservableValue<FieldCheck> check) {
        row(label, field);
        Label message = checkMessage(check);
        grid.add(message, 1, row++);
        return this;
    }

    /** A line spanning the field column: hints, check boxes. */
    public FormGrid line(Node node) {
        GridPane.setHalignment(node, HPos.LEFT);
        grid.add(node, 1, row++);
        return this;
    }

    public static Label checkMessage(ObservableValue<FieldCheck> check) {
        Label message = new Label();
        message.getStyleClass().add("check-message");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        show(message, check.getValue());
        check.addListener((obs, old, now) -> show(message, now));
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        return message;
    }

    private static void show(Label message, FieldCheck check) {
        FieldCheck verdict = check == null ? FieldCheck.OK : check;
        message.setText(verdict.message());
        for (FieldCheck.Severity severity : FieldCheck.Severity.values()) {
            message.pseudoClassStateChanged(PseudoClass.getPseudoClass(severity.name().toLowerCase(Locale.ROOT)), severity == verdict.severity());
        }
    }
}
