package io.mqttworkbench.ui.tree;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.topic.TopicTree;
import io.mqttworkbench.ui.workspace.ScriptedDialogs;
import io.mqttworkbench.ui.workspace.Theme;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The topic tree's context menu, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class TopicTreeMenuTest {

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        TopicTree tree = new TopicTree();
        // Arrived without the retain flag, as a message retained while the window was subscribed does.
        tree.addAll(List.of(Messages.at("sensor", "21.5", System.currentTimeMillis())));
        TopicActions actions = new TopicActions(tree, () -> null, null, topic -> { }, node -> { }, new ScriptedDialogs(), Platform::runLater,
                Texts.english());
        TopicTreeView view = new TopicTreeView(new TopicTreeViewModel(tree, Texts.english()), actions);
        stage.setScene(new Scene((javafx.scene.Parent) view.build(), 700, 400));
        stage.show();
    }

    @Test
    void deletingRetainedMessagesIsOfferedOnANodeWhoseMessagesCameWithoutTheRetainFlag(FxRobot robot) {
        TopicCell cell = robot.lookup(".tree-cell").match(c -> c instanceof TopicCell t && t.getItem() != null
                && t.getItem().topic().equals("sensor")).queryAs(TopicCell.class);
        // What a right click (or the menu key) sends; Monocle's robot click does not open context menus.
        robot.interact(() -> {
            javafx.geometry.Bounds b = cell.localToScreen(cell.getBoundsInLocal());
            cell.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10, b.getMinX() + 10, b.getMinY() + 10,
                    false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell.getContextMenu().isShowing()).isTrue();
        assertThat(item(cell, "Delete retained message").isDisable()).isFalse();
        assertThat(item(cell, "Delete retained messages under ").isDisable()).isFalse();
        robot.interact(() -> cell.getContextMenu().hide());
    }

    private static MenuItem item(TopicCell cell, String text) {
        return cell.getContextMenu().getItems().stream().filter(i -> i.getText() != null && i.getText().startsWith(text))
                .findFirst().orElseThrow();
    }
}
