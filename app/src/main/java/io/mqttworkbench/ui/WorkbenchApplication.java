package io.mqttworkbench.ui;

import io.mqttworkbench.BuildInfo;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.sandbox.SandboxBroker;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop application: builds the main window, ticks the view models once per frame, and shuts down cleanly. */
public final class WorkbenchApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApplication.class);

    private Theme initialTheme = Theme.LIGHT;
    private SandboxBroker sandbox;
    private MainWindowViewModel viewModel;
    private FrameTicker frames;

    @Override
    public void init() {
        // Runs on the launcher thread, so asking the OS for its colour scheme does not delay the JavaFX thread.
        initialTheme = SystemTheme.detect();
        sandbox = new SandboxBroker();
    }

    @Override
    public void start(Stage stage) {
        viewModel = new MainWindowViewModel(new ProfileConnector(sandbox), List.of(Profile.sandbox()), Platform::runLater, initialTheme);
        Scene scene = new MainWindowView(viewModel).scene(1280, 800);
        viewModel.themeProperty().addListener((obs, old, theme) -> theme.apply());
        viewModel.themeProperty().get().apply();

        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
            stage.hide(); // gone at once; closing connections and the sandbox happens after, in stop()
            Platform.exit();
        });
        stage.setTitle("MQTT Workbench " + BuildInfo.version());
        stage.getIcons().addAll(AppIcons.load());
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.setScene(scene);
        stage.show();

        frames = new FrameTicker(viewModel);
        frames.start();
        LOG.info("window shown");
    }

    @Override
    public void stop() {
        if (frames != null) {
            frames.stop();
        }
        if (viewModel != null) {
            viewModel.shutdown();
        }
        sandbox.close();
        LOG.info("stopped");
    }

    /** Window icons in the sizes desktops ask for; missing files are skipped. */
    static final class AppIcons {
        private AppIcons() {
        }

        static List<Image> load() {
            return List.of(16, 32, 48, 64, 128, 256).stream()
                    .map(size -> AppIcons.class.getResourceAsStream("icons/mqtt-workbench-" + size + ".png"))
                    .filter(Objects::nonNull)
                    .map(Image::new)
                    .toList();
        }
    }
}
