package io.mqttworkbench.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.beans.value.WritableValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.util.Callback;

/**
 * A text cell that keeps what was typed, as a spreadsheet does: Enter, Tab and leaving the cell all commit;
 * only Escape throws the typing away. Tab goes on to the next column's cell of the same row. (JavaFX's
 * TextFieldTableCell commits on Enter alone and drops the text on Tab or a click elsewhere.)
 */
public final class CommittingTextCell<S> extends TableCell<S, String> {
    private TextField field;
    private boolean escaped;

    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> forTableColumn() {
        return column -> new CommittingTextCell<>();
    }

    @Override
    public void startEdit() {
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        escaped = false;
        if (field == null) {
            field = new TextField();
            field.setOnKeyPressed(event -> {
                if (event.getCode() == KeyCode.ENTER) {
                    commitEdit(field.getText());
                    event.consume(); // not the default button's: Enter ends the typing, nothing else
                } else if (event.getCode() == KeyCode.ESCAPE) {
                    escaped = true;
                    cancelEdit();
                    event.consume();
                } else if (event.getCode() == KeyCode.TAB) {
                    commitEdit(field.getText());
                    event.consume();
                    editNextColumn(event.isShiftDown() ? -1 : 1);
                }
            });
            field.focusedProperty().addListener((obs, was, focused) -> {
                if (!focused && isEditing()) {
                    commitEdit(field.getText());
                }
            });
        }
        field.setText(getItem() == null ? "" : getItem());
        setText(null);
        setGraphic(field);
        field.selectAll();
        field.requestFocus();
    }

    private void editNextColumn(int step) {
        var table = getTableView();
        int next = table.getVisibleLeafIndex(getTableColumn()) + step;
        int row = getIndex();
        if (next >= 0 && next < table.getVisibleLeafColumns().size()) {
            table.edit(row, table.getVisibleLeafColumn(next));
        } else {
            table.requestFocus();
        }
    }

    @Override
    public void cancelEdit() {
        // The table cancels the edit when the user clicks elsewhere in it: keep the typing unless it was Escape.
        String typed = field == null ? null : field.getText();
        int row = getIndex();
        super.cancelEdit();
        if (!escaped && typed != null && row >= 0 && row < getTableView().getItems().size()) {
            ObservableValue<String> value = getTableColumn().getCellObservableValue(row);
            if (value instanceof WritableValue<?> && !typed.equals(value.getValue())) {
                @SuppressWarnings("unchecked")
                WritableValue<String> writable = (WritableValue<String>) value;
                writable.setValue(typed);
            }
        }
        show(getItem());
    }

    @Override
    public void commitEdit(String value) {
        super.commitEdit(value);
        show(value);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty) {
            setText(null);
            setGraphic(null);
        } else if (isEditing() && field != null) {
            field.setText(item);
            setText(null);
            setGraphic(field);
        } else {
            show(item);
        }
    }

    private void show(String item) {
        setText(item);
        setGraphic(null);
    }
}
