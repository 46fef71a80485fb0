package io.mqttworkbench.ui.connection;

import io.mqttworkbench.ui.common.Texts;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.message.ReceivedTraffic;
import io.mqttworkbench.message.StoreCounts;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionEvent;
import io.mqttworkbench.mqtt.ConnectionState;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileConnector;
import io.mqttworkbench.ui.broker.BrokerStatsViewModel;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import io.mqttworkbench.ui.common.TopicDecoders;
import io.mqttworkbench.ui.log.MessageActions;
import io.mqttworkbench.ui.log.MessageDetailViewModel;
import io.mqttworkbench.ui.log.MessageLogViewModel;
import io.mqttworkbench.ui.log.TimelineViewModel;
import io.mqttworkbench.ui.publish.ComposerLibraryViewModel;
import io.mqttworkbench.ui.publish.PublishStorage;
import io.mqttworkbench.ui.publish.PublishViewModel;
import io.mqttworkbench.ui.replay.ReplayViewModel;
import io.mqttworkbench.ui.tree.StoredMessages;
import io.mqttworkbench.ui.tree.TopicActions;
import io.mqttworkbench.ui.tree.TopicDetailViewModel;
import io.mqttworkbench.ui.tree.TopicTreeViewModel;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One profile in the workspace: its connection, state, event log and received messages. Everything
 * the connection reports from its own thread is queued and applied in {@link #onFrame(long)}, once per
 * frame, so a flood of messages or events never floods the JavaFX thread with tasks.
 */
public final class ConnectionViewModel {

    static final int EVENT_LIMIT = 1_000;

    private final ReadOnlyObjectWrapper<Profile> profile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private final DialogService dialogs;
    private final Executor ui;
    private final Executor background;
    private final ReceivedTraffic traffic;
    private final MessageStore store;
    private final Runnable saveProfiles;
    private final MessageLogViewModel log;
    private final TimelineViewModel timeline;
    private final DiskHistoryViewModel diskHistory;
    private final SubscriptionsViewModel subscriptions;
    private final PublishViewModel publishing;
    private final ConnectionTools tools;
    private final TopicTreeViewModel topics;
    private final TopicActions topicActions;
    private final TopicDetailViewModel topicDetail;
    private final BrokerStatsViewModel brokerStats;
    private final MessageDetailViewModel messageDetail;
    private final MessageActions messageActions;

    private final javafx.beans.property.ReadOnlyBooleanWrapper insecure = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final ObservableList<ConnectionEvent> events = FXCollections.observableArrayList();
    /** The broker connection itself: connect, disconnect, its state and address. */
    private final ConnectionLifecycle lifecycle;

    /** The window's words, in the interface language. */
    private final Texts texts;

    /**
     * @param background decodes, diffs and charts payloads off the JavaFX thread
     * @param traffic where received messages go (message log and topic tree); it outlives connections
     * @param saveProfiles persists the profiles after this connection changed its own (its subscriptions)
     */
    public ConnectionViewModel(Profile profile, ProfileConnector connector, DialogService dialogs, Executor ui, Executor background,
                               ReceivedTraffic traffic, Runnable saveProfiles, Texts texts) {
        this(profile, connector, dialogs, ui, background, traffic, saveProfiles, new DecoderRegistry(), null, texts);
    }

    /**
     * @param decoders shared by the workspace, with the Protobuf schemas the user loaded
     * @param storage where the publish history and the templates are kept, or null for neither
     */
    public ConnectionViewModel(Profile profile, ProfileConnector connector, DialogService dialogs, Executor ui, Executor background,
                               ReceivedTraffic traffic, Runnable saveProfiles, DecoderRegistry decoders, PublishStorage storage, Texts texts) {
        this.texts = texts;
        this.dialogs = dialogs;
        this.ui = ui;
        this.background = background;
        this.traffic = traffic;
        this.store = traffic.store();
        this.saveProfiles = saveProfiles;
        this.log = new MessageLogViewModel(store, decoders, background, ui, this::droppedCount, traffic.gaps(), texts);
        this.diskHistory = new DiskHistoryViewModel(name::get, traffic, this::deliveringFilter, dialogs, background, ui,
                text -> events.add(ConnectionEvent.now(ConnectionEvent.Kind.INFO, text)), java.time.ZoneId.systemDefault(), texts);
        log.paging().useHistory(diskHistory::history);
        ConnectionCounts counts = new ConnectionCounts(diskHistory::history, log::storedMatches, new StoreCounts(store, decoders));
        this.timeline = new TimelineViewModel(counts, log, background, ui, System::currentTimeMillis, texts);
        this.subscriptions = new SubscriptionsViewModel(profile.subscriptions(), this::connectedConnection, this::connection, ui,
                this::subscriptionsChanged, traffic::setGate, texts);
        log.collapse().useOrigins(subscriptions.origins()::of);
        TopicDecoders topicDecoders = new TopicDecoders(this.profile::get, this::profileChanged);
        this.tools = new ConnectionTools(profile, storage, traffic, this::connectedConnection, subscriptions, diskHistory::history, dialogs,
                reply -> decoders.decode(reply.payload(), reply.topic(), topicDecoders.get(reply.topic()), DecoderRegistry.DEFAULT_MAX_CHARS),
                background, ui, texts);
        this.publishing = tools.publishing;
        this.topics = new TopicTreeViewModel(traffic.tree(), texts);
        this.topicActions = new TopicActions(traffic.tree(), this::connectedConnection, subscriptions,
                publishing.topicProperty()::set, diskHistory::clearSubtree, dialogs, ui, texts);
        this.topicDetail = new TopicDetailViewModel(topics, decoders, background, ui, StoredMessages.of(diskHistory::history), texts);
        this.brokerStats = new BrokerStatsViewModel(traffic.tree(), subscriptions, texts);
        this.messageDetail = new MessageDetailViewModel(log, subscriptions, topicDecoders, decoders,
                background, ui, texts);
        this.messageActions = new MessageActions(log, messageDetail, decoders, dialogs, this::name, background, ui, texts);
        this.lifecycle = new ConnectionLifecycle(connector, dialogs, ui, traffic, diskHistory, subscriptions, publishing, events, name::get, texts);
        updateProfile(profile);
    }

    /** Messages over time, above the log. */
    public TimelineViewModel timeline() {
        return timeline;
    }

    public String name() {
        return name.get();
    }

    /** The profile's name, which follows renames. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public Profile profile() {
        return profile.get();
    }

    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    /** Takes an edited profile. An open connection keeps its settings; the next connect uses the new ones. */
    public void updateProfile(Profile edited) {
        profile.set(edited);
        name.set(edited.name());
        var settings = edited.settings();
        insecure.set(!edited.isSandbox() && settings.url().transport().secure() && settings.tls() != null && settings.tls().trustAnyCertificate());
        lifecycle.profileEdited(edited);
        if (subscriptions != null) {
            subscriptions.syncTo(edited.subscriptions());
            subscriptions.subscribeAllOnConnect(edited.subscribeAllOnConnect());
        }
        diskHistory.apply(edited.history());
    }

    /** The subscription list changed in the panel: it is the profile's, so the profile is saved with it. */
    private void subscriptionsChanged(List<io.mqttworkbench.profile.SavedSubscription> saved) {
        profileChanged(profile.get().toBuilder().subscriptions(saved).build());
    }

    private void profileChanged(Profile changed) {
        profile.set(changed);
        saveProfiles.run();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return lifecycle.state.getReadOnlyProperty();
    }

    /** "Connected: mqtt://…", "Failed: 0x86 Bad user name or password": the state with its reason. */
    public ReadOnlyStringProperty statusTextProperty() {
        return lifecycle.statusText.getReadOnlyProperty();
    }

    /** Where the profile connects to, for the sidebar and the tab header. */
    /** The profile trusts any certificate: encrypted, but to a broker nobody verified. */
    public javafx.beans.property.ReadOnlyBooleanProperty insecureProperty() {
        return insecure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressProperty() {
        return lifecycle.address.getReadOnlyProperty();
    }

    public BooleanBinding canConnect() {
        return Bindings.createBooleanBinding(() -> !lifecycle.state.get().isActive(), lifecycle.state);
    }

    public ObservableList<ConnectionEvent> events() {
        return events;
    }

    /** The message log: rows, query, pause, counts, caps and export. */
    public MessageLogViewModel log() {
        return log;
    }

    /** What the log shows (every message, or a query's result); a virtual list for the table. */
    public ObservableList<ReceivedMessage> messages() {
        return log.rows();
    }


    public SubscriptionsViewModel subscriptions() {
        return subscriptions;
    }

    public PublishViewModel publishing() {
        return publishing;
    }

    public TopicTreeViewModel topics() {
        return topics;
    }

    public TopicActions topicActions() {
        return topicActions;
    }

    public TopicDetailViewModel topicDetail() {
        return topicDetail;
    }

    DialogService dialogs() {
        return dialogs;
    }

    /** Where views run their own slow work (colouring a large payload). */
    Executor background() {
        return background;
    }

    Executor ui() {
        return ui;
    }

    /** Exporting messages and loading Protobuf schemas: the log's actions that ask the user something. */
    public MessageActions messageActions() {
        return messageActions;
    }

    public MessageDetailViewModel messageDetail() {
        return messageDetail;
    }

    public BrokerStatsViewModel brokerStats() {
        return brokerStats;
    }

    public MessageStore store() {
        return store;
    }

    public ReceivedTraffic traffic() {
        return traffic;
    }

    /**
     * Connects (starting the sandbox broker first for the sandbox profile). Asks for the password of a
     * profile that does not store one, and before using a token that has expired.
     */
    public void connect() {
        lifecycle.connect(profile.get());
    }

    public void disconnect() {
        lifecycle.disconnect();
    }

    /** Forgets all received messages. */
    public void clearMessages() {
        log.clear();
    }

    /** Applies what happened since the last frame. JavaFX thread, called by the frame ticker. */
    public void onFrame(long nowNanos) {
        lifecycle.takeStatus();
        subscriptions.onFrame();
        tools.onFrame();
        topics.onFrame(nowNanos);
        brokerStats.onFrame(nowNanos);
        lifecycle.drainEvents(EVENT_LIMIT);
        log.onFrame(nowNanos);
        timeline.onFrame(nowNanos);
        diskHistory.onFrame(nowNanos);
    }

    /**
     * Keeps every message this connection receives in {@code file} (the profile's message history), and
     * gives the tree each topic's last value from it; opened on the background executor.
     */
    public void keepHistoryIn(java.nio.file.Path file) {
        diskHistory.keepIn(file, profile.get().history());
    }

    /** The message history on disk: its status, its notices and "Clear history". */
    public DiskHistoryViewModel diskHistory() {
        return diskHistory;
    }

    /** Closes, and removes the profile's message history from the disk: the profile was deleted. Not on the JavaFX thread. */
    public void closeAndForget() {
        close();
        diskHistory.closeAndDelete();
    }

    /** Disconnects and frees the connection's threads. Blocks up to a few seconds: not on the JavaFX thread. */
    public void close() {
        diskHistory.close();
        tools.close();
        lifecycle.close();
    }

    /** Recording this connection's traffic and replaying recordings into it. */
    public ReplayViewModel replay() {
        return tools.replay;
    }

    /** The Sparkplug B view of this connection's traffic. */
    public io.mqttworkbench.ui.sparkplug.SparkplugViewModel sparkplug() {
        return tools.sparkplug;
    }

    public ComposerLibraryViewModel composerLibrary() {
        return tools.library;
    }

    /** This profile's publish history, or null when it keeps none. */
    public io.mqttworkbench.publish.PublishHistory history() {
        return tools.history;
    }

    /**
     * The subscription that delivered a message, for its row on disk: the one its subscription identifier names
     * (overlapping subscriptions each deliver their own copy), else the first filter that matches. Any thread.
     */
    private String deliveringFilter(ReceivedMessage message) {
        BrokerConnection current = lifecycle.connection();
        if (current != null) {
            for (Integer id : message.properties().subscriptionIdentifiers()) {
                List<String> filters = current.filtersOfSubscriptionIdentifier(id, message.receivedEpochMillis());
                if (!filters.isEmpty()) {
                    return filters.get(0);
                }
            }
        }
        return traffic.gate().filterOf(message.topic());
    }

    private BrokerConnection connectedConnection() {
        return lifecycle.connectedConnection();
    }

    private BrokerConnection connection() {
        return lifecycle.connection();
    }

    private long droppedCount() {
        BrokerConnection connection = lifecycle.connection();
        return connection == null ? 0 : connection.inbound().droppedCount();
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
