package io.mqttworkbench.ui.common;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.decode.ProtoSchemas;
import io.mqttworkbench.profile.FieldCheck;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Protobuf schemas": the mappings in the order they are tried, with the reason beside one whose file
 * has gone, a Remove button, and a form to add one (descriptor set, message type picked from it, topics).
 */
public final class ProtoSchemasDialog {
    private final ProtoSchemasViewModel vm;
    private final Texts texts;

    public ProtoSchemasDialog(ProtoSchemasViewModel vm) {
        this.vm = vm;
        this.texts = vm.texts();
    }

    public void showAndWait(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        UiStyles.style(dialog);
        dialog.setTitle(texts.text("common.proto.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setContent(content());
        // a wrapping label makes the pane's width depend on its height; fix the width instead of asking
        dialog.getDialogPane().setMinWidth(760);
        dialog.getDialogPane().setPrefSize(760, 640);
        dialog.showAndWait();
    }

    public VBox content() {
        Label intro = new Label(texts.text("common.proto.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.getStyleClass().add(UiStyles.SECONDARY);

        TableView<ProtoSchemas.Mapping> table = new TableView<>(vm.mappings());
        table.setId("protobufSchemas");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(texts.text("common.proto.empty")));
        table.getColumns().add(column(texts.text("common.proto.column.topics"), ProtoSchemas.Mapping::filter, 160));
        table.getColumns().add(column(texts.text("common.proto.column.type"), ProtoSchemas.Mapping::messageName, 170));
        table.getColumns().add(column(texts.text("common.proto.column.file"), m -> m.file().getFileName().toString(), 140));
        table.getColumns().add(statusColumn());
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<ProtoSchemas.Mapping>();
            row.itemProperty().addListener((obs, old, m) -> row.setTooltip(m == null ? null : new Tooltip(m.file().toString())));
            return row;
        });
        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        table.setMinHeight(150);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button remove = new Button(texts.text("common.remove"), new FontIcon(Feather.TRASH_2));
        remove.setId("removeSchema");
        remove.disableProperty().bind(vm.selectedProperty().isNull().or(vm.busyProperty()));
        remove.setOnAction(e -> vm.removeSelected());
        remove.setMinWidth(Region.USE_PREF_SIZE);
        Label why = new Label();
        why.setId("schemaProblem");
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);
        why.getStyleClass().add(UiStyles.PROBLEM);
        why.textProperty().bind(Bindings.createStringBinding(() -> {
            ProtoSchemas.Mapping m = vm.selectedProperty().get();
            return m == null || m.usable() ? "" : texts.format("common.proto.problem", m.problem());
        }, vm.selectedProperty()));
        HBox.setHgrow(why, Priority.ALWAYS);
        why.setMaxWidth(Double.MAX_VALUE);
        HBox tableActions = new HBox(10, why, remove);
        tableActions.setAlignment(Pos.TOP_RIGHT);

        TextField file = new TextField();
        file.setId("schemaFile");
        file.setEditable(false);
        file.setPromptText(texts.text("common.proto.file.prompt"));
        file.textProperty().bind(Bindings.createStringBinding(() -> vm.fileProperty().get() == null ? "" : vm.fileProperty().get().toString(),
                vm.fileProperty()));
        Button browse = new Button(texts.text("common.choose"), new FontIcon(Feather.FOLDER));
        browse.setId("chooseSchemaFile");
        browse.setOnAction(e -> vm.chooseFile());
        HBox.setHgrow(file, Priority.ALWAYS);
        HBox fileRow = new HBox(6, file, browse);

        ComboBox<String> type = new ComboBox<>(vm.messageTypes());
        type.setId("schemaMessageType");
        type.setMaxWidth(Double.MAX_VALUE);
        type.setPromptText(texts.text("common.proto.type.prompt"));
        type.valueProperty().bindBidirectional(vm.messageTypeProperty());
        type.disableProperty().bind(Bindings.isEmpty(vm.messageTypes()));

        TextField filter = new TextField();
        filter.setId("schemaFilter");
        filter.setPromptText(texts.text("common.protobuf.filter.example"));
        filter.textProperty().bindBidirectional(vm.filterProperty());

        Button add = new Button(texts.text("common.proto.add"), new FontIcon(Feather.PLUS));
        add.setId("addSchema");
        add.getStyleClass().add(Styles.ACCENT);
        add.disableProperty().bind(vm.canAddBinding().not());
        add.setOnAction(e -> vm.add());
        add.setDefaultButton(true);

        Label status = new Label();
        status.setId("schemaStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.getStyleClass().add(UiStyles.SECONDARY);
        status.textProperty().bind(vm.statusProperty());

        var form = new FormGrid()
                .heading(texts.text("common.proto.heading"))
                .row(texts.text("common.proto.file"), fileRow)
                .line(hint(texts.text("common.proto.file.hint")))
                .row(texts.text("common.proto.type"), type)
                .row(texts.text("common.proto.topics"), filter, Bindings.createObjectBinding(
                        () -> vm.filterProblemProperty().get().isEmpty() ? FieldCheck.OK : FieldCheck.error(vm.filterProblemProperty().get()),
                        vm.filterProblemProperty()))
                .line(add)
                .line(status)
                .node();
        VBox content = new VBox(10, intro, table, tableActions, form);
        content.setFillWidth(true);
        content.getStyleClass().add(UiStyles.FORM_PANE);
        return content;
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add(UiStyles.SECONDARY);
        return hint;
    }

    private static TableColumn<ProtoSchemas.Mapping, String> column(String title, java.util.function.Function<ProtoSchemas.Mapping, String> value,
                                                                   double width) {
        TableColumn<ProtoSchemas.Mapping, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private TableColumn<ProtoSchemas.Mapping, ProtoSchemas.Mapping> statusColumn() {
        TableColumn<ProtoSchemas.Mapping, ProtoSchemas.Mapping> column = new TableColumn<>(texts.text("common.proto.column.status"));
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ProtoSchemas.Mapping m, boolean empty) {
                super.updateItem(m, empty);
                getStyleClass().remove(UiStyles.PROBLEM);
                if (empty || m == null) {
                    setText(null);
                    setTooltip(null);
                } else if (m.usable()) {
                    setText(texts.text("common.proto.status.in.use"));
                    setTooltip(null);
                } else {
                    setText(texts.text("common.proto.status.not.usable"));
                    setTooltip(new Tooltip(m.problem()));
                    getStyleClass().add(UiStyles.PROBLEM);
                }
            }
        });
        return column;
    }
}
