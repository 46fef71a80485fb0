package io.mqttworkbench.ui;

import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/** The main window: connections sidebar, a tab per open connection, status bar. */
public final class MainWindowView {

    private final MainWindowViewModel viewModel;
    private final Map<ConnectionViewModel, Tab> tabs = new HashMap<>();
    private final TabPane tabPane = new TabPane();

    public MainWindowView(MainWindowViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** The window's scene, with the workbench style sheet on top of the theme. */
    public Scene scene(double width, double height) {
        Scene scene = new Scene(build(), width, height);
        scene.getStylesheets().add(Objects.requireNonNull(MainWindowView.class.getResource("workbench.css")).toExternalForm());
        return scene;
    }

    public Parent build() {
        BorderPane root = new BorderPane();
        root.setId("mainWindow");
        root.setLeft(new SidebarView(viewModel).build());
        root.setCenter(buildTabs());
        root.setBottom(new StatusBarView(viewModel).build());
        return root;
    }

    private TabPane buildTabs() {
        tabPane.setId("connectionTabs");
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        viewModel.openTabs().forEach(this::addTab);
        viewModel.openTabs().addListener((ListChangeListener<ConnectionViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(c -> tabPane.getTabs().remove(tabs.remove(c)));
                change.getAddedSubList().forEach(this::addTab);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, connection) -> {
            Tab tab = tabs.get(connection);
            if (tab != null) {
                tabPane.getSelectionModel().select(tab);
            }
        });
        tabPane.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab != null && tab.getUserData() instanceof ConnectionViewModel connection) {
                viewModel.selectedProperty().set(connection);
            }
        });
        ConnectionViewModel selected = viewModel.selectedProperty().get();
        if (selected != null && tabs.containsKey(selected)) {
            tabPane.getSelectionModel().select(tabs.get(selected));
        }
        return tabPane;
    }

    private void addTab(ConnectionViewModel connection) {
        Tab tab = new Tab();
        tab.setUserData(connection);
        tab.setText(connection.name());
        tab.setGraphic(StateDot.of(connection.stateProperty()));
        tab.setContent(new ConnectionView(connection).build());
        tab.setOnCloseRequest(event -> {
            event.consume(); // the view model decides, the list change removes the tab
            viewModel.closeTab(connection);
        });
        tabs.put(connection, tab);
        tabPane.getTabs().add(tab);
    }
}
