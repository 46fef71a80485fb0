package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.profile.ConnectionProbe;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.profile.ProfileLibrary;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.SecretStore;
import io.mqttworkbench.profile.WorkspaceState;
import io.mqttworkbench.sandbox.SandboxBroker;
import io.mqttworkbench.sandbox.SandboxEndpoints;
import io.mqttworkbench.sandbox.SandboxPorts;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Profiles through the real editor dialog, headless: create one, see the editor refuse a bad port and
 * say why, save, and run two connections to two brokers side by side.
 */
@ExtendWith(ApplicationExtension.class)
class ProfileWorkspaceWindowTest {

    private static SandboxBroker secondBroker;
    private static SandboxEndpoints second;
    private final ExecutorService background = Executors.newCachedThreadPool();
    private Path configDir;
    private MainWindowViewModel viewModel;
    private FrameTicker frames;

    @BeforeAll
    static void startSecondBroker() throws Exception {
        secondBroker = new SandboxBroker(SandboxPorts.ANY, null);
        second = secondBroker.start().get(120, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopSecondBroker() {
        secondBroker.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        Theme.LIGHT.apply();
        configDir = Files.createTempDirectory("workspace-test-");
        ProfileConnector connector = new ProfileConnector(TestBroker.sandbox());
        // passwords in the file, as where no keyring answers: the editor says so
        ProfileStore store = new ProfileStore(configDir, () -> new SecretStore.ProfilesFile("none was found"));
        DialogService dialogs = new FxDialogService(() -> stage, new ConnectionProbe(connector, background), background, Platform::runLater,
                () -> store.secrets().note(), Texts.english());
        ProfilesViewModel profiles = new ProfilesViewModel(List.of(Profile.sandbox()), connector,
                new ProfileLibrary(store, message -> { }), dialogs, Platform::runLater, background,
                configDir.resolve("certificates"), Texts.english());
        viewModel = new MainWindowViewModel(profiles, connector, WorkspaceState.EMPTY, Theme.LIGHT, Texts.english());
        stage.setScene(new MainWindowView(viewModel).scene(1280, 800));
        stage.show();
        frames = new FrameTicker(viewModel);
        frames.start();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> frames.stop()).get(5, TimeUnit.SECONDS);
        viewModel.shutdown();
        // work still running would write into the temporary folder while it is removed
        background.shutdown();
        assertThat(background.awaitTermination(20, TimeUnit.SECONDS)).as("background work finished").isTrue();
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
    }

    @Test
    void createsAProfileInTheEditorAndRunsTwoConnectionsSideBySide(FxRobot robot) throws Exception {
        // A first start at 1280 px folds the profiles into their rail: unfolded as a user would.
        robot.clickOn("#unfoldSidebar");
        robot.clickOn("#newProfile");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#profileEditor").tryQuery()).isPresent();

        replaceText(robot, "#profileName", "Broker A");
        replaceText(robot, "#host", "127.0.0.1");
        replaceText(robot, "#port", "99999");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".check-message").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("The port must be between 1 and 65535");
        assertThat(robot.lookup("#saveProfile").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#secretsNote").queryAs(Label.class).getText())
                .isEqualTo("No keyring answered (none was found): passwords are kept in profiles.json, readable only by you.");

        replaceText(robot, "#port", Integer.toString(TestBroker.endpoints().tcpPort()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#saveProfile").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#testConnection");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#testResult").queryAs(Label.class).getText().startsWith("CONNACK"));
        robot.clickOn("#saveProfile");
        WaitForAsyncUtils.waitForFxEvents();

        ConnectionViewModel brokerA = viewModel.connections().stream().filter(c -> c.name().equals("Broker A")).findFirst().orElseThrow();
        assertThat(brokerA.profile().settings().url()).isEqualTo(TestBroker.tcpUrl());
        assertThat(viewModel.selectedProperty().get()).isSameAs(brokerA);

        robot.clickOn("#profileTree");
        robot.type(KeyCode.ENTER); // connects the selected profile
        robot.clickOn("#newConnectionUrl").write(second.tcpUrl().toString()).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> viewModel.quickConnect().unsaved().size() == 1);
        ConnectionViewModel brokerB = viewModel.quickConnect().unsaved().get(0); // quick connect: a connection, no profile

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> brokerA.stateProperty().get() == ConnectionState.CONNECTED
                && brokerB.stateProperty().get() == ConnectionState.CONNECTED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(connectedTabDots(robot)).isEqualTo(2);

        robot.interact(() -> viewModel.open(brokerA)); // on the JavaFX thread, as a click would
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(visible(robot, "#disconnectButton"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> brokerA.stateProperty().get() == ConnectionState.DISCONNECTED);
        assertThat(brokerB.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(connectedTabDots(robot)).isEqualTo(1);
    }

    private static long connectedTabDots(FxRobot robot) {
        return robot.lookup(".tab .state-dot").queryAll().stream()
                .filter(dot -> dot.getPseudoClassStates().contains(PseudoClass.getPseudoClass("connected"))).count();
    }

    /** The node in the tab in front; each tab has its own connect and disconnect buttons. */
    private static Node visible(FxRobot robot, String query) {
        javafx.scene.control.TabPane tabs = robot.lookup("#connectionTabs").queryAs(javafx.scene.control.TabPane.class);
        return tabs.getSelectionModel().getSelectedItem().getContent().lookup(query);
    }
}
