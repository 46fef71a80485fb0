package io.mqttworkbench.ui.connection;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.ui.broker.BrokerStatsPane;
import io.mqttworkbench.ui.common.LazyContent;
import io.mqttworkbench.ui.common.SplitPositions;
import io.mqttworkbench.ui.common.StateDot;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import io.mqttworkbench.ui.common.WindowLayout;
import io.mqttworkbench.ui.log.MessageDetailPane;
import io.mqttworkbench.ui.log.MessagesPane;
import io.mqttworkbench.ui.publish.ComposerPane;
import io.mqttworkbench.ui.publish.PublishPane;
import io.mqttworkbench.ui.replay.ReplayPane;
import io.mqttworkbench.ui.tree.TopicsPane;
import java.util.function.Supplier;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import io.mqttworkbench.ui.sparkplug.SparkplugPane;
import io.mqttworkbench.ui.sparkplug.SparkplugViewModel;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One connection's tab: a header with its state and the connect button, the subscribe and publish
 * forms on the left, the live message table with the selected message and the event log on the right.
 */
public final class ConnectionView {
    private final ConnectionViewModel viewModel;
    private final WindowLayout layout;
    private final Texts texts;
    private TabPane views;
    private MessagesPane messages;

    public ConnectionView(ConnectionViewModel viewModel, WindowLayout layout) {
        this.viewModel = viewModel;
        this.layout = layout;
        this.texts = viewModel.texts();
    }

    /** Shows the inner tab at {@code index} (0: Topics … 4: Broker), as Ctrl+1 … Ctrl+5 do. */
    public void showView(int index) {
        if (views != null && index >= 0 && index < views.getTabs().size()) {
            views.getSelectionModel().select(index);
        }
    }

    /** Opens the message log and puts the cursor in its search field (Ctrl+F). */
    public void searchLog() {
        showView(1);
        if (messages != null) {
            messages.focusSearch();
        }
    }

    /** Connects, or disconnects (cancels a connection attempt) when it is already under way. */
    public void toggleConnection() {
        if (viewModel.canConnect().get()) {
            viewModel.connect();
        } else {
            viewModel.disconnect();
        }
    }

    public Node build() {
        // Subscriptions above, publishing below: both always in view, the divider decides their share.
        SplitPane forms = new SplitPane(scrolling(new SubscriptionsPane(viewModel).build()), scrolling(new PublishPane(viewModel.publishing(), viewModel.stateProperty()).build()));
        forms.setOrientation(Orientation.VERTICAL);
        forms.setDividerPositions(0.56);
        forms.getStyleClass().add("forms-split");
        forms.setMinWidth(300);
        forms.setPrefWidth(340);

        // Only the tab in view is built now, the others shortly after the window is up (or on first opening).
        // The window then opens with a fraction of its controls to create, style and lay out, which is most of
        // the start-up time, and a first click on another tab does not wait for its build.
        TabPane right = new TabPane(
                tab("tabTopics", "connection.tab.topics", Feather.GIT_MERGE, new TopicsPane(viewModel.topics(), viewModel.topicActions(), viewModel.topicDetail(), layout).build()),
                lazyTab("tabMessages", "connection.tab.messages", Feather.LIST, this::messageLog),
                lazyTab("tabPublish", "connection.tab.publish", Feather.SEND, () -> new ComposerPane(viewModel.publishing(), viewModel.composerLibrary(), viewModel.history(),
                        viewModel.traffic().tree(), viewModel.dialogs(), viewModel.stateProperty(), viewModel.background(), viewModel.ui()).build()),
                lazyTab("tabReplay", "connection.tab.replay", Feather.FILM, () -> new ReplayPane(viewModel.replay(), viewModel.stateProperty()).build()),
                lazyTab("tabBroker", "connection.tab.broker", Feather.SERVER, () -> new BrokerStatsPane(viewModel.brokerStats()).build()));
        right.setId("connectionViews");
        views = right;
        addSparkplugTabOnceSeen(right);
        LazyContent.prebuildAfterShown(right);
        right.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        right.getStyleClass().add("view-tabs");

        SplitPane body = new SplitPane(forms, right);
        body.setId("connectionBody");
        SplitPane.setResizableWithParent(forms, false);
        SplitPositions.follow(body, layout.divider("forms", 0.3));
        Runnable placeForms = () -> {
            if (!layout.formsCollapsedProperty().get() && !body.getItems().contains(forms)) {
                body.getItems().add(0, forms);
            } else if (layout.formsCollapsedProperty().get()) {
                body.getItems().remove(forms);
            }
        };
        placeForms.run();
        layout.formsCollapsedProperty().addListener((obs, was, collapsed) -> placeForms.run());

        BorderPane root = new BorderPane(body);
        // a problem with the history file shows here; its status is in the window's status bar
        root.setTop(new VBox(header(), new DiskHistoryPane(viewModel.diskHistory()).noticeBar()));
        return root;
    }

    private Node header() {
        Label title = new Label();
        title.textProperty().bind(viewModel.nameProperty());
        title.getStyleClass().add("title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label address = new Label();
        address.getStyleClass().add(UiStyles.SECONDARY);
        address.textProperty().bind(viewModel.addressProperty());
        address.setMinWidth(0);
        address.setTooltip(new javafx.scene.control.Tooltip());
        address.getTooltip().textProperty().bind(viewModel.addressProperty());
        // One line: the header is chrome, the rows below are what the user came for.
        Label insecure = new Label(texts.text("connection.insecure"), new FontIcon(Feather.ALERT_TRIANGLE));
        insecure.setId("insecureBadge");
        insecure.getStyleClass().add("insecure-badge");
        insecure.setMinWidth(Region.USE_PREF_SIZE);
        insecure.setTooltip(new javafx.scene.control.Tooltip(texts.text("connection.insecure.tooltip")));
        insecure.visibleProperty().bind(viewModel.insecureProperty());
        insecure.managedProperty().bind(insecure.visibleProperty());
        HBox names = new HBox(8, title, insecure, address);
        names.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        names.setMinWidth(0);
        HBox.setHgrow(names, Priority.SOMETIMES);

        Label status = new Label();
        status.setId("connectionStatus");
        status.getStyleClass().add("state-label");
        status.setWrapText(true);
        status.setMaxWidth(520);
        status.setMinWidth(120);
        status.textProperty().bind(viewModel.statusTextProperty());
        UiStyles.showState(status, viewModel.stateProperty().get());
        viewModel.stateProperty().addListener((obs, old, state) -> UiStyles.showState(status, state));

        Button connect = new Button(texts.text("connection.connect"), new FontIcon(Feather.PLAY));
        connect.setMinWidth(Region.USE_PREF_SIZE);
        connect.setTooltip(new javafx.scene.control.Tooltip(texts.text("connection.connect.tooltip")));
        connect.setId("connectButton");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setOnAction(e -> viewModel.connect());
        Button disconnect = new Button(texts.text("connection.disconnect"), new FontIcon(Feather.SQUARE));
        disconnect.setMinWidth(Region.USE_PREF_SIZE);
        disconnect.setTooltip(new javafx.scene.control.Tooltip(texts.text("connection.disconnect.tooltip")));
        disconnect.setId("disconnectButton");
        disconnect.setOnAction(e -> viewModel.disconnect());
        connect.visibleProperty().bind(viewModel.canConnect());
        connect.managedProperty().bind(connect.visibleProperty());
        disconnect.visibleProperty().bind(connect.visibleProperty().not());
        disconnect.managedProperty().bind(disconnect.visibleProperty());
        disconnect.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> viewModel.stateProperty().get() == ConnectionState.CONNECTED ? texts.text("connection.disconnect") : texts.text("common.cancel"), viewModel.stateProperty()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // On a small screen the log and the tree want the width: the forms column folds away and back.
        javafx.scene.control.ToggleButton side = new javafx.scene.control.ToggleButton(null, new FontIcon(Feather.SIDEBAR));
        side.setId("formsToggle");
        side.getStyleClass().add(Styles.BUTTON_ICON);
        side.setSelected(!layout.formsCollapsedProperty().get());
        side.setTooltip(new javafx.scene.control.Tooltip(texts.text("connection.forms.toggle.tooltip")));
        side.selectedProperty().addListener((obs, was, shown) -> layout.formsCollapsedProperty().set(!shown));
        layout.formsCollapsedProperty().addListener((obs, was, collapsed) -> side.setSelected(!collapsed));
        javafx.scene.control.ToggleButton detailRight = new javafx.scene.control.ToggleButton(null, new FontIcon(Feather.COLUMNS));
        detailRight.setId("detailPlacementToggle");
        detailRight.getStyleClass().add(Styles.BUTTON_ICON);
        detailRight.setTooltip(new javafx.scene.control.Tooltip(texts.text("connection.detail.toggle.tooltip")));
        detailRight.selectedProperty().bindBidirectional(layout.detailOnTheRightProperty());
        // while a recording runs, its counts stay in view whatever tab is shown
        Label recording = new Label();
        recording.setId("recordingIndicator");
        recording.getStyleClass().add("recording-indicator");
        recording.setGraphic(new FontIcon(Feather.CIRCLE));
        recording.textProperty().bind(viewModel.replay().recordStatusProperty());
        recording.visibleProperty().bind(viewModel.replay().recordingProperty());
        recording.managedProperty().bind(recording.visibleProperty());
        HBox header = new HBox(StateDot.of(viewModel.stateProperty(), viewModel.texts()), names, spacer, recording, status, connect, disconnect, detailRight, side);
        header.getStyleClass().add(UiStyles.CONNECTION_HEADER);
        return header;
    }

    /** The message log above, the selected message's payload, properties and the connection's events below. */
    /** The Sparkplug tab appears with the first Sparkplug B message (and stays): most connections never see one. */
    private void addSparkplugTabOnceSeen(TabPane tabs) {
        SparkplugViewModel sparkplug = viewModel.sparkplug();
        Runnable add = () -> tabs.getTabs().add(lazyTab("tabSparkplug", "connection.tab.sparkplug", Feather.CPU, () -> new SparkplugPane(sparkplug, viewModel.dialogs(), message -> {
            showView(1);
            if (messages != null) {
                messages.reveal(message);
            }
        }).build()));
        if (sparkplug.seenProperty().get()) {
            add.run();
        } else {
            sparkplug.seenProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> seen, Boolean old, Boolean now) {
                    if (now) {
                        seen.removeListener(this);
                        add.run();
                    }
                }
            });
        }
    }

    private Node messageLog() {
        MessageDetailPane detail = new MessageDetailPane(viewModel.messageDetail(), viewModel.messageActions(), viewModel.background(), viewModel.ui());
        Tab properties = tab("tabProperties", "connection.tab.properties", Feather.LIST, detail.properties());
        properties.textProperty().bind(detail.propertiesTitle());
        TabPane lower = new TabPane(
                tab("tabPayload", "connection.tab.payload", Feather.FILE_TEXT, detail.payload()),
                properties,
                tab("tabEvents", "connection.tab.events", Feather.ACTIVITY, new EventsPane(viewModel).build()));
        lower.setId("messageDetailTabs");
        lower.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        messages = new MessagesPane(viewModel.log(), viewModel.timeline(), viewModel.messageActions(), viewModel.subscriptions(), viewModel.name());
        SplitPane log = new SplitPane(messages.build(), lower);
        log.setId("logSplit");
        SplitPositions.followDetail(log, layout, "log", 0.62, 0.6);
        return log;
    }

    /** A tab whose content is built the first time it is selected. */
    private Tab lazyTab(String id, String key, Feather icon, Supplier<Node> content) {
        return LazyContent.onFirstSelection(tab(id, key, icon, null), content);
    }

    /** Fills the height it gets, and scrolls when it gets less than it needs. */
    private static ScrollPane scrolling(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFocusTraversable(false); // no Tab stop without a visible focus: the controls inside take it
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    /** A tab with a fixed id ("tabTopics"), titled in the interface language. */
    private Tab tab(String id, String key, Feather icon, Node content) {
        Tab tab = new Tab(texts.text(key), content);
        tab.setId(id);
        tab.setGraphic(new FontIcon(icon));
        return tab;
    }
}
