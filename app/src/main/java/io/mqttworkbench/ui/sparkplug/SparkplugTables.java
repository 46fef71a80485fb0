package io.mqttworkbench.ui.sparkplug;

import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.sparkplug.MetricValue;
import io.mqttworkbench.sparkplug.SparkplugFlag;
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
        TableView<MetricValue> table = new TableView<>(viewModel.metrics());
        table.setId("sparkplugMetrics");
        table.setPlaceholder(new Label("Select an edge node or a device to see its metrics"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add("message-table"); // fixed-width values, like the log
        table.setFixedCellSize(26);
        table.getColumns().setAll(List.of(
                column("Metric", 150, MetricValue::name),
                column("Alias", 48, m -> m.alias() == null ? "" : m.alias().toString()),
                column("Type", 64, MetricValue::typeName),
                column("Value", 110, m -> m.valueText() == null ? "null" : unquoted(m.valueText())),
                column("Unit", 44, MetricValue::unit),
                column("Time", 96, m -> m.timestamp() == null ? "" : when(m.timestamp()))));
        MenuItem copyValue = new MenuItem("Copy value");
        copyValue.setOnAction(e -> copy(table.getSelectionModel().getSelectedItem(), m -> m.valueText() == null ? "null" : unquoted(m.valueText())));
        MenuItem copyName = new MenuItem("Copy name");
        copyName.setOnAction(e -> copy(table.getSelectionModel().getSelectedItem(), MetricValue::name));
        MenuItem copyRow = new MenuItem("Copy as text");
        copyRow.setOnAction(e -> copy(table.getSelectionModel().getSelectedItem(), m -> m.name() + " = " + (m.valueText() == null ? "null"
                : unquoted(m.valueText())) + (m.unit().isEmpty() ? "" : " " + m.unit()) + " (" + m.typeName() + ")"));
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
        TableView<SparkplugFlag> table = new TableView<>(viewModel.flags());
        table.setId("sparkplugFlags");
        table.setPlaceholder(new Label("No broken rule: seq in order, deaths match births, data after births"));
        table.setFixedCellSize(26);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Time", 96, f -> TIME.format(Instant.ofEpochMilli(f.atMillis()))),
                column("Where", 160, SparkplugFlag::where),
                column("Problem", 130, f -> f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')),
                column("Detail", 320, SparkplugFlag::detail)));
        Runnable show = () -> {
            SparkplugFlag flag = table.getSelectionModel().getSelectedItem();
            if (flag != null && !flag.messages().isEmpty()) {
                showInLog.accept(flag.messages().get(flag.messages().size() - 1));
            }
        };
        MenuItem inLog = new MenuItem("Show in the message log");
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
            row.itemProperty().addListener((o, old, f) -> row.setTooltip(f == null ? null : new Tooltip(f.detail() + "\n\nMessages involved:\n"
                    + String.join("\n", f.messages().stream().map(m -> TIME.format(Instant.ofEpochMilli(m.receivedEpochMillis())) + "  " + m.topic()).toList())
                    + "\n\nDouble-click shows the last one in the message log.")));
            return row;
        });
        return table;
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
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

    private static String unquoted(String json) {
        return json.length() >= 2 && json.startsWith("\"") && json.endsWith("\"") ? json.substring(1, json.length() - 1) : json;
    }
}
