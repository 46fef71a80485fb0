package io.mqttworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.profile.ProfileLibrary;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.WorkspaceState;
import java.nio.file.Path;
import io.mqttworkbench.testsupport.TestBroker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window, driven like a user would, headless (Monocle), against the embedded broker. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {

    private MainWindowViewModel viewModel;
    private final Path configDir = createTempDirectory();
    private FrameTicker frames;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        ProfileConnector connector = new ProfileConnector(TestBroker.sandbox());
        ProfilesViewModel profiles = new ProfilesViewModel(List.of(Profile.sandbox()), connector,
                new ProfileLibrary(new ProfileStore(configDir), message -> { }), new ScriptedDialogs(), Platform::runLater, Runnable::run,
                configDir.resolve("certificates"));
        viewModel = new MainWindowViewModel(profiles, connector, WorkspaceState.EMPTY, Theme.LIGHT);
        stage.setScene(new MainWindowView(viewModel).scene(1280, 800));
        stage.show();
        frames = new FrameTicker(viewModel);
        frames.start();
    }

    private static Path createTempDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("window-test-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> frames.stop()).get(5, TimeUnit.SECONDS);
        viewModel.shutdown();
    }

    @Test
    void startsTheSandboxSubscribesPublishesAndListsTheMessage(FxRobot robot) throws Exception {
        ConnectionViewModel sandbox = viewModel.connections().get(0);

        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> sandbox.stateProperty().get() == ConnectionState.CONNECTED);
        assertThat(robot.lookup("#connectionStatus").queryAs(Label.class).getText()).startsWith("Connected");

        robot.clickOn("#subscribeFilter");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("#");
        robot.clickOn("#subscribeButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sandbox.subscriptions().rows().stream()
                .anyMatch(row -> row.filter().equals("#") && row.resultProperty().get().equals("QoS 1 granted")));

        String topic = "gui/test/" + System.nanoTime();
        robot.clickOn("#publishTopic").write(topic);
        robot.clickOn("#publishPayload").write("{\"hello\":\"window\"}");
        robot.clickOn("#publishButton");

        TableView<ReceivedMessage> table = robot.lookup("#messageTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().stream().anyMatch(m -> m.topic().equals(topic)));
        ReceivedMessage listed = table.getItems().stream().filter(m -> m.topic().equals(topic)).findFirst().orElseThrow();
        assertThat(new String(listed.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"hello\":\"window\"}");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".table-cell").queryAll().stream()
                .anyMatch(cell -> cell instanceof javafx.scene.control.Labeled l && topic.equals(l.getText())));
        assertThat(robot.lookup("#publishResult").queryAs(Label.class).getText()).startsWith("Sent (QoS 0");

        robot.clickOn("#disconnectButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sandbox.stateProperty().get() == ConnectionState.DISCONNECTED);
    }

    @Test
    void aBadUrlIsExplainedAsYouTypeAndNothingIsAdded(FxRobot robot) {
        robot.clickOn("#newConnectionUrl").write("http://broker:1883");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#newConnectionProblem").queryAs(Label.class).getText()).contains("Unknown scheme 'http'");
        robot.type(KeyCode.ENTER);
        assertThat(viewModel.connections()).hasSize(1);
    }

    @Test
    void anUnreachableBrokerFailsWithTheReasonShown(FxRobot robot) throws Exception {
        robot.clickOn("#newConnectionUrl").write("mqtt://127.0.0.1:1").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> viewModel.connections().size() == 2
                && viewModel.connections().get(1).stateProperty().get() == ConnectionState.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#connectionStatus").queryAll().stream().map(n -> ((Label) n).getText()))
                .anySatisfy(text -> assertThat(text).contains("Connection refused by 127.0.0.1:1"));
    }
}
