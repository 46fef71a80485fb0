package io.mqttworkbench.ui.workspace;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** Every keyboard shortcut of the window, in one list: the scene installs them, the Help sheet lists them. */
final class Shortcuts {

    /** What a shortcut does, where it works, and how it reads on this platform ("Ctrl+B", "⌘B"). */
    record Shortcut(String keys, String action, String where) {
    }

    static final KeyCombination TOGGLE_SIDEBAR = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination TOGGLE_FORMS = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination TOGGLE_DETAIL = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination TOGGLE_CONNECTION = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination SEARCH_LOG = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);
    static final List<KeyCombination> VIEWS = List.of(
            new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.SHORTCUT_DOWN));
    static final List<String> VIEW_NAMES = List.of("Topics", "Messages", "Publish", "Replay", "Broker");

    private Shortcuts() {
    }

    static List<Shortcut> all() {
        List<Shortcut> all = new ArrayList<>();
        all.add(new Shortcut(TOGGLE_CONNECTION.getDisplayText(), "Connect or disconnect", "Connection"));
        for (int i = 0; i < VIEWS.size(); i++) {
            all.add(new Shortcut(VIEWS.get(i).getDisplayText(), "Show " + VIEW_NAMES.get(i), "Connection"));
        }
        all.add(new Shortcut(SEARCH_LOG.getDisplayText(), "Search the message log", "Connection"));
        all.add(new Shortcut("Space", "Pause or resume the message log", "Message table"));
        all.add(new Shortcut(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).getDisplayText(), "Publish", "Publish forms"));
        all.add(new Shortcut(TOGGLE_SIDEBAR.getDisplayText(), "Fold or unfold the profiles sidebar", "Window"));
        all.add(new Shortcut(TOGGLE_FORMS.getDisplayText(), "Fold or unfold the subscriptions and publishing column", "Window"));
        all.add(new Shortcut(TOGGLE_DETAIL.getDisplayText(), "Details right of the list, or below it", "Window"));
        all.add(new Shortcut(HELP.getDisplayText(), "This list", "Window"));
        all.add(new Shortcut("Tab, Shift+Tab", "Next and previous control", "Everywhere"));
        return all;
    }
}
