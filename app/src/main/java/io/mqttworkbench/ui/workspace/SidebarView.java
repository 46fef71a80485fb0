package io.mqttworkbench.ui.workspace;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.mqttworkbench.ui.common.Forms;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The left column: the application's name and theme switch, the profiles (in folders, each with its state,
 * and every action on a context menu and a key), buttons to create, import and export, and a field to
 * connect to a URL at once.
 */
public final class SidebarView {
    private final MainWindowViewModel viewModel;
    private final Texts texts;

    SidebarView(MainWindowViewModel viewModel) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
    }

    Node build() {
        ProfileTree tree = new ProfileTree(viewModel);
        TreeView<ProfileTree.Item> view = tree.build();
        VBox.setVgrow(view, Priority.ALWAYS);

        Button create = iconButton("newProfile", Feather.PLUS, texts.text("workspace.profile.new"), viewModel::createProfile);
        Button importButton = iconButton("importProfiles", Feather.DOWNLOAD, texts.text("workspace.profiles.import.tooltip"),
                () -> viewModel.profiles().importProfiles());
        Button export = iconButton("exportProfiles", Feather.UPLOAD, texts.text("workspace.profiles.export.tooltip"), () -> viewModel.profiles().exportProfiles());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button fold = iconButton("foldSidebar", Feather.CHEVRONS_LEFT, texts.text("workspace.sidebar.fold"),
                () -> viewModel.layout().sidebarCollapsedProperty().set(true));
        HBox section = new HBox(2, Forms.sectionTitle(texts.text("workspace.profiles.title")), spacer, create, importButton, export, help(texts), fold);
        section.getStyleClass().add("sidebar-section");
        section.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        VBox sidebar = new VBox(header(), section, view, newConnectionForm());
        sidebar.getStyleClass().add(UiStyles.SIDEBAR);
        sidebar.setPrefWidth(270);
        sidebar.setMinWidth(270);
        return sidebar;
    }

    private Node header() {
        Label title = new Label(texts.text("workspace.product"));
        title.getStyleClass().add(UiStyles.APP_TITLE);
        Button theme = new Button();
        theme.setId("themeToggle");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        FontIcon icon = new FontIcon();
        theme.setGraphic(icon);
        Tooltip tooltip = new Tooltip();
        theme.setTooltip(tooltip);
        ChangeListener<Theme> showTheme = (obs, old, now) -> {
            icon.setIconCode(now == Theme.DARK ? Feather.SUN : Feather.MOON);
            tooltip.setText(texts.text(now == Theme.DARK ? "workspace.theme.to.light" : "workspace.theme.to.dark"));
        };
        showTheme.changed(null, null, viewModel.themeProperty().get());
        viewModel.themeProperty().addListener(showTheme);
        theme.setOnAction(e -> viewModel.toggleTheme());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // the two small buttons side by side, so the product's name keeps its room in the fixed-width column
        HBox header = new HBox(logo(), title, spacer, new HBox(settings("openSettings"), theme));
        header.getStyleClass().add(UiStyles.SIDEBAR_HEADER);
        return header;
    }

    private static Node logo() {
        java.io.InputStream png = SidebarView.class.getResourceAsStream("/io/mqttworkbench/ui/icons/mqtt-workbench-64.png");
        if (png == null) {
            return new FontIcon(Feather.RADIO);
        }
        javafx.scene.image.ImageView view = new javafx.scene.image.ImageView(new javafx.scene.image.Image(png, 24, 24, true, true));
        view.setSmooth(true);
        return view;
    }

    private Node newConnectionForm() {
        QuickConnectViewModel quick = viewModel.quickConnect();
        Label title = Forms.sectionTitle(texts.text("workspace.quick.title"));
        TextField url = Forms.validatedField("newConnectionUrl", texts.text("workspace.quick.prompt"),
                quick.urlProperty(), quick.problemProperty());
        url.setOnAction(e -> viewModel.quickConnectToUrl());
        HBox.setHgrow(url, Priority.ALWAYS);
        Button add = new Button(null, new FontIcon(Feather.ARROW_RIGHT));
        add.setId("addConnection");
        add.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.ACCENT);
        add.setTooltip(new Tooltip(texts.text("workspace.quick.connect.tooltip")));
        add.setOnAction(e -> viewModel.quickConnectToUrl());
        javafx.scene.control.CheckBox all = new javafx.scene.control.CheckBox(texts.text("workspace.quick.subscribe.all"));
        all.setId("quickSubscribeAll");
        all.selectedProperty().bindBidirectional(quick.subscribeAllProperty());
        all.setTooltip(new Tooltip(texts.text("workspace.quick.subscribe.all.tooltip")));
        Label problem = Forms.problemLabel("newConnectionProblem", quick.problemProperty());
        VBox form = new VBox(title, new HBox(6, url, add), all, problem);
        form.getStyleClass().add("new-connection");
        return form;
    }

    /** The sidebar folded to a thin rail: unfold, new profile, theme, settings, help. */
    Node rail() {
        Button unfold = iconButton("unfoldSidebar", Feather.CHEVRONS_RIGHT, texts.text("workspace.sidebar.unfold"),
                () -> viewModel.layout().sidebarCollapsedProperty().set(false));
        Button create = iconButton("railNewProfile", Feather.PLUS, texts.text("workspace.profile.new"), viewModel::createProfile);
        Button theme = iconButton("railTheme", Feather.MOON, texts.text("workspace.theme.toggle"), viewModel::toggleTheme);
        VBox rail = new VBox(6, logo(), unfold, create, theme, settings("railSettings"), help(texts));
        rail.setId("sidebarRail");
        rail.getStyleClass().addAll(UiStyles.SIDEBAR, "sidebar-rail");
        rail.setAlignment(javafx.geometry.Pos.TOP_CENTER);
        return rail;
    }

    /** The gear: the settings page (also Ctrl+,). */
    private Button settings(String id) {
        Button[] button = new Button[1];
        button[0] = iconButton(id, Feather.SETTINGS, texts.text("settings.open.tooltip"),
                () -> new SettingsView(viewModel.settings()).show(button[0].getScene().getWindow()));
        return button[0];
    }

    /** Help: the keyboard shortcuts sheet (also F1). */
    static Node help(Texts texts) {
        javafx.scene.control.MenuButton help = new javafx.scene.control.MenuButton(null, new FontIcon(Feather.HELP_CIRCLE));
        help.setId("helpMenu");
        help.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, Tweaks.NO_ARROW);
        help.setTooltip(new Tooltip(texts.text("workspace.help")));
        javafx.scene.control.MenuItem shortcuts = new javafx.scene.control.MenuItem(texts.text("workspace.help.shortcuts"));
        shortcuts.setId("showShortcuts");
        shortcuts.setAccelerator(Shortcuts.HELP);
        shortcuts.setOnAction(e -> ShortcutsSheet.show(help.getScene().getWindow(), texts));
        help.getItems().add(shortcuts);
        return help;
    }

    private static Button iconButton(String id, Feather icon, String tooltip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        return button;
    }
}
