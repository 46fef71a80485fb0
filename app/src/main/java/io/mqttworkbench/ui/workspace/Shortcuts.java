package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.ui.common.Texts;
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
    /** The keys of the views' names, in the order of {@link #VIEWS}. */
    static final List<String> VIEW_NAMES = List.of("workspace.shortcut.show.topics", "workspace.shortcut.show.messages",
            "workspace.shortcut.show.publish", "workspace.shortcut.show.replay", "workspace.shortcut.show.broker");
    static final KeyCombination SETTINGS = new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN);

    private Shortcuts() {
    }

    static List<Shortcut> all(Texts texts) {
        String connection = texts.text("workspace.shortcut.where.connection");
        String window = texts.text("workspace.shortcut.where.window");
        List<Shortcut> all = new ArrayList<>();
        all.add(new Shortcut(TOGGLE_CONNECTION.getDisplayText(), texts.text("workspace.shortcut.connect"), connection));
        for (int i = 0; i < VIEWS.size(); i++) {
            all.add(new Shortcut(VIEWS.get(i).getDisplayText(), texts.text(VIEW_NAMES.get(i)), connection));
        }
        all.add(new Shortcut(SEARCH_LOG.getDisplayText(), texts.text("workspace.shortcut.search"), connection));
        all.add(new Shortcut(texts.text("workspace.shortcut.space"), texts.text("workspace.shortcut.pause"),
                texts.text("workspace.shortcut.where.table")));
        all.add(new Shortcut(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).getDisplayText(),
                texts.text("workspace.shortcut.publish"), texts.text("workspace.shortcut.where.publish")));
        all.add(new Shortcut(TOGGLE_SIDEBAR.getDisplayText(), texts.text("workspace.shortcut.sidebar"), window));
        all.add(new Shortcut(TOGGLE_FORMS.getDisplayText(), texts.text("workspace.shortcut.forms"), window));
        all.add(new Shortcut(TOGGLE_DETAIL.getDisplayText(), texts.text("workspace.shortcut.detail"), window));
        all.add(new Shortcut(SETTINGS.getDisplayText(), texts.text("workspace.shortcut.settings"), window));
        all.add(new Shortcut(HELP.getDisplayText(), texts.text("workspace.shortcut.help"), window));
        all.add(new Shortcut("Tab, Shift+Tab", texts.text("workspace.shortcut.focus"), // untranslated: key names
                texts.text("workspace.shortcut.where.everywhere")));
        return all;
    }
}
