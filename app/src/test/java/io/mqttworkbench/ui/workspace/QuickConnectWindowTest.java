package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.profile.ProfileLibrary;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.WorkspaceState;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A quick connection's tab says it is not saved, and its "Save as profile…" makes it a profile in the sidebar. */
@ExtendWith(ApplicationExtension.class)
class QuickConnectWindowTest {

    @TempDir
    static Path configDir;
    private MainWindowViewModel viewModel;
    private ProfileLibrary library;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private FrameTicker frames;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        ProfileConnector connector = new ProfileConnector(TestBroker.sandbox());
        library = new ProfileLibrary(new ProfileStore(configDir), message -> { });
        ProfilesViewModel profiles = new ProfilesViewModel(List.of(Profile.sandbox()), connector, library, dialogs,
                Platform::runLater, Runnable::run, configDir.resolve("certificates"), Texts.english());
        viewModel = new MainWindowViewModel(profiles, connector, WorkspaceState.EMPTY, Theme.LIGHT, Texts.english());
        stage.setScene(new MainWindowView(viewModel).scene(1280, 800));
        viewModel.layout().sidebarCollapsedProperty().set(false);
        stage.show();
        frames = new FrameTicker(viewModel);
        frames.start();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> frames.stop()).get(5, TimeUnit.SECONDS);
        viewModel.shutdown();
        library.close();
    }

    @Test
    void theUnsavedTabOffersSaveAsProfileAndThenIsThatProfile(FxRobot robot) throws Exception {
        String url = TestBroker.tcpUrl().toString();
        robot.clickOn("#newConnectionUrl").write(url).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewModel.quickConnect().unsaved().size() == 1
                && viewModel.quickConnect().unsaved().get(0).stateProperty().get() == ConnectionState.CONNECTED);
        ConnectionViewModel quick = viewModel.quickConnect().unsaved().get(0);
        WaitForAsyncUtils.waitForFxEvents();

        Tab tab = selectedTab(robot);
        assertThat(tab.getText()).isEqualTo(url + " (not saved)");
        assertThat(tab.getStyleClass()).contains("unsaved-tab");
        Node bar = tab.getContent().lookup("#unsavedNotice").getParent();
        assertThat(bar.isVisible()).isTrue();

        dialogs.editor = draft -> draft.toBuilder().name("Found broker").build();
        robot.clickOn(tab.getContent().lookup("#saveAsProfile"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(tab.getText()).isEqualTo("Found broker");
        assertThat(tab.getStyleClass()).doesNotContain("unsaved-tab");
        assertThat(bar.isVisible()).isFalse();
        assertThat(bar.isManaged()).isFalse();
        assertThat(viewModel.connections()).contains(quick);
        assertThat(quick.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED); // saving does not reconnect
        @SuppressWarnings("unchecked")
        javafx.scene.control.TreeView<ProfileTree.Item> tree = robot.lookup("#profileTree").queryAs(javafx.scene.control.TreeView.class);
        assertThat(tree.getRoot().getChildren()).anySatisfy(item -> assertThat(item.getValue())
                .isEqualTo(new ProfileTree.ProfileItem(quick)));
        library.close();
        assertThat(new ProfileStore(configDir).load().profiles()).extracting(Profile::name).containsExactly("Local sandbox", "Found broker");
    }

    private static Tab selectedTab(FxRobot robot) {
        return robot.lookup("#connectionTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
    }
}
