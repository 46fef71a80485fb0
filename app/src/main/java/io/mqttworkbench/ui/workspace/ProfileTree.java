package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.ui.common.UiStyles;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The profiles as a tree of folders. Each profile shows its colour, state and address; its context menu
 * and keys connect, edit, duplicate, rename, move and delete it. The tree is rebuilt when profiles are
 * added, removed, renamed or moved, keeping which folders were folded and what was selected.
 */
public final class ProfileTree {

    /** A row: a folder or a profile. */
    sealed interface Item permits Folder, ProfileItem {
    }

    record Folder(String path, String name) implements Item {
    }

    record ProfileItem(ConnectionViewModel connection) implements Item {
    }

    private final MainWindowViewModel viewModel;
    private final TreeView<Item> tree = new TreeView<>();
    private final Set<String> collapsed = new HashSet<>();
    private boolean rebuilding;

    ProfileTree(MainWindowViewModel viewModel) {
        this.viewModel = viewModel;
    }

    TreeView<Item> build() {
        tree.setId("profileTree");
        tree.setShowRoot(false);
        tree.setCellFactory(view -> new Cell());
        rebuild();
        ChangeListener<Object> rebuildOnChange = (obs, old, now) -> rebuild();
        viewModel.connections().forEach(c -> c.profileProperty().addListener(rebuildOnChange));
        viewModel.connections().addListener((ListChangeListener<ConnectionViewModel>) change -> {
            while (change.next()) {
                // Removed before added: a reorder reports the same items as both.
                change.getRemoved().forEach(c -> c.profileProperty().removeListener(rebuildOnChange));
                change.getAddedSubList().forEach(c -> c.profileProperty().addListener(rebuildOnChange));
            }
            rebuild();
        });
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!rebuilding && item != null && item.getValue() instanceof ProfileItem profile) {
                viewModel.open(profile.connection());
            }
        });
        viewModel.selectedProperty().addListener((obs, old, connection) -> select(connection));
        tree.setOnKeyPressed(event -> {
            ConnectionViewModel selected = selectedConnection();
            if (selected == null) {
                return;
            }
            if (event.getCode() == KeyCode.ENTER) {
                viewModel.openAndConnect(selected);
            } else if (event.getCode() == KeyCode.F2) {
                viewModel.profiles().rename(selected);
            } else if (event.getCode() == KeyCode.DELETE) {
                viewModel.profiles().delete(selected);
            } else if (new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN).match(event)) {
                viewModel.profiles().edit(selected);
            } else if (new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN).match(event)) {
                viewModel.open(viewModel.profiles().duplicate(selected));
            } else if (new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN).match(event)) {
                viewModel.profiles().move(selected, -1);
            } else if (new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN).match(event)) {
                viewModel.profiles().move(selected, 1);
            } else {
                return;
            }
            event.consume();
        });
        return tree;
    }

    private ConnectionViewModel selectedConnection() {
        TreeItem<Item> item = tree.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof ProfileItem profile ? profile.connection() : null;
    }

    private void rebuild() {
        rebuilding = true;
        try {
            TreeItem<Item> root = new TreeItem<>(new Folder("", ""));
            Map<String, TreeItem<Item>> folders = new LinkedHashMap<>();
            folders.put("", root);
            for (ConnectionViewModel connection : viewModel.connections()) {
                folder(folders, connection.profile().folder()).getChildren().add(new TreeItem<>(new ProfileItem(connection)));
            }
            sortFoldersFirst(root);
            tree.setRoot(root);
        } finally {
            rebuilding = false;
        }
        select(viewModel.selectedProperty().get());
    }

    private TreeItem<Item> folder(Map<String, TreeItem<Item>> folders, String path) {
        TreeItem<Item> existing = folders.get(path);
        if (existing != null) {
            return existing;
        }
        int slash = path.lastIndexOf('/');
        TreeItem<Item> parent = folder(folders, slash < 0 ? "" : path.substring(0, slash));
        TreeItem<Item> item = new TreeItem<>(new Folder(path, slash < 0 ? path : path.substring(slash + 1)));
        item.setExpanded(!collapsed.contains(path));
        item.expandedProperty().addListener((obs, old, expanded) -> {
            if (expanded) {
                collapsed.remove(path);
            } else {
                collapsed.add(path);
            }
        });
        parent.getChildren().add(item);
        folders.put(path, item);
        return item;
    }

    /** The sandbox on top, then folders, then profiles; a stable sort, so profiles keep the user's order. */
    private static void sortFoldersFirst(TreeItem<Item> item) {
        item.getChildren().sort(java.util.Comparator.comparingInt(ProfileTree::rank));
        item.getChildren().forEach(ProfileTree::sortFoldersFirst);
    }

    private static int rank(TreeItem<Item> item) {
        if (item.getValue() instanceof ProfileItem profile) {
            return profile.connection().profile().isSandbox() ? 0 : 2;
        }
        return 1;
    }

    private void select(ConnectionViewModel connection) {
        if (connection == null) {
            tree.getSelectionModel().clearSelection();
            return;
        }
        TreeItem<Item> item = find(tree.getRoot(), connection);
        if (item != null && tree.getSelectionModel().getSelectedItem() != item) {
            rebuilding = true;
            try {
                for (TreeItem<Item> parent = item.getParent(); parent != null; parent = parent.getParent()) {
                    parent.setExpanded(true);
                }
                tree.getSelectionModel().select(item);
            } finally {
                rebuilding = false;
            }
        }
    }

    private static TreeItem<Item> find(TreeItem<Item> item, ConnectionViewModel connection) {
        if (item == null) {
            return null;
        }
        if (item.getValue() instanceof ProfileItem profile && profile.connection() == connection) {
            return item;
        }
        for (TreeItem<Item> child : item.getChildren()) {
            TreeItem<Item> found = find(child, connection);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private ContextMenu menuFor(ConnectionViewModel connection) {
        ProfilesViewModel profiles = viewModel.profiles();
        MenuItem connect = item("workspace.profile.connect", Feather.PLAY, () -> viewModel.openAndConnect(connection));
        connect.disableProperty().bind(connection.canConnect().not());
        MenuItem disconnect = item("workspace.profile.disconnect", Feather.SQUARE, connection::disconnect);
        disconnect.disableProperty().bind(connection.canConnect());
        MenuItem delete = item("workspace.profile.delete", Feather.TRASH_2, () -> profiles.delete(connection));
        delete.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
        delete.setDisable(connection.profile().isSandbox());
        MenuItem edit = item("workspace.profile.edit", Feather.EDIT_2, () -> profiles.edit(connection));
        edit.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        MenuItem rename = item("workspace.profile.rename", Feather.TYPE, () -> profiles.rename(connection));
        rename.setAccelerator(new KeyCodeCombination(KeyCode.F2));
        MenuItem duplicate = item("workspace.profile.duplicate", Feather.COPY, () -> viewModel.open(profiles.duplicate(connection)));
        duplicate.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        MenuItem up = item("workspace.profile.move.up", Feather.ARROW_UP, () -> profiles.move(connection, -1));
        up.setAccelerator(new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN));
        MenuItem down = item("workspace.profile.move.down", Feather.ARROW_DOWN, () -> profiles.move(connection, 1));
        down.setAccelerator(new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN));
        MenuItem clearHistory = item("workspace.profile.clear.history", Feather.DATABASE, () -> connection.diskHistory().clearAll());
        return new ContextMenu(connect, disconnect, new SeparatorMenuItem(), edit, duplicate, rename,
                item("workspace.profile.move.folder", Feather.FOLDER, () -> profiles.moveToFolder(connection)), up, down,
                new SeparatorMenuItem(), clearHistory, delete);
    }

    private MenuItem item(String key, Feather icon, Runnable action) {
        MenuItem item = new MenuItem(viewModel.texts().text(key), new FontIcon(icon));
        item.setOnAction(e -> action.run());
        return item;
    }

    /** A folder with its icon, or a profile with its colour bar, state dot, name, and address or trouble. */
    private final class Cell extends TreeCell<Item> {
        private final Region colorBar = new Region();
        private final Region dot = new Region();
        private final Label name = new Label();
        private final Label detail = new Label();
        private final HBox profileGraphic;
        private ConnectionViewModel bound;
        private final ChangeListener<ConnectionState> stateListener = (obs, old, state) -> UiStyles.showState(dot, state);

        Cell() {
            colorBar.getStyleClass().add("profile-color-bar");
            dot.getStyleClass().add(UiStyles.STATE_DOT);
            name.getStyleClass().add(UiStyles.CONNECTION_NAME);
            detail.getStyleClass().add(UiStyles.SECONDARY);
            VBox text = new VBox(2, name, detail);
            name.setMinWidth(0);
            detail.setMinWidth(0);
            text.setMinWidth(0);
            profileGraphic = new HBox(8, colorBar, dot, text);
            // As wide as the tree, not as the longest address: long names end in an ellipsis instead of a scroll bar.
            profileGraphic.setMinWidth(0);
            profileGraphic.setPrefWidth(0);
            profileGraphic.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            getStyleClass().add(UiStyles.CONNECTION_CELL);
            setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && bound != null) {
                    viewModel.openAndConnect(bound);
                }
            });
        }

        @Override
        protected void updateItem(Item item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                bound.stateProperty().removeListener(stateListener);
                detail.textProperty().unbind();
                bound = null;
            }
            setContextMenu(null);
            setTooltip(null);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            if (item instanceof Folder folder) {
                setText(folder.name());
                setGraphic(new FontIcon(Feather.FOLDER));
                return;
            }
            ConnectionViewModel connection = ((ProfileItem) item).connection();
            bound = connection;
            name.setText(connection.name());
            String color = connection.profile().color();
            colorBar.setBackground(color.isEmpty() ? null : new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                    javafx.scene.paint.Color.web(color), new javafx.scene.layout.CornerRadii(2), null)));
            detail.textProperty().bind(Bindings.createStringBinding(
                    () -> connection.stateProperty().get() == ConnectionState.FAILED || connection.stateProperty().get() == ConnectionState.RECONNECTING
                            ? connection.statusTextProperty().get() : connection.addressProperty().get(),
                    connection.stateProperty(), connection.statusTextProperty(), connection.addressProperty()));
            connection.stateProperty().addListener(stateListener);
            UiStyles.showState(dot, connection.stateProperty().get());
            setTooltip(new Tooltip(viewModel.texts().format("workspace.profile.tooltip", connection.name(), connection.addressProperty().get())));
            setContextMenu(menuFor(connection));
            setText(null);
            setGraphic(profileGraphic);
        }
    }
}
