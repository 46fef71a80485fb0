package io.mqttworkbench.ui.tree;

import io.mqttworkbench.ui.common.Texts;

import io.mqttworkbench.decode.HexDump;
import io.mqttworkbench.decode.Utf8;
import io.mqttworkbench.topic.TopicNode;
import io.mqttworkbench.topic.TopicOrder;
import io.mqttworkbench.topic.TopicQuery;
import io.mqttworkbench.topic.TopicStats;
import io.mqttworkbench.topic.TopicTree;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The live topic tree of one connection: what it shows (filter, order), what is selected, and the
 * figures for the status line. The model is read once per frame; two counters tell the view when to
 * sync its items (the structure changed) and when to repaint its visible rows (figures changed).
 */
public final class TopicTreeViewModel {

    /** A filter that matches at most this many topics unfolds the tree down to each of them. */
    static final int EXPAND_MATCHES_UP_TO = 300;
    private static final int SEARCH_LIMIT = 200_000;
    private static final long SEARCH_INTERVAL_NANOS = 500_000_000L;
    private static final long REPAINT_INTERVAL_NANOS = 250_000_000L;
    /** While messages keep coming, the rows on screen are repainted at most this often (20 times a second). */
    private static final long LIVE_REPAINT_NANOS = 50_000_000L;
    private static final long RESORT_INTERVAL_NANOS = 2_000_000_000L;

    private final TopicTree tree;
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper filterNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper filterInvalid = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<TopicOrder> order = new SimpleObjectProperty<>(TopicOrder.NAME);
    private final ObjectProperty<TopicNode> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary;
    private final ReadOnlyLongWrapper structureTick = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper repaintTick = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper expandMatches = new ReadOnlyBooleanWrapper(false);

    // JavaFX thread only.
    private Optional<TopicQuery> query = Optional.empty();
    private Set<TopicNode> visible;
    private boolean filterDirty;
    private long seenStructure = -1;
    private long seenMessages = -1;
    private long lastSearchNanos;
    private long lastRepaintNanos;
    private long lastResortNanos;
    private long nowNanos = System.nanoTime();

    /** The window's words, in the interface language. */
    private final Texts texts;

    public TopicTreeViewModel(TopicTree tree, Texts texts) {
        this.texts = texts;
        this.tree = tree;
        this.summary = new ReadOnlyStringWrapper(texts.text("tree.summary.none"));
        filterText.addListener((obs, old, text) -> {
            query = TopicQuery.parse(text);
            filterInvalid.set(TopicQuery.problem(text).isPresent());
            filterDirty = true;
        });
        order.addListener((obs, old, now) -> structureTick.set(structureTick.get() + 1));
    }

    public TopicTree tree() {
        return tree;
    }

    /** Text the topics contain, or an MQTT filter (with + or #) they match. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** "12 of 3,400 topics match plant/+/temperature", or why the text is not a valid filter. */
    public ReadOnlyStringProperty filterNoteProperty() {
        return filterNote.getReadOnlyProperty();
    }

    /** True when the text has wildcards but breaks a filter rule (it is then searched as plain text). */
    public ReadOnlyBooleanProperty filterInvalidProperty() {
        return filterInvalid.getReadOnlyProperty();
    }

    public ObjectProperty<TopicOrder> orderProperty() {
        return order;
    }

    public ObjectProperty<TopicNode> selectedProperty() {
        return selected;
    }

    /** "1,204 topics · 340 msg/s", with what the tree had to leave out. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Changes when the view must sync its items: new levels, a new filter, a new order, a cleared tree. */
    public ReadOnlyLongProperty structureTickProperty() {
        return structureTick.getReadOnlyProperty();
    }

    /** Changes when the visible rows must be repainted: new messages, or time passing (rates, flashes). */
    public ReadOnlyLongProperty repaintTickProperty() {
        return repaintTick.getReadOnlyProperty();
    }

    /** Whether the current filter matches few enough topics to unfold the tree down to each. */
    public ReadOnlyBooleanProperty expandMatchesProperty() {
        return expandMatches.getReadOnlyProperty();
    }

    /** The time the figures refer to (the last frame's). */
    public long nowNanos() {
        return nowNanos;
    }

    public TopicNode root() {
        return tree.root();
    }

    /** The children as shown: in the chosen order, and with a filter only those leading to a match. */
    public List<TopicNode> children(TopicNode node) {
        List<TopicNode> all = tree.children(node, order.get(), nowNanos);
        Set<TopicNode> shown = visible;
        return shown == null ? all : all.stream().filter(shown::contains).toList();
    }

    public boolean hasChildren(TopicNode node) {
        return visible == null ? tree.childCount(node) > 0 : !children(node).isEmpty();
    }

    public boolean isFiltered() {
        return visible != null;
    }

    /** True for a node the filter matched itself (not only as the way to a match). */
    public boolean matches(TopicNode node) {
        return query.isPresent() && query.get().matches(node.topic());
    }

    public List<TopicStats> stats(List<TopicNode> nodes) {
        return tree.stats(nodes, nowNanos);
    }

    public TopicStats stats(TopicNode node) {
        return tree.stats(node, nowNanos);
    }

    /** Per frame, on the JavaFX thread: decides what the view has to do. */
    public void onFrame(long now) {
        nowNanos = now;
        long structure = tree.structureVersion();
        long messages = tree.messageVersion();
        boolean structureChanged = structure != seenStructure;
        boolean searchDue = query.isPresent() && structureChanged && now - lastSearchNanos >= SEARCH_INTERVAL_NANOS;
        if (filterDirty || searchDue) {
            filterDirty = false;
            search(now);
            seenStructure = structure;
            structureTick.set(structureTick.get() + 1);
        } else if (structureChanged && query.isEmpty()) {
            seenStructure = structure;
            structureTick.set(structureTick.get() + 1);
        } else if (order.get() == TopicOrder.ACTIVITY && now - lastResortNanos >= RESORT_INTERVAL_NANOS && messages != seenMessages) {
            lastResortNanos = now;
            structureTick.set(structureTick.get() + 1);
        }
        if (messages != seenMessages && now - lastRepaintNanos >= LIVE_REPAINT_NANOS || now - lastRepaintNanos >= REPAINT_INTERVAL_NANOS) {
            seenMessages = messages;
            lastRepaintNanos = now;
            repaintTick.set(repaintTick.get() + 1);
            summary.set(describe());
        }
        if (selected.get() != null && tree.root() != rootOf(selected.get())) {
            selected.set(null); // the tree was cleared
        }
    }

    private void search(long now) {
        lastSearchNanos = now;
        if (query.isEmpty()) {
            visible = null;
            expandMatches.set(false);
            filterNote.set("");
            return;
        }
        TopicTree.SearchResult result = tree.search(query.get(), SEARCH_LIMIT);
        Set<TopicNode> shown = new HashSet<>();
        for (TopicNode match : result.matches()) {
            for (TopicNode n = match; n != null && shown.add(n); n = n.parent()) {
                // the match and the way to it
            }
        }
        visible = shown;
        expandMatches.set(result.total() <= EXPAND_MATCHES_UP_TO);
        String what = switch (query.get()) {
            case TopicQuery.Contains contains -> texts.format("tree.filter.contains", contains.text());
            case TopicQuery.Matches matches -> texts.format("tree.filter.matches", matches.filter().filter());
        };
        Optional<String> problem = TopicQuery.problem(filterText.get());
        filterNote.set(problem.isPresent()
                ? texts.format("tree.filter.note.invalid", result.total(), tree.topicCount(), what, problem.get())
                : texts.format("tree.filter.note", result.total(), tree.topicCount(), what));
    }

    private String describe() {
        TopicStats root = tree.stats(tree.root(), nowNanos);
        int topics = tree.topicCount();
        if (topics == 0) {
            return texts.text("tree.summary.none");
        }
        StringBuilder text = new StringBuilder(texts.format(topics == 1 ? "tree.summary.one" : "tree.summary.other", topics,
                root.subtreeCount(), Rates.format(root.subtreeRate(), texts.locale())));
        long refused = tree.refusedMessages();
        if (refused > 0) {
            text.append(" · ").append(texts.format("tree.summary.full", refused));
        }
        long trimmed = tree.trimmedHistory();
        if (trimmed > 0) {
            text.append(" · ").append(texts.format("tree.summary.trimmed", trimmed));
        }
        return text.toString();
    }

    private static TopicNode rootOf(TopicNode node) {
        TopicNode n = node;
        while (n.parent() != null) {
            n = n.parent();
        }
        return n;
    }

    /** The topic's last payload for the clipboard: its text, or a hex dump when it is binary. */
    public Optional<String> payloadForClipboard(TopicNode node) {
        TopicStats stats = tree.stats(node, nowNanos);
        if (!stats.hasMessage()) {
            return Optional.empty();
        }
        byte[] payload = stats.last().payload();
        return Optional.of(Utf8.isValid(payload) ? new String(payload, StandardCharsets.UTF_8) : HexDump.format(payload, 0, payload.length));
    }

    /** Forgets every topic (the message log keeps its messages). */
    public void clear() {
        tree.clear();
        selected.set(null);
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
