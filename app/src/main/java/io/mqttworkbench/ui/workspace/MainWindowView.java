package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.ui.common.LazyContent;
import io.mqttworkbench.ui.common.StateDot;
import io.mqttworkbench.ui.common.UiStyles;
import io.mqttworkbench.ui.connection.ConnectionView;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/** The main window: connections sidebar, a tab per open connection, status bar. */
public final class MainWindowView {

    private final MainWindowViewModel viewModel;
    private final Map<ConnectionViewModel, Tab> tabs = new HashMap<>();
    private final Map<ConnectionViewModel, ConnectionView> views = new HashMap<>();
    private final TabPane tabPane = new TabPane();

    public MainWindowView(MainWindowViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** The window's scene, with the workbench style sheet on top of the theme. */
    public Scene scene(double width, double height) {
        viewModel.layout().fitFirstStart(width);
        Scene scene = new Scene(build(), width, height);
        scene.getStylesheets().addAll(UiStyles.stylesheets());
        installShortcuts(scene);
        return scene;
    }

    public Parent build() {
        BorderPane root = new BorderPane();
        root.setId("mainWindow");
        SidebarView sidebarView = new SidebarView(viewModel);
        javafx.scene.Node sidebar = sidebarView.build();
        javafx.scene.Node rail = sidebarView.rail();
        Runnable placeSidebar = () -> root.setLeft(viewModel.layout().sidebarCollapsedProperty().get() ? rail : sidebar);
        placeSidebar.run();
        viewModel.layout().sidebarCollapsedProperty().addListener((obs, was, collapsed) -> placeSidebar.run());
        root.setCenter(new javafx.scene.layout.VBox(noticeBar(), reopenBar(), grow(buildTabs())));
        root.setBottom(new StatusBarView(viewModel).build());
        return root;
    }

    private TabPane buildTabs() {
        tabPane.setId("connectionTabs");
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        viewModel.openTabs().forEach(this::addTab);
        viewModel.openTabs().addListener((ListChangeListener<ConnectionViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(c -> {
                    tabPane.getTabs().remove(tabs.remove(c));
                    views.remove(c);
                });
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

    /** The window's shortcuts (listed by Help → Keyboard shortcuts); those of a connection act on the one in front. */
    private void installShortcuts(Scene scene) {
        var layout = viewModel.layout();
        var accelerators = scene.getAccelerators();
        accelerators.put(Shortcuts.TOGGLE_SIDEBAR, () -> layout.sidebarCollapsedProperty().set(!layout.sidebarCollapsedProperty().get()));
        accelerators.put(Shortcuts.TOGGLE_FORMS, () -> layout.formsCollapsedProperty().set(!layout.formsCollapsedProperty().get()));
        accelerators.put(Shortcuts.TOGGLE_DETAIL, () -> layout.detailOnTheRightProperty().set(!layout.detailOnTheRightProperty().get()));
        accelerators.put(Shortcuts.HELP, () -> ShortcutsSheet.show(scene.getWindow(), viewModel.texts()));
        accelerators.put(Shortcuts.SETTINGS, () -> new SettingsView(viewModel.settings()).show(scene.getWindow()));
        accelerators.put(Shortcuts.TOGGLE_CONNECTION, () -> inFront(ConnectionView::toggleConnection));
        accelerators.put(Shortcuts.SEARCH_LOG, () -> inFront(ConnectionView::searchLog));
        for (int i = 0; i < Shortcuts.VIEWS.size(); i++) {
            int index = i;
            accelerators.put(Shortcuts.VIEWS.get(i), () -> inFront(view -> view.showView(index)));
        }
    }

    private void inFront(java.util.function.Consumer<ConnectionView> action) {
        ConnectionView view = views.get(viewModel.selectedProperty().get());
        if (view != null) {
            action.accept(view);
        }
    }

    /** The profile's colour (when it has one) beside the live state dot. */
    private static javafx.scene.Node tabGraphic(ConnectionViewModel connection) {
        javafx.scene.layout.Region colorBar = new javafx.scene.layout.Region();
        colorBar.getStyleClass().add("profile-color-bar");
        colorBar.setMinHeight(14);
        Runnable paint = () -> {
            String color = connection.profile().color();
            colorBar.setBackground(color.isEmpty() ? null : new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                    javafx.scene.paint.Color.web(color), new javafx.scene.layout.CornerRadii(2), null)));
            colorBar.setVisible(!color.isEmpty());
            colorBar.setManaged(!color.isEmpty());
        };
        paint.run();
        connection.profileProperty().addListener((obs, old, now) -> paint.run());
        javafx.scene.layout.HBox graphic = new javafx.scene.layout.HBox(5, colorBar, StateDot.of(connection.stateProperty(), connection.texts()));
        graphic.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return graphic;
    }

    /** A bar above the tabs that offers to reopen last session's connections. */
    private javafx.scene.Node reopenBar() {
        javafx.scene.control.Label text = new javafx.scene.control.Label();
        text.textProperty().bind(viewModel.reopenOfferProperty());
        javafx.scene.control.Button reopen = new javafx.scene.control.Button(viewModel.texts().text("workspace.reopen"));
        reopen.setId("reopenLastSession");
        reopen.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        reopen.setOnAction(e -> viewModel.reopenLastSession());
        javafx.scene.control.Button dismiss = new javafx.scene.control.Button(viewModel.texts().text("workspace.reopen.not.now"));
        dismiss.setOnAction(e -> viewModel.dismissReopenOffer());
        return bar(viewModel.reopenOfferProperty(), false, new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.feather.Feather.ROTATE_CCW),
                text, reopen, dismiss);
    }

    /** A bar for messages about the whole window, such as a save that failed. */
    private javafx.scene.Node noticeBar() {
        javafx.scene.control.Label text = new javafx.scene.control.Label();
        text.setId("notice");
        text.setWrapText(true);
        text.textProperty().bind(viewModel.noticeProperty());
        javafx.scene.control.Button dismiss = new javafx.scene.control.Button(viewModel.texts().text("workspace.notice.dismiss"));
        dismiss.setOnAction(e -> viewModel.dismissNotice());
        return bar(viewModel.noticeProperty(), true, new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.feather.Feather.ALERT_TRIANGLE),
                text, dismiss);
    }

    private static javafx.scene.Node bar(javafx.beans.value.ObservableStringValue shownWhileNotEmpty, boolean error, javafx.scene.Node... children) {
        return io.mqttworkbench.ui.common.NoticeBar.of(shownWhileNotEmpty, error, children);
    }

    private static javafx.scene.Node grow(javafx.scene.Node node) {
        javafx.scene.layout.VBox.setVgrow(node, javafx.scene.layout.Priority.ALWAYS);
        return node;
    }

    private void addTab(ConnectionViewModel connection) {
        Tab tab = new Tab();
        tab.setUserData(connection);
        UnsavedTab unsaved = new UnsavedTab(viewModel, connection);
        unsaved.decorate(tab);
        tab.setGraphic(tabGraphic(connection));
        // Built when first shown: a reopened session of many connections starts as fast as one.
        LazyContent.onFirstSelection(tab, () -> {
            javafx.scene.Node content = views.computeIfAbsent(connection, c -> new ConnectionView(c, viewModel.layout())).build();
            return viewModel.quickConnect().isUnsaved(connection) ? unsaved.withBar(content) : content;
        });
        tab.setOnCloseRequest(event -> {
            event.consume(); // the view model decides, the list change removes the tab
            viewModel.closeTab(connection);
        });
        tabs.put(connection, tab);
        tabPane.getTabs().add(tab);
    }
}
