package io.mqttworkbench.ui;

import atlantafx.base.theme.Styles;
import io.mqttworkbench.mqtt.ConnectionState;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The left column: the application's name, the theme switch, the connections and a field to add one. */
final class SidebarView {
    private final MainWindowViewModel viewModel;

    SidebarView(MainWindowViewModel viewModel) {
        this.viewModel = viewModel;
    }

    Node build() {
        ListView<ConnectionViewModel> list = new ListView<>(viewModel.connections());
        list.setId("connectionList");
        list.setCellFactory(view -> new ConnectionCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, connection) -> {
            if (connection != null) {
                viewModel.open(connection);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, connection) -> {
            if (connection == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(connection);
            }
        });
        list.getSelectionModel().select(viewModel.selectedProperty().get());
        VBox.setVgrow(list, Priority.ALWAYS);

        Label section = Forms.sectionTitle("CONNECTIONS");

        VBox sidebar = new VBox(header(), section, list, newConnectionForm());
        sidebar.getStyleClass().add(UiStyles.SIDEBAR);
        sidebar.setPrefWidth(270);
        sidebar.setMinWidth(220);
        return sidebar;
    }

    private Node header() {
        Label title = new Label("MQTT Workbench");
        title.getStyleClass().add(UiStyles.APP_TITLE);
        Button theme = new Button();
        theme.setId("themeToggle");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        FontIcon icon = new FontIcon();
        theme.setGraphic(icon);
        Tooltip tooltip = new Tooltip();
        theme.setTooltip(tooltip);
        ChangeListener<Theme> showTheme = (obs, old, now) -> {
            icon.setIconCode(now == Theme.DARK ? Feather.SUN : Feather.MOON);
            tooltip.setText(now == Theme.DARK ? "Switch to the light theme" : "Switch to the dark theme");
        };
        showTheme.changed(null, null, viewModel.themeProperty().get());
        viewModel.themeProperty().addListener(showTheme);
        theme.setOnAction(e -> viewModel.toggleTheme());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(logo(), title, spacer, theme);
        header.getStyleClass().add(UiStyles.SIDEBAR_HEADER);
        return header;
    }

    private static Node logo() {
        java.io.InputStream png = SidebarView.class.getResourceAsStream("icons/mqtt-workbench-64.png");
        if (png == null) {
            return new FontIcon(Feather.RADIO);
        }
        javafx.scene.image.ImageView view = new javafx.scene.image.ImageView(new javafx.scene.image.Image(png, 24, 24, true, true));
        view.setSmooth(true);
        return view;
    }

    private Node newConnectionForm() {
        Label title = Forms.sectionTitle("NEW CONNECTION");
        TextField url = Forms.validatedField("newConnectionUrl", "mqtt://host:1883 or ws://host:8083/mqtt", viewModel.newUrlProperty(),
                viewModel.newUrlProblemProperty());
        url.setOnAction(e -> viewModel.addConnectionFromUrl());
        HBox.setHgrow(url, Priority.ALWAYS);
        Button add = new Button(null, new FontIcon(Feather.PLUS));
        add.setId("addConnection");
        add.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.ACCENT);
        add.setTooltip(new Tooltip("Connect to this broker"));
        add.setOnAction(e -> viewModel.addConnectionFromUrl());
        Label problem = Forms.problemLabel("newConnectionProblem", viewModel.newUrlProblemProperty());
        VBox form = new VBox(title, new HBox(6, url, add), problem);
        form.getStyleClass().add("new-connection");
        return form;
    }

    /** A profile with its state dot, name, and where it connects (or why it failed). */
    private static final class ConnectionCell extends ListCell<ConnectionViewModel> {
        private final Region dot = new Region();
        private final Label name = new Label();
        private final Label detail = new Label();
        private final HBox graphic;
        private ConnectionViewModel bound;
        private final ChangeListener<ConnectionState> stateListener = (obs, old, state) -> UiStyles.showState(dot, state);

        ConnectionCell() {
            dot.getStyleClass().add(UiStyles.STATE_DOT);
            name.getStyleClass().add(UiStyles.CONNECTION_NAME);
            detail.getStyleClass().add(UiStyles.SECONDARY);
            VBox text = new VBox(2, name, detail);
            graphic = new HBox(10, dot, text);
            graphic.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            getStyleClass().add(UiStyles.CONNECTION_CELL);
        }

        @Override
        protected void updateItem(ConnectionViewModel item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                bound.stateProperty().removeListener(stateListener);
                detail.textProperty().unbind();
                bound = null;
            }
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            bound = item;
            name.setText(item.name());
            detail.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> item.stateProperty().get() == ConnectionState.FAILED || item.stateProperty().get() == ConnectionState.RECONNECTING
                            ? item.statusTextProperty().get() : item.addressProperty().get(),
                    item.stateProperty(), item.statusTextProperty(), item.addressProperty()));
            item.stateProperty().addListener(stateListener);
            UiStyles.showState(dot, item.stateProperty().get());
            setTooltip(new Tooltip(item.name() + "\n" + item.addressProperty().get()));
            setGraphic(graphic);
            setText(null);
        }
    }
}
