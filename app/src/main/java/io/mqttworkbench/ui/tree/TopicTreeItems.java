package io.mqttworkbench.ui.tree;

import io.mqttworkbench.topic.TopicNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * Keeps the tree view's items in step with the model, lazily: only expanded levels have items for
 * their children; a folded level with children holds one placeholder so it shows its arrow. Items are
 * reused, so expansion and selection survive every sync; the view syncs at most once per frame.
 */
public final class TopicTreeItems {

    /** Stands in for the children of a folded level until it is unfolded. */
    private static final TopicNode PLACEHOLDER = null;
    /** "Expand all" stops after this many levels: a hundred thousand rows help nobody. */
    static final int EXPAND_ALL_LIMIT = 5_000;

    private final TopicTreeViewModel viewModel;
    private final TreeView<TopicNode> view;
    private final Map<TopicNode, TreeItem<TopicNode>> items = new HashMap<>();
    private TreeItem<TopicNode> root;
    private boolean syncing;

    TopicTreeItems(TopicTreeViewModel viewModel, TreeView<TopicNode> view) {
        this.viewModel = viewModel;
        this.view = view;
    }

    TreeItem<TopicNode> item(TopicNode node) {
        return items.get(node);
    }

    boolean isSyncing() {
        return syncing;
    }

    /** Brings the items up to date with the model: new levels, new order, new filter, a cleared tree. */
    void sync() {
        syncing = true;
        try {
            TopicNode modelRoot = viewModel.root();
            if (root == null || root.getValue() != modelRoot) {
                items.clear();
                root = newItem(modelRoot);
                root.setExpanded(true);
                view.setRoot(root);
            }
            syncExpanded(root);
            reselect();
        } finally {
            syncing = false;
        }
    }

    /** Unfolds the way to every node the filter matched (when they are few). */
    void expandMatches() {
        syncing = true;
        try {
            List<TreeItem<TopicNode>> level = new ArrayList<>(List.of(root));
            while (!level.isEmpty()) {
                List<TreeItem<TopicNode>> next = new ArrayList<>();
                for (TreeItem<TopicNode> item : level) {
                    // Unfold every level that leads to a match (a text match often lies under another one);
                    // under a filter only those children are listed, so this stays within the matches.
                    if (item == root || viewModel.hasChildren(item.getValue())) {
                        item.setExpanded(true);
                    }
                    if (item.isExpanded()) {
                        fill(item);
                        next.addAll(item.getChildren());
                    }
                }
                level = next;
            }
        } finally {
            syncing = false;
        }
    }

    /** Unfolds breadth first, up to {@link #EXPAND_ALL_LIMIT} levels; returns how many were unfolded. */
    int expandAll(TreeItem<TopicNode> from) {
        int expanded = 0;
        List<TreeItem<TopicNode>> level = new ArrayList<>(List.of(from));
        while (!level.isEmpty() && expanded < EXPAND_ALL_LIMIT) {
            List<TreeItem<TopicNode>> next = new ArrayList<>();
            for (TreeItem<TopicNode> item : level) {
                if (item.getValue() == PLACEHOLDER || expanded >= EXPAND_ALL_LIMIT) {
                    continue;
                }
                if (!item.isLeaf()) {
                    item.setExpanded(true);
                    fill(item);
                    expanded++;
                    next.addAll(item.getChildren());
                }
            }
            level = next;
        }
        return expanded;
    }

    void collapseAll() {
        for (TreeItem<TopicNode> item : items.values()) {
            if (item != root) {
                item.setExpanded(false);
            }
        }
    }

    private void syncExpanded(TreeItem<TopicNode> item) {
        if (item.isExpanded()) {
            fill(item);
            for (TreeItem<TopicNode> child : item.getChildren()) {
                syncExpanded(child);
            }
        } else {
            showArrow(item);
        }
    }

    /** Gives an unfolded item exactly the children the view model shows, reusing existing items. */
    private void fill(TreeItem<TopicNode> item) {
        List<TopicNode> wanted = viewModel.children(item.getValue());
        javafx.collections.ObservableList<TreeItem<TopicNode>> current = item.getChildren();
        boolean same = current.size() == wanted.size();
        for (int i = 0; same && i < wanted.size(); i++) {
            same = current.get(i).getValue() == wanted.get(i);
        }
        if (same) {
            return;
        }
        List<TreeItem<TopicNode>> next = new ArrayList<>(wanted.size());
        for (TopicNode node : wanted) {
            next.add(items.computeIfAbsent(node, this::newItem));
        }
        current.setAll(next);
    }

    /** A folded item shows an arrow when its node has children, through one placeholder child. */
    private void showArrow(TreeItem<TopicNode> item) {
        boolean hasChildren = item.getValue() != PLACEHOLDER && viewModel.hasChildren(item.getValue());
        List<TreeItem<TopicNode>> children = item.getChildren();
        if (!hasChildren && !children.isEmpty()) {
            children.clear();
        } else if (hasChildren && children.isEmpty()) {
            children.add(new TreeItem<>(PLACEHOLDER));
        }
    }

    private TreeItem<TopicNode> newItem(TopicNode node) {
        TreeItem<TopicNode> item = new TreeItem<>(node);
        item.expandedProperty().addListener((obs, was, expanded) -> {
            if (expanded && !syncing) {
                syncing = true;
                try {
                    syncExpanded(item); // unfolded by the user: the real children replace the placeholder
                } finally {
                    syncing = false;
                }
            }
        });
        showArrow(item);
        return item;
    }

    /** Replacing children can drop the selection: the selected topic is selected again. */
    private void reselect() {
        TopicNode selected = viewModel.selectedProperty().get();
        if (selected == null) {
            return;
        }
        TreeItem<TopicNode> item = items.get(selected);
        if (item != null && view.getSelectionModel().getSelectedItem() != item && isShown(item)) {
            view.getSelectionModel().select(item);
        }
    }

    private boolean isShown(TreeItem<TopicNode> item) {
        for (TreeItem<TopicNode> p = item.getParent(); p != null; p = p.getParent()) {
            if (!p.isExpanded()) {
                return false;
            }
        }
        return item.getParent() != null || item == root;
    }
}
