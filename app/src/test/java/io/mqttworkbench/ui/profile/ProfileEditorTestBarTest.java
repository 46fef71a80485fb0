package io.mqttworkbench.ui.profile;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.profile.ConnectionProbe;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.ui.common.UiStyles;
import io.mqttworkbench.ui.workspace.Theme;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The editor's "Test connection" bar at the dialog's smallest width, with a long answer from the broker. */
@ExtendWith(ApplicationExtension.class)
class ProfileEditorTestBarTest {

    private static final String LONG_RESULT = "CONNACK Success: MQTT 5, session present: no, keep alive 60 s, receive maximum 10, "
            + "maximum QoS 2, retain available, wildcard subscriptions, shared subscriptions, subscription identifiers, "
            + "topic aliases up to 5, maximum packet size 268435460 bytes, assigned client id auto-3F2A9C1B";

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        ProfileEditorViewModel viewModel = new ProfileEditorViewModel(Profile.sandbox(), false, Runnable::run, Runnable::run, Texts.english());
        ProfileEditorView view = new ProfileEditorView(viewModel,
                profile -> CompletableFuture.completedFuture(new ConnectionProbe.Result(true, LONG_RESULT)), Runnable::run);
        Region root = (Region) view.build(new Dialog<>());
        Scene scene = new Scene(root, 880, 600); // the dialog's minimum size
        scene.getStylesheets().addAll(UiStyles.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theButtonKeepsItsWholeLabelWhenALongResultAppears(FxRobot robot) throws Exception {
        robot.clickOn("#testConnection");
        Label result = robot.lookup("#testResult").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> LONG_RESULT.equals(result.getText()));
        WaitForAsyncUtils.waitForFxEvents();

        Button test = robot.lookup("#testConnection").queryButton();
        assertThat(test.getWidth()).as("the button's width").isGreaterThanOrEqualTo(test.prefWidth(-1));
        Text label = robot.from(test).lookup(".text").queryAs(Text.class);
        assertThat(label.getText()).as("the button's label as drawn").isEqualTo("Test connection");
        // the result wraps rather than running past the window's edge
        assertThat(result.localToScene(result.getBoundsInLocal()).getMaxX()).isLessThanOrEqualTo(880);
        assertThat(result.getHeight()).as("the result wraps onto several lines").isGreaterThan(test.getHeight());
    }
}
