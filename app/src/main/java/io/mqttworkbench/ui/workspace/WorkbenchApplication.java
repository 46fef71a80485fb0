package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.AppDirectories;
import io.mqttworkbench.BuildInfo;
import io.mqttworkbench.profile.ConnectionProbe;
import io.mqttworkbench.profile.FieldCheck;
import io.mqttworkbench.profile.OsKeyring;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.profile.ProfileLibrary;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.SecretStore;
import io.mqttworkbench.profile.WorkspaceState;
import io.mqttworkbench.profile.WorkspaceStateStore;
import io.mqttworkbench.sandbox.SandboxBroker;
import io.mqttworkbench.ui.common.InterfaceLanguage;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.common.ProfileFileTexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
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

/**
 * The desktop application: loads the profiles and last session's layout, builds the main window, ticks
 * the view models once per frame, and on the way out saves the layout and closes everything cleanly.
 */
public final class WorkbenchApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApplication.class);
    private static final String PARAGRAPH = "\n\n";

    private Path configDir;
    private ProfileStore store;
    private ProfileStore.LoadResult loaded;
    private WorkspaceStateStore workspaceStore;
    private WorkspaceState lastSession;
    private Theme initialTheme = Theme.LIGHT;
    private SandboxBroker sandbox;
    private ExecutorService background;
    private ProfileLibrary library;
    /** Lets the library report a failed background save to the window created after it. */
    private AtomicReference<MainWindowViewModel> windowRef;
    private MainWindowViewModel viewModel;
    private Texts texts;
    /** The operating system's locale, before the interface language became the JVM's default. */
    private Locale systemLocale;
    /** Writes the workspace file when a setting changes, one write after the other. */
    private final ExecutorService savingWorkspace = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("workspace-save").daemon().unstarted(r));
    private FrameTicker frames;
    private Stage stage;
    /** Set with {@code --smoke-test}: the run is a self-check that exits on its own. */
    private SmokeTest smokeTest;
    private boolean smokeTestRequested;
    /** Set with {@code --stats-file}: frame and memory figures written once a second. */
    private WindowStats stats;

    @Override
    public void init() {
        // Runs on the launcher thread: reading files and asking the OS for its colours does not delay the window.
        smokeTestRequested = getParameters().getRaw().contains(WindowOptions.SMOKE_TEST);
        // The self-check starts from nothing and leaves the user's profiles and layout alone.
        configDir = smokeTestRequested ? temporaryConfigDir() : configDir(getParameters().getRaw());
        // Asking the keyring may take a while (D-Bus, an unlock prompt): it starts now, beside the rest of the start.
        CompletableFuture<SecretStore> keyring = CompletableFuture.supplyAsync(() -> OsKeyring.detect(OsKeyring.DETECT_TIMEOUT),
                r -> Thread.ofPlatform().name("keyring-detection").daemon().start(r));
        store = new ProfileStore(configDir, keyring::join);
        loaded = store.load();
        workspaceStore = new WorkspaceStateStore(configDir);
        lastSession = workspaceStore.load();
        initialTheme = switch (lastSession.theme()) {
            case "dark" -> Theme.DARK;
            case "light" -> Theme.LIGHT;
            default -> SystemTheme.detect();
        };
        // The window's words; JavaFX's own control texts (a text field's context menu) follow the default locale.
        systemLocale = Locale.getDefault();
        texts = new Texts(InterfaceLanguage.ofTag(lastSession.language()).locale(systemLocale));
        Locale.setDefault(texts.locale());
        sandbox = new SandboxBroker();
        AtomicInteger threads = new AtomicInteger();
        background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "workbench-background-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicReference<MainWindowViewModel> window = new AtomicReference<>();
        library = new ProfileLibrary(store, message -> {
            MainWindowViewModel vm = window.get();
            if (vm != null) {
                vm.postNotice(message);
            }
        });
        this.windowRef = window;
    }

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        ProfileConnector connector = new ProfileConnector(sandbox);
        DialogService dialogs = new FxDialogService(() -> stage, new ConnectionProbe(connector, background), background, Platform::runLater,
                () -> store.secretsIfKnown().map(SecretStore::note).orElse(FieldCheck.OK), texts);
        ProfilesViewModel profiles = new ProfilesViewModel(loaded.profiles(), connector, library, dialogs, Platform::runLater, background,
                configDir.resolve("certificates"), texts);
        viewModel = new MainWindowViewModel(profiles, connector, lastSession, initialTheme, texts);
        windowRef.set(viewModel);
        viewModel.knowSystem(systemLocale, () -> CompletableFuture.supplyAsync(SystemTheme::detect, background)
                .thenApplyAsync(theme -> theme, Platform::runLater));

        // 1280×800, or the screen's free area when it is smaller (a 1366×768 laptop), so the window opens whole.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new MainWindowView(viewModel).scene(Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight()));
        viewModel.themeProperty().addListener((obs, old, theme) -> theme.apply());
        // The settings are written when made, not only at exit: a choice survives a killed or crashed window.
        for (javafx.beans.value.ObservableValue<?> setting : List.of(viewModel.languageProperty(), viewModel.themeProperty(),
                viewModel.themeFollowsSystemProperty())) {
            setting.addListener((obs, old, now) -> saveWorkspace());
        }
        viewModel.themeProperty().get().apply();
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
            stage.hide(); // gone at once; closing connections and the sandbox happens after, in stop()
            Platform.exit();
        });
        stage.setTitle(texts.format("workspace.window.title", BuildInfo.version()));
        stage.getIcons().addAll(AppIcons.load());
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.setScene(scene);
        if (lastSession.hasWindowBounds()) {
            stage.setX(lastSession.x());
            stage.setY(lastSession.y());
            stage.setWidth(lastSession.width());
            stage.setHeight(lastSession.height());
        }
        stage.setMaximized(lastSession.maximized());
        stage.show();

        if (smokeTestRequested) {
            smokeTest = new SmokeTest(viewModel, System.out, () -> {
                stage.hide();
                Platform.exit();
            }, System::nanoTime);
            boolean[] begun = {false};
            frames = new FrameTicker(viewModel, () -> {
                if (!begun[0]) {
                    begun[0] = true; // the first frame after show(): the window is on screen
                    // The JVM's own uptime: exact, where the process start time on Linux is only known to the second.
                    smokeTest.begin(Optional.of(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime())));
                } else {
                    smokeTest.onFrame();
                }
            });
        } else {
            stats = WindowOptions.path(getParameters().getRaw(), WindowOptions.STATS_FILE).map(file -> new WindowStats(viewModel, file))
                    .orElse(null);
            if (stats != null) {
                stats.attach(scene);
            }
            frames = new FrameTicker(viewModel, stats == null ? () -> { } : () -> stats.onFrame(System.nanoTime()));
            WindowOptions.value(getParameters().getRaw(), WindowOptions.CONNECT).ifPresent(this::connectAtStart);
        }
        frames.start();
        if (loaded instanceof ProfileStore.FirstStart) {
            profiles.save(); // the file exists from the first start on, with the sandbox profile in it
        } else if (loaded instanceof ProfileStore.Unreadable unreadable) {
            Platform.runLater(() -> offerBackup(unreadable, profiles, dialogs));
        }
        // Where passwords go is settled beside the start (the editor's note says it); passwords written out in the
        // file move into the keyring, where one answers, with a save.
        CompletableFuture.supplyAsync(() -> store.secrets() instanceof SecretStore.Keyring && store.secretsToMove(), background)
                .thenAcceptAsync(move -> {
                    if (move) {
                        profiles.save();
                    }
                }, Platform::runLater);
        LOG.info("window shown; profiles from {}", configDir);
    }

    /** {@code --connect NAME}: open and connect the profile of that name, or say that there is none. */
    private void connectAtStart(String profileName) {
        viewModel.connections().stream().filter(c -> c.name().equals(profileName)).findFirst().ifPresentOrElse(viewModel::openAndConnect,
                () -> viewModel.postNotice(texts.format("workspace.start.no.profile", profileName)));
    }

    /** The profiles file could not be read: say why, where the file went, and offer the last good version. */
    private void offerBackup(ProfileStore.Unreadable unreadable, ProfilesViewModel profiles, DialogService dialogs) {
        String title = texts.text("workspace.start.unreadable.title");
        String reason = new ProfileFileTexts(texts).of(unreadable.reason());
        String kept = unreadable.keptAside() == null ? "" : PARAGRAPH + texts.format("workspace.start.unreadable.kept", unreadable.keptAside());
        if (!unreadable.backupAvailable()) {
            dialogs.showError(title, reason + kept + PARAGRAPH + texts.text("workspace.start.unreadable.sandbox.only"));
            return;
        }
        if (dialogs.confirm(title, reason + kept + PARAGRAPH + texts.text("workspace.start.unreadable.restore"),
                texts.text("workspace.start.restore"))) {
            CompletableFuture.supplyAsync(() -> {
                try {
                    return library.store().loadBackup();
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }, background).whenCompleteAsync((backup, error) -> {
                if (error != null) {
                    dialogs.showError(texts.text("workspace.start.backup.unreadable"),
                            new ProfileFileTexts(texts).of(error.getCause() == null ? error.getMessage() : error.getCause().getMessage()));
                } else {
                    profiles.replaceAll(backup);
                }
            }, Platform::runLater);
        }
    }

    private WorkspaceState capture() {
        return viewModel.capture(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }

    /** Writes the workspace file now, off the JavaFX thread; stop() writes it once more, last. */
    private void saveWorkspace() {
        WorkspaceState state = capture();
        savingWorkspace.execute(() -> workspaceStore.save(state));
    }

    @Override
    public void stop() {
        if (frames != null) {
            frames.stop();
        }
        if (stats != null) {
            stats.close();
        }
        if (viewModel != null && stage != null) {
            awaitQuietly(savingWorkspace); // an earlier write must not land after this last one
            workspaceStore.save(capture());
            viewModel.shutdown();
        }
        library.close();
        sandbox.close();
        awaitQuietly(background);
        LOG.info("stopped");
        if (smokeTestRequested) {
            deleteQuietly(configDir);
            if (smokeTest == null || !smokeTest.passed()) {
                System.exit(1); // the launcher would report success otherwise
            }
        }
    }

    private static void awaitQuietly(ExecutorService executor) {
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path temporaryConfigDir() {
        try {
            return Files.createTempDirectory("mqtt-workbench-smoke-test-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the smoke test: " + e.getMessage(), e); // untranslated: the smoke test reports on stdout
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not remove the smoke test's folder {}: {}", dir, e.getMessage());
        }
    }

    /** {@code --config-dir DIR} or {@code --config-dir=DIR}, else the environment variable, else the OS's folder. */
    static Path configDir(List<String> arguments) {
        return WindowOptions.path(arguments, WindowOptions.CONFIG_DIR).orElseGet(() -> AppDirectories.detect().configDir());
    }

    /** Window icons in the sizes desktops ask for; missing files are skipped. */
    static final class AppIcons {
        private AppIcons() {
        }

        static List<Image> load() {
            return List.of(16, 24, 32, 48, 64, 128, 256).stream()
                    .map(size -> AppIcons.class.getResourceAsStream("/io/mqttworkbench/ui/icons/mqtt-workbench-" + size + ".png"))
                    .filter(Objects::nonNull)
                    .map(Image::new)
                    .toList();
        }
    }
}
