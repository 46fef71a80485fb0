package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.ui.common.InterfaceLanguage;
import io.mqttworkbench.ui.common.Texts;

import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.profile.WorkspaceState;
import io.mqttworkbench.sandbox.SandboxBroker;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace: the profiles in the sidebar, the connections open as tabs (each keeps running while
 * another is shown), the offer to reopen last session's connections, the status bar and the theme.
 */
public final class MainWindowViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindowViewModel.class);
    /** How the sandbox broker's English report of a failed start begins; the rest is the reason. */
    private static final String FAILED_PREFIX = "^The sandbox broker could not start: "; // untranslated: matched in the broker's log text

    private final ProfilesViewModel profiles;
    private final QuickConnectViewModel quick;
    private final ObservableList<ConnectionViewModel> openTabs = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionViewModel> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper sandboxStatus = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper sandboxFailed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reopenOffer = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Theme> theme;
    /** The language chosen in the settings; the window's words change with the next start. */
    private final ObjectProperty<InterfaceLanguage> language;
    /** True while the look follows the operating system's (kept as "" in the workspace file). */
    private final BooleanProperty themeFollowsSystem;
    /** What "as the operating system" means for the settings page; the interface's locale until told. */
    private Locale systemLocale;
    private Supplier<CompletableFuture<Theme>> systemTheme;
    private final AtomicReference<SandboxBroker.Progress> sandboxProgress = new AtomicReference<>();
    private final AtomicReference<String> pendingNotice = new AtomicReference<>();
    private final io.mqttworkbench.ui.common.WindowLayout layout;
    private List<ConnectionViewModel> toReopen = List.of();

    /** The window's words, in the interface language. */
    private final Texts texts;
    private final SandboxBroker sandbox;

    public MainWindowViewModel(ProfilesViewModel profiles, ProfileConnector connector, WorkspaceState lastSession, Theme initialTheme, Texts texts) {
        this.texts = texts;
        this.sandbox = connector.sandbox();
        sandboxStatus.set(texts.text("workspace.sandbox.stopped"));
        this.profiles = profiles;
        this.quick = new QuickConnectViewModel(profiles, lastSession.quickConnectSubscribeAll());
        this.layout = new io.mqttworkbench.ui.common.WindowLayout(lastSession.layout());
        this.theme = new SimpleObjectProperty<>(initialTheme);
        this.language = new SimpleObjectProperty<>(InterfaceLanguage.ofTag(lastSession.language()));
        this.themeFollowsSystem = new SimpleBooleanProperty(!List.of("light", "dark").contains(lastSession.theme()));
        this.systemLocale = texts.locale();
        this.systemTheme = () -> CompletableFuture.completedFuture(initialTheme);
        connector.sandbox().addListener(sandboxProgress::set);
        profiles.connections().addListener((ListChangeListener<ConnectionViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::forget);
            }
        });
        toReopen = lastSession.openProfileIds().stream().map(profiles::find).filter(Objects::nonNull).toList();
        describeReopenOffer();
        ConnectionViewModel first = lastSession.selectedProfileId() == null ? null : profiles.find(lastSession.selectedProfileId());
        if (first == null && !profiles.connections().isEmpty()) {
            first = profiles.connections().get(0);
        }
        if (first != null) {
            open(first);
        }
    }

    public ProfilesViewModel profiles() {
        return profiles;
    }

    /** The quick-connect field, its "Subscribe to #" setting and the unsaved connections it opened. */
    public QuickConnectViewModel quickConnect() {
        return quick;
    }

    /** The window's folded columns, detail placement and dividers, restored from the last session. */
    public io.mqttworkbench.ui.common.WindowLayout layout() {
        return layout;
    }

    public ObservableList<ConnectionViewModel> connections() {
        return profiles.connections();
    }

    public ObservableList<ConnectionViewModel> openTabs() {
        return openTabs;
    }

    public ObjectProperty<ConnectionViewModel> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty sandboxStatusProperty() {
        return sandboxStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sandboxFailedProperty() {
        return sandboxFailed.getReadOnlyProperty();
    }

    /** "2 of 3 connected · 1,204 msg/s". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Non-empty while last session's connections can be reopened with one click. */
    public ReadOnlyStringProperty reopenOfferProperty() {
        return reopenOffer.getReadOnlyProperty();
    }

    /** A message for the whole window (a failed save, say); empty when there is none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The interface language chosen in the settings (kept in the workspace file). */
    public ObjectProperty<InterfaceLanguage> languageProperty() {
        return language;
    }

    /** True while the look follows the operating system's. */
    public BooleanProperty themeFollowsSystemProperty() {
        return themeFollowsSystem;
    }

    public void toggleTheme() {
        themeFollowsSystem.set(false);
        theme.set(theme.get().other());
    }

    /**
     * What the operating system says, for the settings page's "as the operating system": its locale (before the
     * interface language replaced the JVM's default) and a way to ask for its look that answers on the JavaFX thread.
     */
    public void knowSystem(Locale systemLocale, Supplier<CompletableFuture<Theme>> systemTheme) {
        this.systemLocale = systemLocale;
        this.systemTheme = systemTheme;
    }

    /** A settings page on this workspace's language and theme. */
    public SettingsViewModel settings() {
        return new SettingsViewModel(language, theme, themeFollowsSystem, systemLocale, systemTheme, texts);
    }

    /** Shows the connection in a tab, opening one if needed. */
    public void open(ConnectionViewModel connection) {
        if (!openTabs.contains(connection)) {
            openTabs.add(connection);
        }
        selected.set(connection);
    }

    /** Opens the connection's tab and connects. */
    public void openAndConnect(ConnectionViewModel connection) {
        open(connection);
        connection.connect();
        leaveReopenOffer(connection); // connected already (--connect, quick connect): nothing left to offer for it
    }

    /**
     * Closes the tab; the connection is disconnected (its messages are kept until the profile is reopened).
     * An unsaved quick connection is forgotten.
     */
    public void closeTab(ConnectionViewModel connection) {
        connection.disconnect();
        quick.discard(connection);
        openTabs.remove(connection);
        if (selected.get() == connection) {
            selected.set(openTabs.isEmpty() ? null : openTabs.get(openTabs.size() - 1));
        }
    }

    /**
     * Quick connect: opens an unsaved connection to the typed URL in a tab and connects (subscribed to # when
     * the setting says so); false, with the reason shown beside the field, when the URL is bad.
     */
    public boolean quickConnectToUrl() {
        ConnectionViewModel connection = quick.connectionForUrl();
        if (connection == null) {
            return false;
        }
        openAndConnect(connection);
        return true;
    }

    /** "Save as profile…" of an unsaved quick connection: the editor, then the tab is that profile. False when cancelled. */
    public boolean saveAsProfile(ConnectionViewModel connection) {
        return quick.saveAsProfile(connection);
    }

    /** Opens the editor on a new profile and shows it when saved. */
    public void createProfile() {
        ConnectionViewModel created = profiles.create();
        if (created != null) {
            open(created);
        }
    }

    public void reopenLastSession() {
        toReopen.forEach(this::openAndConnect);
        dismissReopenOffer();
    }

    public void dismissReopenOffer() {
        toReopen = List.of();
        reopenOffer.set("");
    }

    /** Shows a message in the window; any thread (a failed background save reports here). */
    public void postNotice(String message) {
        pendingNotice.set(message);
    }

    public void dismissNotice() {
        notice.set("");
    }

    /** What to remember for next time. */
    public WorkspaceState capture(Double x, Double y, Double width, Double height, boolean maximized) {
        List<String> open = new ArrayList<>();
        for (ConnectionViewModel connection : openTabs) {
            if (connection.stateProperty().get().isActive() && !quick.isUnsaved(connection)) { // an unsaved one is forgotten
                open.add(connection.profile().id());
            }
        }
        ConnectionViewModel front = selected.get();
        return new WorkspaceState(open, front == null || quick.isUnsaved(front) ? null : front.profile().id(), x, y, width, height, maximized,
                themeFollowsSystem.get() ? "" : theme.get().name().toLowerCase(Locale.ROOT), layout.capture(), quick.subscribeAllProperty().get(),
                language.get().tag());
    }

    /** Applies the news of the last frame to every connection and the status bar. JavaFX thread. */
    public void onFrame(long nowNanos) {
        double rate = 0;
        long connected = 0;
        long recording = 0;
        for (ConnectionViewModel connection : everyConnection()) {
            connection.onFrame(nowNanos);
            rate += connection.log().messagesPerSecondProperty().get();
            if (connection.replay().recordingProperty().get()) {
                recording++;
            }
            if (connection.stateProperty().get() == ConnectionState.CONNECTED) {
                connected++;
            }
        }
        SandboxBroker.Progress progress = sandboxProgress.getAndSet(null);
        if (progress != null) {
            sandboxStatus.set(sandboxStatus(progress));
            sandboxFailed.set(progress.phase() == SandboxBroker.Phase.FAILED);
        }
        String message = pendingNotice.getAndSet(null);
        if (message != null) {
            notice.set(message);
        }
        long all = profiles.connections().size() + quick.unsaved().size();
        summary.set(recording == 0 ? texts.format("workspace.summary", connected, all, rate)
                : texts.format("workspace.summary.recording", connected, all, rate, recording));
    }

    /** Closes every connection, in parallel, waiting a few seconds at most. Called when the application stops. */
    public void shutdown() {
        List<Thread> closers = new ArrayList<>();
        for (ConnectionViewModel connection : everyConnection()) {
            Thread closer = new Thread(connection::close, "close-" + connection.name());
            closer.setDaemon(true);
            closer.start();
            closers.add(closer);
        }
        long deadline = System.currentTimeMillis() + 6_000;
        for (Thread closer : closers) {
            try {
                closer.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.info("closed {} connection(s)", closers.size());
    }

    /** The profiles' connections and the unsaved quick ones. */
    private List<ConnectionViewModel> everyConnection() {
        if (quick.unsaved().isEmpty()) {
            return profiles.connections();
        }
        List<ConnectionViewModel> all = new ArrayList<>(profiles.connections());
        all.addAll(quick.unsaved());
        return all;
    }

    private void describeReopenOffer() {
        reopenOffer.set(toReopen.isEmpty() ? ""
                : toReopen.size() == 1 ? texts.format("workspace.reopen.one", toReopen.get(0).name())
                : texts.format("workspace.reopen.other", toReopen.size()));
    }

    /** The sandbox's state in the interface language (the broker reports it in English, for the log). */
    private String sandboxStatus(SandboxBroker.Progress progress) {
        return switch (progress.phase()) {
            case STOPPED -> texts.text("workspace.sandbox.stopped");
            case STARTING -> texts.text("workspace.sandbox.starting");
            case STOPPING -> texts.text("workspace.sandbox.stopping");
            // the endpoints are known a moment after the news: until then the status says it is starting
            case RUNNING -> sandbox.endpoints()
                    .map(endpoints -> texts.format("workspace.sandbox.running", endpoints.tcpUrl(), endpoints.websocketUrl()))
                    .orElseGet(() -> {
                        sandboxProgress.compareAndSet(null, progress); // again next frame
                        return texts.text("workspace.sandbox.starting");
                    });
            // the reason is the broker's own words; the sentence around it is ours
            case FAILED -> texts.format("workspace.sandbox.failed", progress.message().replaceFirst(FAILED_PREFIX, ""));
        };
    }

    /** Takes a connection out of the offer to reopen last session's connections. */
    private void leaveReopenOffer(ConnectionViewModel connection) {
        if (toReopen.contains(connection)) {
            toReopen = toReopen.stream().filter(c -> c != connection).toList();
            describeReopenOffer();
        }
    }

    /** A deleted profile closes its tab and leaves the reopen offer; a reordered one (still listed) stays. */
    private void forget(ConnectionViewModel removed) {
        if (profiles.connections().contains(removed)) {
            return;
        }
        leaveReopenOffer(removed);
        if (openTabs.contains(removed)) {
            openTabs.remove(removed);
            if (selected.get() == removed) {
                selected.set(openTabs.isEmpty() ? null : openTabs.get(openTabs.size() - 1));
            }
        }
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
