package io.mqttworkbench.ui.sparkplug;

import io.mqttworkbench.ui.common.EncodeTexts;
import io.mqttworkbench.ui.common.Texts;

import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.sparkplug.EntityState;
import io.mqttworkbench.sparkplug.MetricValue;
import io.mqttworkbench.sparkplug.NetworkView;
import io.mqttworkbench.sparkplug.SparkplugCommands;
import io.mqttworkbench.sparkplug.SparkplugEncoder;
import io.mqttworkbench.sparkplug.SparkplugFlag;
import io.mqttworkbench.sparkplug.SparkplugNetwork;
import io.mqttworkbench.ui.common.SubscriptionForm;
import io.mqttworkbench.ui.common.SubscriptionsViewModel;
import io.mqttworkbench.topic.SubscriptionKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Sparkplug tab of a connection: edge nodes and devices with their state, the metrics of the one
 * selected, the broken rules, and the commands a host sends (rebirth, write a metric).
 *
 * <p>{@link #accept} runs on the connection's pump thread and only feeds {@link SparkplugNetwork}; the
 * JavaFX side asks for a snapshot at most every {@link #REFRESH_NANOS}, and only when something arrived; it is
 * taken on the background executor (one at a time) and shown on the JavaFX thread.
 */
public final class SparkplugViewModel {
    static final long REFRESH_NANOS = 250_000_000L;
    private static final String PROBE = "spBv1.0/group/NDATA/node"; // untranslated: a topic

    /** A node ({@code device == null}) or one of its devices. */
    public record Target(String group, String node, String device) {
        public String where() {
            return group + "/" + node + (device == null ? "" : "/" + device);
        }
    }

    private final SparkplugNetwork network = new SparkplugNetwork();
    private final SubscriptionsViewModel subscriptions;
    private final Function<PublishRequest, CompletableFuture<?>> publisher;
    private final java.util.concurrent.Executor ui;
    private final java.util.concurrent.Executor background;
    /** A snapshot is being taken in the background: the next waits for it (JavaFX thread only). */
    private boolean snapshotting;
    private final MetricChart chart;
    private final ObjectProperty<NetworkView> view = new SimpleObjectProperty<>(new NetworkView(List.of(), List.of(), List.of(), 0));
    private final ObservableList<SparkplugFlag> flags = FXCollections.observableArrayList();
    private final ObservableList<MetricValue> metrics = FXCollections.observableArrayList();
    private final ObjectProperty<Target> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper seen = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper subscribed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<EntityState> selectedState = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper selectedDetail = new ReadOnlyStringWrapper("");
    private volatile long fed;
    private long shown = -1;
    private long lastRefresh;

    /** The window's words, in the interface language. */
    private final Texts texts;
    private final FlagTexts flagTexts;

    /**
     * @param publisher sends a command on the connection (fails when it is not connected)
     * @param ui        runs what a command's outcome changes on the JavaFX thread
     */
    public SparkplugViewModel(SubscriptionsViewModel subscriptions, Function<PublishRequest, CompletableFuture<?>> publisher,
                              java.util.concurrent.Executor ui, Texts texts) {
        this(subscriptions, publisher, topic -> List.of(), () -> null, Runnable::run, ui, texts);
    }

    /**
     * @param recent     a topic's messages in memory, for charts
     * @param stored     the profile's history on disk, or null while there is none, for charts
     * @param background takes the network's snapshots, reads and decodes for charts
     */
    public SparkplugViewModel(SubscriptionsViewModel subscriptions, Function<PublishRequest, CompletableFuture<?>> publisher,
                              Function<String, List<ReceivedMessage>> recent, java.util.function.Supplier<io.mqttworkbench.history.MessageHistory> stored,
                              java.util.concurrent.Executor background, java.util.concurrent.Executor ui, Texts texts) {
        this.texts = texts;
        this.flagTexts = new FlagTexts(texts);
        this.chart = new MetricChart(recent, stored, background, ui, texts);
        this.background = background;
        summary.set(texts.text("sparkplug.none"));
        this.subscriptions = subscriptions;
        this.publisher = publisher;
        this.ui = ui;
        selected.addListener((o, old, now) -> showSelected());
    }

    /** Every received batch, on the pump thread: cheap for other topics (one prefix test each). */
    public void accept(List<ReceivedMessage> batch) {
        long before = -1;
        for (ReceivedMessage message : batch) {
            String topic = message.topic();
            if (topic.startsWith("spBv1.0/") || topic.startsWith("STATE/")) { // untranslated: topic prefixes
                if (before < 0) {
                    before = network.messages();
                }
                network.accept(message); // parses the topic once; the count says whether it was Sparkplug
            }
        }
        if (before >= 0 && network.messages() != before) {
            fed++; // one writer, the pump thread
        }
    }

    /** The last values from the history on disk, at start (any thread): the tab shows the network as it was left. */
    public void restore(List<ReceivedMessage> lastValues) {
        if (lastValues.stream().anyMatch(m -> SparkplugNetwork.isSparkplug(m.topic()))) {
            network.restore(lastValues);
            fed++;
        }
    }

    /** JavaFX thread, each frame. */
    public void onFrame(long nowNanos) {
        if (nowNanos - lastRefresh < REFRESH_NANOS) {
            return;
        }
        lastRefresh = nowNanos;
        subscribed.set(subscriptions.receives(PROBE));
        long now = fed;
        if (now == shown || snapshotting) {
            return;
        }
        shown = now;
        // copying every node's metrics takes long under traffic: not on the JavaFX thread, and one copy at a time
        snapshotting = true;
        background.execute(() -> {
            NetworkView snapshot = network.view();
            ui.execute(() -> {
                snapshotting = false;
                show(snapshot);
            });
        });
    }

    private void show(NetworkView snapshot) {
        view.set(snapshot);
        seen.set(seen.get() || !snapshot.nodes().isEmpty() || !snapshot.hosts().isEmpty());
        flags.setAll(snapshot.flags());
        long devices = snapshot.nodes().stream().mapToLong(n -> n.devices().size()).sum();
        String flagged = counted("sparkplug.summary.flags", snapshot.flags().size());
        summary.set(texts.format("sparkplug.summary", counted("sparkplug.summary.nodes", snapshot.nodes().size(), snapshot.online()),
                counted("sparkplug.summary.devices", devices), hosts(snapshot.hosts()),
                snapshot.flagsDropped() > 0 ? texts.format("sparkplug.summary.dropped", flagged, snapshot.flagsDropped()) : flagged));
        showSelected();
    }

    /** "0 hosts", "host scada-primary online", "3 hosts (2 online)": a host's STATE says whether it is up. */
    private String hosts(List<NetworkView.Host> hosts) {
        long online = hosts.stream().filter(NetworkView.Host::online).count();
        if (hosts.size() == 1) {
            return texts.format(hosts.get(0).online() ? "sparkplug.hosts.online" : "sparkplug.hosts.offline", hosts.get(0).id());
        }
        return hosts.isEmpty() ? texts.text("sparkplug.hosts.none") : texts.format("sparkplug.hosts.other", hosts.size(), online);
    }

    /** The {@code key}.one or {@code key}.other text, by the first argument. */
    private String counted(String key, long n, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = n;
        System.arraycopy(more, 0, args, 1, more.length);
        return texts.format(key + (n == 1 ? ".one" : ".other"), args);
    }

    /** online, offline, stale in the interface language. */
    String stateName(EntityState state) {
        return texts.text("sparkplug.state." + state.name().toLowerCase(Locale.ROOT));
    }

    private void showSelected() {
        Target target = selected.get();
        Optional<NetworkView.Node> node = target == null ? Optional.empty() : find(target);
        if (node.isEmpty()) {
            metrics.clear();
            selectedState.set(null);
            selectedDetail.set("");
            return;
        }
        NetworkView.Node n = node.get();
        if (target.device() == null) {
            metrics.setAll(n.metrics());
            selectedState.set(n.state());
            selectedDetail.set(texts.format("sparkplug.node.detail", times(n.lastBirthMillis(), n.lastDeathMillis()),
                    n.bdSeq() == null ? "–" : n.bdSeq(), n.lastSeq() == null ? "–" : n.lastSeq(), counted("sparkplug.summary.devices", n.devices().size())));
        } else {
            n.devices().stream().filter(d -> d.id().equals(target.device())).findFirst().ifPresentOrElse(d -> {
                metrics.setAll(d.metrics());
                selectedState.set(d.state());
                selectedDetail.set(texts.format("sparkplug.device.detail", times(d.lastBirthMillis(), d.lastDeathMillis()), n.where(),
                        stateName(n.state())));
            }, () -> {
                metrics.clear();
                selectedState.set(null);
                selectedDetail.set("");
            });
        }
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(java.time.ZoneId.systemDefault());

    private String times(Long birth, Long death) {
        return texts.format("sparkplug.times", birth == null ? texts.text("sparkplug.notSeen") : TIME.format(java.time.Instant.ofEpochMilli(birth)),
                death == null ? "–" : TIME.format(java.time.Instant.ofEpochMilli(death)));
    }

    private Optional<NetworkView.Node> find(Target target) {
        return view.get().nodes().stream().filter(n -> n.group().equals(target.group()) && n.id().equals(target.node())).findFirst();
    }

    /** Subscribes to the whole Sparkplug namespace and the host STATE topics (3.0 and 2.2), unless already. */
    public boolean subscribe() {
        subscriptions.cancelEdit();
        for (String filter : SparkplugCommands.filters(null)) {
            boolean have = subscriptions.rows().stream().anyMatch(r -> r.filter().equals(filter));
            if (have) {
                continue;
            }
            SubscriptionForm form = subscriptions.form();
            form.kindProperty().set(SubscriptionKind.NORMAL);
            form.filterProperty().set(filter);
            if (!subscriptions.submit()) {
                outcome.set(texts.format("sparkplug.subscribe.failed", filter, form.problemProperty().get()));
                return false;
            }
        }
        outcome.set(texts.format("sparkplug.subscribed", String.join(", ", SparkplugCommands.filters(null))));
        lastRefresh = 0;
        return true;
    }

    /** Charts {@code metric} of the selected node or device over time (memory and the history on disk). */
    public void chart(MetricValue metric) {
        Target target = selected.get();
        if (target != null && metric != null) {
            chart.show(target, metric);
        }
    }

    MetricChart metricChart() {
        return chart;
    }

    /** Sends NCMD Node Control/Rebirth to the selected target's node. The view confirms first. */
    public void rebirth(Target target) {
        send(SparkplugCommands.rebirth(target.group(), target.node(), System.currentTimeMillis()),
                texts.format("sparkplug.rebirth.asked", target.group() + "/" + target.node()));
    }

    /**
     * Sends NCMD (node) or DCMD (device) writing one metric; {@code value} is parsed for {@code datatype}.
     * Returns the problem in words, or empty when it was sent.
     */
    public Optional<String> write(Target target, String metric, String datatype, String value) {
        if (metric == null || metric.isBlank()) {
            return Optional.of(texts.text("sparkplug.write.noName"));
        }
        PublishRequest request;
        try {
            request = SparkplugCommands.write(target.group(), target.node(), target.device(),
                    SparkplugEncoder.Metric.of(metric.trim(), datatype, value), System.currentTimeMillis());
        } catch (IllegalArgumentException e) {
            return Optional.of(new EncodeTexts(texts).explain(e));
        }
        send(request, texts.format("sparkplug.write.done", metric.trim(), value, target.where(), target.device() == null ? "NCMD" : "DCMD"));
        return Optional.empty();
    }

    private void send(PublishRequest request, String done) {
        CompletableFuture<?> sent;
        try {
            sent = publisher.apply(request);
        } catch (RuntimeException e) {
            outcome.set(texts.format("sparkplug.notSent", e.getMessage()));
            return;
        }
        outcome.set(texts.format("sparkplug.sending", done));
        sent.whenComplete((ok, failure) -> ui.execute(() -> outcome.set(failure == null ? done
                : texts.format("sparkplug.notSent", failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage()))));
    }

    public ReadOnlyObjectProperty<NetworkView> viewProperty() {
        return view;
    }

    public ObservableList<SparkplugFlag> flags() {
        return flags;
    }

    /** What a flag saw, in the window's language. */
    public String detail(SparkplugFlag flag) {
        return flagTexts.detail(flag.problem());
    }

    /** The metrics of the selected node or device. */
    public ObservableList<MetricValue> metrics() {
        return metrics;
    }

    public ObjectProperty<Target> selectedProperty() {
        return selected;
    }

    /** The selected node's or device's state, or null when nothing is selected. */
    public ReadOnlyObjectProperty<EntityState> selectedStateProperty() {
        return selectedState.getReadOnlyProperty();
    }

    /** The selected one's births, deaths and sequence numbers: "Born 06:23:02.120 · died – · bdSeq 0 · seq 23 · 1 device". */
    public ReadOnlyStringProperty selectedDetailProperty() {
        return selectedDetail.getReadOnlyProperty();
    }

    /** Whether any Sparkplug message arrived: the tab shows from then on. */
    public ReadOnlyBooleanProperty seenProperty() {
        return seen.getReadOnlyProperty();
    }

    /** Whether a running subscription receives the Sparkplug namespace (else the tab offers one). */
    public ReadOnlyBooleanProperty subscribedProperty() {
        return subscribed.getReadOnlyProperty();
    }

    /** "3 edge nodes (2 online) · 5 devices · 1 host · 2 flags". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the last command or subscribe did. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
