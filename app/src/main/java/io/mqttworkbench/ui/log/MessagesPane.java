package io.mqttworkbench.ui.log;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.mqttworkbench.decode.PayloadPreview;
import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.common.FollowEnd;
import io.mqttworkbench.ui.common.Forms;
import io.mqttworkbench.ui.common.NoticeBar;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.css.PseudoClass;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The live message table. Rows come from the store through a virtual list, so only visible rows are
 * formatted; the table follows the newest row until the user scrolls up or pauses. A query narrows
 * the rows and stays live; selections and results export as JSON Lines, CSV or raw files.
 */
public final class MessagesPane {
    private TableView<ReceivedMessage> table;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault()); // untranslated: digits only
    private static final int PREVIEW_CHARS = 160;

    private final MessageLogViewModel log;
    private final TimelineViewModel timeline;
    private final MessageActions actions;
    private final SubscriptionsViewModel subscriptions;
    private final String connectionName;
    private final Texts texts;
    private VBox root;
    private Label counts;

    public MessagesPane(MessageLogViewModel log, TimelineViewModel timeline, MessageActions actions, SubscriptionsViewModel subscriptions,
                        String connectionName) {
        this.log = log;
        this.timeline = timeline;
        this.actions = actions;
        this.subscriptions = subscriptions;
        this.connectionName = connectionName;
        this.texts = log.texts();
    }

    public Node build() {
        TableView<ReceivedMessage> table = new TableView<>();
        this.table = table;
        table.itemsProperty().bind(log.rowsProperty());
        table.setId("messageTable");
        table.getStyleClass().addAll("message-table", Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setFixedCellSize(26);
        table.setTableMenuButtonVisible(true); // columns can be shown or hidden from the header's corner
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ReceivedMessage, String> time = fixed(column(texts.text("log.column.time"), 122, MessagesPane::time));
        table.getColumns().add(time);
        // wide enough for the date once the oldest row shown is from an earlier day (rows read from the disk)
        javafx.collections.ListChangeListener<ReceivedMessage> days = change -> widenForDates(table, time);
        table.itemsProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removeListener(days);
            }
            if (now != null) {
                now.addListener(days);
            }
            widenForDates(table, time);
        });
        table.getItems().addListener(days);
        TableColumn<ReceivedMessage, String> connection = column(texts.text("log.column.connection"), 120, m -> connectionName);
        connection.setVisible(false); // one connection per tab: shown on demand, for exports and screenshots
        table.getColumns().add(connection);
        TableColumn<ReceivedMessage, String> topic = column(texts.text("log.column.topic"), 220, ReceivedMessage::topic);
        topic.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(topic(cell.getValue())));
        topic.setCellFactory(c -> new OriginCells.Topic(subscriptions));
        table.getColumns().add(topic);
        TableColumn<ReceivedMessage, String> via = column(texts.text("log.column.subscription"), 190, m -> OriginCells.text(subscriptions.origins(), log.collapse(), m));
        via.setId("subscriptionColumn");
        via.setCellFactory(c -> new OriginCells.Subscription(subscriptions.origins(), log.collapse()));
        // a row on screen takes in a copy ("×2 via …"), or collapsing starts or stops: its cells say so now
        log.collapse().hiddenProperty().addListener(o -> table.refresh());
        log.collapse().onProperty().addListener(o -> table.refresh());
        table.getColumns().add(via);
        table.getColumns().add(column(texts.text("log.column.qos"), 50, m -> Integer.toString(m.qos())));
        TableColumn<ReceivedMessage, String> retained = column(texts.text("log.column.retain"), 64, m -> m.retained() ? texts.text("log.row.retained") : "");
        retained.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().remove("retained-cell");
                if (!empty && text != null && !text.isEmpty()) {
                    getStyleClass().add("retained-cell");
                }
            }
        });
        table.getColumns().add(retained);
        table.getColumns().add(column(texts.text("log.column.size"), 64, m -> Sizes.bytes(m.payloadSize())));
        table.getColumns().add(column(texts.text("log.column.payload"), 150, m -> PayloadPreview.of(m.payload(), PREVIEW_CHARS)));
        table.setRowFactory(t -> new GapRow(log));
        table.getColumns().forEach(c -> c.setSortable(false)); // sorting a million live rows belongs to queries, not clicks

        Label empty = new Label();
        empty.textProperty().bind(Bindings.when(log.filteredProperty())
                .then(texts.text("log.empty.filtered"))
                .otherwise(texts.text("log.empty")));
        empty.getStyleClass().add(UiStyles.EMPTY_STATE);
        table.setPlaceholder(empty);

        table.getSelectionModel().selectedItemProperty().addListener((obs, old, message) -> log.selectedProperty().set(message));
        FollowEnd.install(table, log.rowsProperty(), () -> log.followingProperty().get() && !log.pausedProperty().get(), table::scrollTo);
        table.addEventFilter(ScrollEvent.SCROLL, event -> {
            if (event.getDeltaY() > 0) {
                log.followingProperty().set(false); // reading older rows: stop jumping to the newest
            }
        });

        // Space pauses and resumes, as in a media player; the rows stay where they are either way.
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.SPACE && !event.isShortcutDown() && !event.isShiftDown()) {
                log.pausedProperty().set(!log.pausedProperty().get());
                event.consume();
            }
        });

        VBox.setVgrow(table, Priority.ALWAYS);
        Node filters = new MessageFilterBar(log, texts).build();
        // A row still being read from the disk is selected once it is there: selecting its placeholder would show nothing.
        int[] toSelect = {-1};
        javafx.collections.ListChangeListener<ReceivedMessage> arrived = change -> {
            int i = toSelect[0];
            if (i >= 0 && i < table.getItems().size() && table.getItems().get(i) != HistoryRows.LOADING) {
                toSelect[0] = -1;
                table.getSelectionModel().clearAndSelect(i);
            }
        };
        table.itemsProperty().addListener((obs, old, now) -> {
            toSelect[0] = -1;
            if (old != null) {
                old.removeListener(arrived);
            }
            if (now != null) {
                now.addListener(arrived);
            }
        });
        table.getItems().addListener(arrived);
        log.paging().rowToShowProperty().addListener((obs, old, index) -> {
            int i = index.intValue();
            if (i >= 0 && i < table.getItems().size()) {
                table.scrollTo(Math.max(0, i - 3));
                if (table.getItems().get(i) == HistoryRows.LOADING) {
                    toSelect[0] = i;
                } else {
                    table.getSelectionModel().clearAndSelect(i);
                }
            }
        });
        root = new VBox(toolbar(table), filters, new TimelineStrip(timeline).build(), table, countsLine(), new RowWindowBar(log, table, texts).build());
        return root;
    }

    private Node countsLine() {
        HBox line = new HBox(counts);
        line.getStyleClass().add("log-status");
        return line;
    }

    /** Brings {@code message} into view and selects it: the log jumps to its time (into the disk if need be) and picks it out. */
    public void reveal(ReceivedMessage message) {
        log.paging().showAt(message.receivedEpochMillis());
        if (table != null) {
            int index = table.getItems().indexOf(message);
            if (index >= 0) {
                table.getSelectionModel().clearAndSelect(index);
                table.scrollTo(Math.max(0, index - 3));
            }
        }
    }

    /** Puts the cursor in the search field (Ctrl+F). */
    public void focusSearch() {
        if (root != null) {
            Node field = root.lookup("#logSearchText");
            if (field != null) {
                field.requestFocus();
            }
        }
    }

    private Node toolbar(TableView<ReceivedMessage> table) {
        Label title = Forms.sectionTitle(texts.text("log.title"));
        Label counts = new Label();
        counts.setId("messageCounts");
        counts.getStyleClass().add(UiStyles.SECONDARY);
        counts.textProperty().bind(Bindings.createStringBinding(() -> {
            String text = texts.format("log.counts", log.receivedCountProperty().get(), log.messagesPerSecondProperty().get());
            long dropped = log.droppedCountProperty().get();
            return dropped > 0 ? texts.format("log.counts.dropped", text, dropped) : text;
        }, log.receivedCountProperty(), log.messagesPerSecondProperty(), log.droppedCountProperty()));
        // In a status line under the table, the full width of the pane: it wraps between figures, never inside one.
        counts.setWrapText(true);
        counts.setMaxWidth(Double.MAX_VALUE);
        this.counts = counts;

        ToggleButton pause = new ToggleButton(texts.text("log.pause"), new FontIcon(Feather.PAUSE));
        pause.setId("pauseToggle");
        pause.setTooltip(new Tooltip(texts.text("log.pause.tooltip")));
        pause.setMinWidth(Region.USE_PREF_SIZE);
        pause.selectedProperty().bindBidirectional(log.pausedProperty());
        pause.textProperty().bind(Bindings.createStringBinding(() -> !log.pausedProperty().get() ? texts.text("log.pause")
                        : texts.format("log.resume", log.newWhilePausedProperty().get()),
                log.pausedProperty(), log.newWhilePausedProperty()));
        ToggleButton follow = new ToggleButton(null, new FontIcon(Feather.CHEVRONS_DOWN));
        follow.setId("followToggle");
        follow.setTooltip(new Tooltip(texts.text("log.follow.tooltip")));
        follow.selectedProperty().bindBidirectional(log.followingProperty());
        follow.selectedProperty().addListener((obs, old, on) -> {
            if (on && !table.getItems().isEmpty()) {
                table.scrollTo(table.getItems().size() - 1);
            }
        });
        Button clear = new Button(null, new FontIcon(Feather.TRASH_2));
        clear.setId("clearMessages");
        clear.setTooltip(new Tooltip(texts.text("log.clear.tooltip")));
        clear.setOnAction(e -> log.clear());
        for (Node node : new Node[] {follow, clear}) {
            node.getStyleClass().add(Styles.BUTTON_ICON);
        }

        title.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, title, spacer, pause, follow, exportMenu(table), capsMenu(), clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(UiStyles.PANE_TOOLBAR);
        // an export's outcome goes by itself after a while; a failure stays until dismissed
        return new VBox(bar, NoticeBar.dismissible("logNotice", log.notice().textProperty(), log.notice().problemProperty(), log.notice()::dismiss, log.texts()));
    }

    private Node exportMenu(TableView<ReceivedMessage> table) {
        MenuButton export = new MenuButton(null, new FontIcon(Feather.DOWNLOAD));
        export.setId("exportMessages");
        export.setTooltip(new Tooltip(texts.text("log.export.tooltip")));
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem selection = new MenuItem(texts.format("log.export.selected", format.label(texts)));
            selection.setOnAction(e -> actions.exportMessages(List.copyOf(table.getSelectionModel().getSelectedItems()), format));
            MenuItem all = new MenuItem(texts.format("log.export.all", format.label(texts)));
            all.setOnAction(e -> actions.exportMessages(log.everythingShown(), format));
            export.getItems().addAll(selection, all);
            if (format != ExportFormat.RECORDING) {
                export.getItems().add(new SeparatorMenuItem());
            }
        }
        return export;
    }

    /** The store's caps: how many messages and how much payload this connection keeps. */
    private Node capsMenu() {
        Spinner<Integer> messages = new Spinner<>(1_000, 50_000_000, log.maxMessagesProperty().get(), 100_000);
        messages.setEditable(true);
        messages.setId("capMessages");
        messages.getValueFactory().valueProperty().addListener((obs, old, v) -> log.maxMessagesProperty().set(v));
        Spinner<Integer> megabytes = new Spinner<>(1, 64 * 1024, log.maxMegabytesProperty().get(), 64);
        megabytes.setEditable(true);
        megabytes.setId("capMegabytes");
        megabytes.getValueFactory().valueProperty().addListener((obs, old, v) -> log.maxMegabytesProperty().set(v));
        Button apply = new Button(texts.text("log.caps.apply"));
        apply.setId("applyCaps");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setOnAction(e -> log.applyCaps());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label(texts.text("log.caps.keep")), messages, new Label(texts.text("log.caps.messages")));
        grid.addRow(1, new Label(texts.text("log.caps.or")), megabytes, new Label(texts.text("log.caps.megabytes")));
        Label note = new Label(texts.text("log.caps.note"));
        note.getStyleClass().add(UiStyles.SECONDARY);
        VBox box = new VBox(8, grid, note, apply);
        box.getStyleClass().add("caps-form");
        CustomMenuItem item = new CustomMenuItem(box, false);
        MenuButton caps = new MenuButton(null, new FontIcon(Feather.DATABASE));
        caps.setId("storeCaps");
        caps.setTooltip(new Tooltip(texts.text("log.caps.tooltip")));
        caps.getItems().add(item);
        return caps;
    }

    /** A row that, when the connection was down just before its message, shows a rule and says so on hover. */
    private static final class GapRow extends TableRow<ReceivedMessage> {
        private static final PseudoClass AFTER_GAP = PseudoClass.getPseudoClass("after-gap");
        private final MessageLogViewModel log;

        GapRow(MessageLogViewModel log) {
            this.log = log;
        }

        @Override
        protected void updateItem(ReceivedMessage message, boolean empty) {
            super.updateItem(message, empty);
            int index = getIndex();
            java.util.List<ReceivedMessage> items = getTableView() == null ? java.util.List.of() : getTableView().getItems();
            ReceivedMessage earlier = empty || index <= 0 || index > items.size() ? null : items.get(index - 1);
            java.util.Optional<String> gap = log.gapBefore(earlier, empty ? null : message);
            pseudoClassStateChanged(AFTER_GAP, gap.isPresent());
            setTooltip(gap.map(Tooltip::new).orElse(null));
        }
    }

    /** A column whose text has one width (a time of day): never squeezed to "…". */
    private static TableColumn<ReceivedMessage, String> fixed(TableColumn<ReceivedMessage, String> column) {
        column.setMinWidth(column.getPrefWidth());
        return column;
    }

    private static TableColumn<ReceivedMessage, String> column(String title, double width, Function<ReceivedMessage, String> text) {
        TableColumn<ReceivedMessage, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 64));
        // placeholders (a row dropped, or still being read from the disk) say so in the topic column only
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(placeholder(cell.getValue()) ? "" : text.apply(cell.getValue())));
        return column;
    }

    /** The topic, or what a placeholder stands for. */
    private String topic(ReceivedMessage m) {
        return m == HistoryRows.LOADING ? texts.text("log.row.loading") : m == RowWindow.EVICTED ? texts.text("log.row.dropped") : m.topic();
    }

    private static void widenForDates(TableView<ReceivedMessage> table, TableColumn<ReceivedMessage, String> time) {
        ReceivedMessage first = table.getItems().isEmpty() ? null : table.getItems().get(0);
        double width = first != null && !placeholder(first) && time(first).length() > 12 ? 166 : 122;
        if (time.getPrefWidth() != width) {
            time.setMinWidth(width);
            time.setPrefWidth(width);
        }
    }

    /** The time of day; with the date for a day before today (a search over the history on disk spans days). */
    private static String time(ReceivedMessage m) {
        Instant at = Instant.ofEpochMilli(m.receivedEpochMillis());
        boolean today = at.atZone(ZoneId.systemDefault()).toLocalDate().equals(java.time.LocalDate.now());
        return today ? TIME.format(at) : DAY_TIME.format(at);
    }

    private static boolean placeholder(ReceivedMessage m) {
        return RowWindow.isPlaceholder(m);
    }
}
