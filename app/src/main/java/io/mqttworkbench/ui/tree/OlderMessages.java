package io.mqttworkbench.ui.tree;

import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.TopicHistoryQuery;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.common.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The selected topic's messages beyond those the tree keeps in memory, read from the history on disk in the
 * background: when a topic is selected and memory holds fewer than the pane shows (after a restart only the
 * restored last value), and a page more when asked. What the tree pushes out while the topic stays selected
 * is kept here, so the list has no gap. A new selection cancels the read in flight and ignores what it still
 * delivers. Without a history the pane shows memory only, as before. JavaFX thread only, but for the reads.
 */
final class OlderMessages {

    /** Messages the pane shows at least, and what "load older" adds. */
    static final int PAGE = 1_000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final StoredMessages stored;
    private final Executor background;
    private final Executor ui;
    private final Runnable changed;
    private final Texts texts;
    /** A day and a time as the interface language writes them ("3 Dec 14:02", "12月3日 14:02"). */
    private final DateTimeFormatter dayClock;
    private final ZoneId zone = ZoneId.systemDefault();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canLoadMore = new ReadOnlyBooleanWrapper(false);

    private String topic;
    private int generation;
    private AtomicBoolean cancel = new AtomicBoolean();
    /** The tree's messages as last shown, newest first, and how many it had received then. */
    private List<ReceivedMessage> shownRing = List.of();
    private long shownReceived = -1;
    /** Older than the tree's, newest first: read from disk, or pushed out of the tree while shown. */
    private final List<ReceivedMessage> older = new ArrayList<>();
    /** How many of {@link #older} (the newest of them) came from the tree rather than the disk. */
    private int carried;
    /** What the read in flight has found so far, older still. */
    private List<ReceivedMessage> arriving = List.of();
    private int extraPages;
    private boolean loading;
    private boolean complete;
    private String failure;
    private boolean combining;
    /** The tree turned over all it holds of the topic between two looks. */
    private boolean flooding;
    /** The topic was shown before the history was open: it is read once the history opens. */
    private boolean waitingForHistory;
    private String progress = "";

    /** @param changed shows the list again: a read delivered */
    OlderMessages(StoredMessages stored, Executor background, Executor ui, Runnable changed, Texts texts) {
        this.texts = texts;
        this.dayClock = DateTimeFormatter.ofPattern(texts.text("tree.time.day"), texts.locale());
        this.stored = stored;
        this.background = background;
        this.ui = ui;
        this.changed = changed;
    }

    /** "312 messages from the history on disk, since 14:02", or what is being read; empty without a history. */
    ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** True when the history may hold older messages of the topic than those shown. */
    ReadOnlyBooleanProperty canLoadMoreProperty() {
        return canLoadMore.getReadOnlyProperty();
    }

    /** Another topic (or none): forgets the last one's messages, cancels its read. */
    void select(String newTopic) {
        generation++;
        cancel.set(true);
        topic = newTopic;
        shownRing = List.of();
        shownReceived = -1;
        older.clear();
        carried = 0;
        arriving = List.of();
        extraPages = 0;
        waitingForHistory = false;
        flooding = false;
        loading = false;
        complete = false;
        failure = null;
        progress = "";
        update();
    }

    /** True when a read waits for the next look at the tree: the history has opened, or a flood has paused. */
    boolean due() {
        return (waitingForHistory || flooding) && topic != null && stored.isOpen() && !loading;
    }

    /** A page more than shown now. */
    void loadMore() {
        if (canLoadMore.get()) {
            extraPages++;
            changed.run();
        }
    }

    /**
     * The tree's messages of the topic (newest first) and the older ones after them, at most {@code wanted}
     * plus the pages asked for; starts a read from the disk when there are fewer.
     *
     * @param received how many messages of the topic the tree had received when it gave {@code ring}; -1 when unsure
     */
    List<ReceivedMessage> combine(List<ReceivedMessage> ring, long received, int wanted) {
        if (topic == null || !stored.isOpen()) {
            waitingForHistory = topic != null;
            return ring;
        }
        waitingForHistory = false;
        combining = true;
        try {
            flooding = !carryPushedOut(ring, received);
            if (flooding) {
                // messages may have come and gone unseen: the older ones are read again once the flood lets up
                generation++;
                cancel.set(true);
                loading = false;
                older.clear();
        carried = 0;
                arriving = List.of();
                complete = false;
            }
            int limit = wanted + extraPages * PAGE;
            int room = Math.max(0, limit - ring.size());
            if (!loading && older.size() > room) {
                older.subList(room, older.size()).clear();
                carried = Math.min(carried, older.size());
                complete = false;
            }
            int shown = ring.size() + older.size();
            if (!loading && !flooding && !complete && failure == null && shown < limit) {
                read(concat(ring, older, List.of()), limit - shown);
            }
        } finally {
            combining = false;
        }
        update();
        return concat(ring, older, arriving);
    }

    /**
     * What the tree pushed out since the last look goes to the older messages, so the list has no gap. False
     * when it may have pushed out messages that were never shown.
     */
    private boolean carryPushedOut(List<ReceivedMessage> ring, long received) {
        List<ReceivedMessage> before = shownRing;
        long receivedBefore = shownReceived;
        shownRing = List.copyOf(ring);
        shownReceived = received;
        if (before.isEmpty()) {
            return true;
        }
        // the ring keeps arrival order: what is older than its oldest entry now has been pushed out
        int at = ring.isEmpty() ? -1 : before.indexOf(ring.get(ring.size() - 1));
        if (at >= 0) {
            older.addAll(0, before.subList(at + 1, before.size()));
            carried += before.size() - at - 1;
            return true;
        }
        // all shown last time is gone: nothing went unseen only if no more came than the tree holds now
        if (received < 0 || receivedBefore < 0 || received - receivedBefore > ring.size()) {
            return false;
        }
        older.addAll(0, before);
        carried += before.size();
        return true;
    }

    private void read(List<ReceivedMessage> shown, int count) {
        // older than the oldest shown; the disk's rows in that same millisecond come first and are skipped as often
        // as the list already has messages of it (a stored time has microseconds, a message in memory milliseconds)
        ReceivedMessage oldest = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        long boundary = oldest == null ? Long.MIN_VALUE : oldest.receivedEpochMillis();
        int skip = 0;
        for (int i = shown.size() - 1; i >= 0 && shown.get(i).receivedEpochMillis() == boundary; i--) {
            skip++;
        }
        Long before = oldest == null ? null : boundary + 1;
        int mine = generation;
        int skipped = skip;
        AtomicBoolean stop = new AtomicBoolean();
        cancel = stop;
        loading = true;
        progress = "";
        String wantedTopic = topic;
        background.execute(() -> {
            try {
                TopicHistoryQuery.Result result = stored.newest(wantedTopic, before, count + skipped, stop::get,
                        (backTo, found) -> ui.execute(() -> arrived(mine, backTo, without(found, boundary, skipped))));
                ui.execute(() -> done(mine, without(result.newestFirst(), boundary, skipped), result.complete()));
            } catch (HistoryException e) {
                ui.execute(() -> failed(mine, e.getMessage()));
            } catch (RuntimeException e) {
                ui.execute(() -> failed(mine, texts.format("tree.stored.failed", e)));
            }
        });
    }

    private static List<ReceivedMessage> without(List<ReceivedMessage> newestFirst, long boundary, int skip) {
        int from = 0;
        while (from < skip && from < newestFirst.size() && newestFirst.get(from).receivedEpochMillis() == boundary) {
            from++;
        }
        return newestFirst.subList(from, newestFirst.size());
    }

    private void arrived(int mine, long backTo, List<ReceivedMessage> found) {
        if (mine != generation || !loading) {
            return;
        }
        arriving = found;
        progress = texts.format("tree.stored.reading.progress", when(backTo), found.size());
        show();
    }

    private void done(int mine, List<ReceivedMessage> found, boolean all) {
        if (mine != generation) {
            return; // another topic is selected by now
        }
        loading = false;
        arriving = List.of();
        older.addAll(found);
        complete = all;
        show();
    }

    private void failed(int mine, String why) {
        if (mine != generation) {
            return;
        }
        loading = false;
        arriving = List.of();
        failure = why;
        show();
    }

    private void show() {
        update();
        if (!combining) {
            changed.run();
        }
    }

    private void update() {
        boolean open = topic != null && stored.isOpen();
        canLoadMore.set(open && !loading && !flooding && !complete && failure == null);
        if (!open) {
            note.set("");
        } else if (failure != null) {
            note.set(failure);
        } else if (flooding) {
            note.set(texts.text("tree.stored.flooding"));
        } else if (loading) {
            note.set(progress.isEmpty() ? texts.text("tree.stored.reading") : progress);
        } else if (older.size() == carried) {
            note.set(complete && !shownRing.isEmpty() ? texts.text("tree.stored.nothing") : "");
        } else {
            int read = older.size() - carried;
            String key = (complete ? "tree.stored.read.all" : "tree.stored.read") + (read == 1 ? ".one" : ".other");
            note.set(texts.format(key, read, when(older.get(older.size() - 1).receivedEpochMillis())));
        }
    }

    private String when(long epochMillis) {
        Instant at = Instant.ofEpochMilli(epochMillis);
        boolean today = LocalDate.ofInstant(at, zone).equals(LocalDate.now(zone));
        return (today ? CLOCK : dayClock).format(at.atZone(zone));
    }

    private static List<ReceivedMessage> concat(List<ReceivedMessage> a, List<ReceivedMessage> b, List<ReceivedMessage> c) {
        List<ReceivedMessage> all = new ArrayList<>(a.size() + b.size() + c.size());
        all.addAll(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }
}
