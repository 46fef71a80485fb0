package io.mqttworkbench.ui.publish;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.topic.TopicTree;
import io.mqttworkbench.ui.common.UserPropertyRow;
import io.mqttworkbench.ui.workspace.ScriptedDialogs;
import io.mqttworkbench.ui.workspace.Theme;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Publish tab's form, headless (Monocle), as a new user first meets it: no connection, nothing sent yet. */
@ExtendWith(ApplicationExtension.class)
class ComposerPaneTest {

    private PublishViewModel viewModel;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        viewModel = new PublishViewModel(() -> null, Platform::runLater, Texts.english());
        ComposerLibraryViewModel library = new ComposerLibraryViewModel(viewModel, null, null, new ScriptedDialogs(), Runnable::run, Runnable::run, Texts.english());
        ComposerPane pane = new ComposerPane(viewModel, library, null, new TopicTree(), new ScriptedDialogs(),
                new SimpleObjectProperty<>(ConnectionState.DISCONNECTED), Runnable::run, Platform::runLater);
        stage.setScene(new Scene((javafx.scene.Parent) pane.build(), 900, 700));
        stage.show();
    }

    @Test
    void theQosBoxShowsTheDefaultOnFirstOpenAndNeverEmpties(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Integer> qos = robot.lookup("#composerQos").queryAs(ComboBox.class);
        assertThat(qos.getValue()).isEqualTo(0);
        assertThat(shown(robot, qos)).isEqualTo("QoS 0");

        robot.interact(() -> viewModel.maximumQosProperty().set(1)); // the broker's CONNACK: QoS 1 at most
        assertThat(shown(robot, qos)).isEqualTo("QoS 0");
        robot.interact(() -> viewModel.maximumQosProperty().set(2)); // disconnected again
        assertThat(shown(robot, qos)).isEqualTo("QoS 0");

        robot.interact(() -> viewModel.qosProperty().set(2));
        assertThat(qos.getValue()).isEqualTo(2);
        robot.interact(() -> viewModel.maximumQosProperty().set(1)); // a broker that takes QoS 1 at most
        assertThat(qos.getValue()).isNotNull();
        assertThat(shown(robot, qos)).startsWith("QoS ");
        robot.interact(() -> viewModel.maximumQosProperty().set(2));
        assertThat(qos.getValue()).isNotNull();
        assertThat(shown(robot, qos)).startsWith("QoS ");
        robot.interact(() -> qos.setValue(null)); // nothing the user does can clear it
        assertThat(qos.getValue()).isNotNull();
        assertThat(shown(robot, qos)).startsWith("QoS ");
    }

    /** What the closed box shows (the skin's own button cell). */
    private static String shown(FxRobot robot, ComboBox<Integer> box) {
        return robot.from(box).lookup(".list-cell").match(cell -> cell.getParent() == box).queryAs(javafx.scene.control.ListCell.class).getText();
    }

    @Test
    void aUserPropertyTypedWithTabAndEnterIsKeptAsOneRow(FxRobot robot) {
        robot.interact(() -> robot.lookup("#composerProperties").queryAs(TitledPane.class).setExpanded(true));
        robot.clickOn("#composerAddUserProperty");
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("trace").type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("8b4c").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(viewModel.userProperties()).hasSize(1);
        UserPropertyRow row = viewModel.userProperties().get(0);
        assertThat(row.keyProperty().get() + "=" + row.valueProperty().get()).isEqualTo("trace=8b4c");
    }

    @Test
    void typingIsKeptWhenTheFocusGoesElsewhere(FxRobot robot) {
        robot.interact(() -> robot.lookup("#composerProperties").queryAs(TitledPane.class).setExpanded(true));
        robot.clickOn("#composerAddUserProperty");
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("tenant");
        robot.clickOn("#composerContentType");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(viewModel.userProperties()).extracting(row -> row.keyProperty().get()).containsExactly("tenant");
    }
}
