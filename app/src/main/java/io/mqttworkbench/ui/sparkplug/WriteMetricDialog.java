package io.mqttworkbench.ui.sparkplug;

import io.mqttworkbench.sparkplug.MetricValue;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Asks which metric to write to a node (NCMD) or device (DCMD), its data type and the value. The metric
 * can be one its birth declared (its type is then filled in) or any other name; a value that does not fit
 * the type is refused with the reason, and the dialog stays open.
 */
final class WriteMetricDialog {
    private static final List<String> TYPES = List.of("Boolean", "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64", // untranslated: data types
            "Float", "Double", "String", "Text", "DateTime"); // untranslated: Sparkplug B's data type names

    private final SparkplugViewModel viewModel;
    private final SparkplugViewModel.Target target;

    WriteMetricDialog(SparkplugViewModel viewModel, SparkplugViewModel.Target target) {
        this.viewModel = viewModel;
        this.target = target;
    }

    void showAndWait(Window owner) {
        Texts texts = viewModel.texts();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(texts.text("sparkplug.write.title"));
        dialog.setHeaderText(texts.format(target.device() == null ? "sparkplug.write.header.node" : "sparkplug.write.header.device", target.where()));
        UiStyles.style(dialog);
        List<MetricValue> declared = List.copyOf(viewModel.metrics());
        ComboBox<String> metric = new ComboBox<>(FXCollections.observableArrayList(declared.stream().map(MetricValue::name).toList()));
        metric.setId("writeMetricName");
        metric.setEditable(true);
        metric.setPromptText(texts.text("sparkplug.write.metric.prompt"));
        metric.setPrefWidth(300);
        ComboBox<String> type = new ComboBox<>(FXCollections.observableArrayList(TYPES));
        type.setId("writeMetricType");
        type.getSelectionModel().select(TYPES.get(0));
        metric.valueProperty().addListener((o, old, name) -> declared.stream().filter(m -> m.name().equals(name)).findFirst()
                .filter(m -> TYPES.contains(m.typeName())).ifPresent(m -> type.getSelectionModel().select(m.typeName())));
        TextField value = new TextField();
        value.setId("writeMetricValue");
        value.setPromptText(texts.text("sparkplug.write.value.prompt"));
        Label problem = new Label();
        problem.setId("writeMetricProblem");
        problem.getStyleClass().add(UiStyles.PROBLEM);
        problem.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(texts.text("sparkplug.column.metric")), metric);
        grid.addRow(1, new Label(texts.text("sparkplug.write.type")), type);
        grid.addRow(2, new Label(texts.text("sparkplug.column.value")), value);
        grid.add(problem, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(grid);
        ButtonType send = new ButtonType(texts.text("sparkplug.write.send"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(send, ButtonType.CANCEL);
        // refused values keep the dialog open with the reason
        dialog.getDialogPane().lookupButton(send).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            Optional<String> refused = viewModel.write(target, metric.getEditor().getText(), type.getValue(), value.getText());
            refused.ifPresent(reason -> {
                problem.setText(reason);
                e.consume();
            });
        });
        dialog.showAndWait();
    }
}
