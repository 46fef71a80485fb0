package io.mqttworkbench.ui.sparkplug;

import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.sparkplug.MetricValue;
import io.mqttworkbench.sparkplug.SparkplugFlag;
import io.mqttworkbench.ui.common.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;

/** The metrics of the selected node or device, and the list of broken rules. */
final class SparkplugTables {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    private SparkplugTables() {
    }

    static TableView<MetricValue> metrics(SparkplugViewModel viewModel) {
        Texts texts = viewModel.texts();
        TableView<MetricValue> table = new TableView<>(viewModel.metrics());
        table.setId("sparkplugMetrics");
        table.setPlaceholder(new Label(texts.text("sparkplug.metrics.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add("message-table"); // fixed-width values, like the log
        table.setFixedCellSize(26);
        table.getColumns().setAll(List.of(
                column(texts.text("sparkplug.column.metric"), 150, MetricValue::name),
                column(texts.text("sparkplug.column.alias"), 48, m -> m.alias() == null ? "" : m.alias().toString()),
                column(texts.text("sparkplug.column.type"), 64, MetricValue::typeName),
                column(texts.text("sparkplug.column.value"), 110, MetricValue::shownValue),
                column(texts.text("sparkplug.column.unit"), 44, MetricValue::unit),
                column(texts.text("sparkplug.column.time"), 96, m -> m.timestamp() == null ? "" : when(m.timestamp()))));
        MenuItem copyValue = new MenuItem(texts.text("sparkplug.copy.value"));
        copyValue.setOnAction(e -> copy(table.getSelectionModel().getSelectedItem(), MetricValue::shownValue));
        MenuItem copyName = new MenuItem(texts.text("sparkplug.copy.name"));
        copyName.setOnAction(e -> copy(table.getSelectionModel().getSelectedItem(), MetricValue::name));
        MenuItem copyRow = new MenuItem(texts.text("sparkplug.copy.text"));
        copyRow.setOnAction(e -> copy(table.getSelectionModel().getSelectedItem(), m -> m.name() + " = " + m.shownValue() + (m.unit().isEmpty() ? "" : " " + m.unit()) + " (" + m.typeName() + ")"));
        table.setContextMenu(new ContextMenu(copyValue, copyName, copyRow));
        table.setRowFactory(t -> {
            TableRow<MetricValue> row = new TableRow<>();
            row.itemProperty().addListener((o, old, m) -> row.setTooltip(m == null || m.properties().isEmpty() ? null
                    : new Tooltip(m.properties().entrySet().stream().map(p -> p.getKey() + ": " + p.getValue()).reduce((a, b) -> a + "\n" + b).orElse(""))));
            return row;
        });
        return table;
    }

    static TableView<SparkplugFlag> flags(SparkplugViewModel viewModel, Consumer<ReceivedMessage> showInLog) {
        Texts texts = viewModel.texts();
        TableView<SparkplugFlag> table = new TableView<>(viewModel.flags());
        table.setId("sparkplugFlags");
        table.setPlaceholder(new Label(texts.text("sparkplug.flags.empty")));
        table.setFixedCellSize(26);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column(texts.text("sparkplug.column.time"), 96, f -> TIME.format(Instant.ofEpochMilli(f.atMillis()))),
                column(texts.text("sparkplug.column.where"), 160, SparkplugFlag::where),
                column(texts.text("sparkplug.column.problem"), 130, f -> texts.text("sparkplug.flag." + f.kind().name().toLowerCase(Locale.ROOT))),
                column(texts.text("sparkplug.column.detail"), 320, viewModel::detail)));
        Runnable show = () -> {
            SparkplugFlag flag = table.getSelectionModel().getSelectedItem();
            if (flag != null && !flag.messages().isEmpty()) {
                showInLog.accept(flag.messages().get(flag.messages().size() - 1));
            }
        };
        MenuItem inLog = new MenuItem(texts.text("sparkplug.showInLog"));
        inLog.setOnAction(e -> show.run());
        table.setContextMenu(new ContextMenu(inLog));
        table.setRowFactory(t -> {
            TableRow<SparkplugFlag> row = new TableRow<>();
            row.getStyleClass().add("sparkplug-flag-row");
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    show.run();
                }
            });
            row.itemProperty().addListener((o, old, f) -> row.setTooltip(f == null ? null : new Tooltip(texts.format("sparkplug.flag.tooltip", viewModel.detail(f),
                    String.join("\n", f.messages().stream().map(m -> TIME.format(Instant.ofEpochMilli(m.receivedEpochMillis())) + "  " + m.topic()).toList())))));
            return row;
        });
        return table;
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT) // untranslated: digits only
            .withZone(ZoneId.systemDefault());

    /** The time of day, with the date when it is not today (edge nodes with a wrong clock show up so). */
    private static String when(long millis) {
        Instant at = Instant.ofEpochMilli(millis);
        boolean today = at.atZone(ZoneId.systemDefault()).toLocalDate().equals(java.time.LocalDate.now(ZoneId.systemDefault()));
        return (today ? TIME : DATE_TIME).format(at);
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }

    private static void copy(MetricValue metric, Function<MetricValue, String> text) {
        if (metric != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.apply(metric));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        }
    }

}
