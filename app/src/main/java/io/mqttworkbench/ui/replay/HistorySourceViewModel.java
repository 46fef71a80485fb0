package io.mqttworkbench.ui.replay;

import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.HistoryRange;
import io.mqttworkbench.history.HistoryRangeReader;
import io.mqttworkbench.message.TimeInput;
import io.mqttworkbench.replay.ReplaySource;
import io.mqttworkbench.ui.common.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Replay tab's other source: a range of a profile's message history, chosen by profile, from and until
 * (typed as in the log's time fields) and a topic filter. Every change counts the range again in the
 * background (no payload is read, and a count the next keystroke made stale stops), and what it holds is
 * said before anything is played; the range is then streamed from the file as it plays, like a recording.
 */
public final class HistorySourceViewModel {

    /** A profile that may keep a history, and where. */
    public record Choice(String profileName, Path file) {
    }

    /** A source ready to play: how many messages, over how long. */
    record Playable(ReplaySource source, long count, long lastOffsetMicros) {
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT) // untranslated: digits in every language
            .withZone(ZoneId.systemDefault());

    private final Executor background;
    private final Executor ui;
    private final Consumer<Playable> ready;
    private final Texts texts;
    private final ObservableList<Choice> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<Choice> profile = new SimpleObjectProperty<>();
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty until = new SimpleStringProperty("");
    private final StringProperty topics = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");
    /** Bumped by every change: a count that finishes for an older one is dropped, and stops when it can. */
    private final AtomicInteger generation = new AtomicInteger();
    private Supplier<List<Choice>> choices = List::of;
    private Path own;

    /** @param ready told (on the JavaFX thread) what the range holds, or null while there is nothing to play */
    HistorySourceViewModel(Executor background, Executor ui, Consumer<Playable> ready, Texts texts) {
        this.background = background;
        this.ui = ui;
        this.ready = ready;
        this.texts = texts;
        profile.addListener((obs, old, now) -> recount());
        from.addListener((obs, old, now) -> recount());
        until.addListener((obs, old, now) -> recount());
        topics.addListener((obs, old, now) -> recount());
    }

    /**
     * Where the profiles and their histories come from (asked again each time the list is shown, so a renamed
     * or new profile is there); {@code ownHistory} is this connection's, chosen first.
     */
    public void profilesFrom(Supplier<List<Choice>> all, Path ownHistory) {
        this.choices = all;
        this.own = ownHistory;
    }

    /** Reads the profiles again, keeping the chosen one (or choosing this connection's). */
    public void refreshProfiles() {
        Path chosen = profile.get() != null ? profile.get().file() : own;
        List<Choice> now = choices.get();
        profiles.setAll(now);
        profile.set(now.stream().filter(c -> c.file().equals(chosen)).findFirst().orElse(now.isEmpty() ? null : now.get(0)));
    }

    public ObservableList<Choice> profiles() {
        return profiles;
    }

    public ObjectProperty<Choice> profileProperty() {
        return profile;
    }

    /** The start, as the log's time fields take it (14:05, 2026-11-26 14:05, 15m, 2h…); empty for the oldest kept. */
    public StringProperty fromProperty() {
        return from;
    }

    /** The end; empty for the newest. */
    public StringProperty untilProperty() {
        return until;
    }

    /** A topic filter, or empty for every topic. */
    public StringProperty topicsProperty() {
        return topics;
    }

    /** "1,234 messages from … to … (1:02:03)", "Counting…", or why there is nothing to play. */
    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** Counts the range the fields describe again; what it holds reaches {@code ready}. */
    void recount() {
        int mine = generation.incrementAndGet();
        ready.accept(null);
        Choice chosen = profile.get();
        if (chosen == null) {
            info.set(texts.text(profiles.isEmpty() ? "replay.history.no.profiles" : "replay.history.choose"));
            return;
        }
        HistoryRange range;
        try {
            range = new HistoryRange(TimeInput.parse(from.get(), false).orElse(null), TimeInput.parse(until.get(), true).orElse(null),
                    topics.get(), null);
        } catch (IllegalArgumentException e) {
            info.set(new io.mqttworkbench.ui.common.SearchTexts(texts).explain(e));
            return;
        }
        info.set(texts.text("replay.history.counting"));
        CompletableFuture.supplyAsync(() -> count(chosen.file(), range, mine), background).whenCompleteAsync((extent, error) -> {
            if (generation.get() != mine) {
                return; // the fields changed meanwhile: a newer count is under way
            }
            Throwable cause = error != null && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof CancellationException) {
                return;
            }
            if (cause != null) {
                info.set(texts.format("replay.history.unreadable", chosen.profileName(), cause.getMessage()));
            } else if (extent == null) {
                info.set(texts.format("replay.history.none.yet", chosen.profileName()));
            } else if (extent.isEmpty()) {
                info.set(nothingIn(range, chosen.profileName()));
            } else {
                long span = (extent.lastMillis() - extent.firstMillis()) * 1000;
                info.set(texts.format(extent.messages() == 1 ? "replay.history.extent.one" : "replay.history.extent.other", extent.messages(),
                        SHOWN.format(Instant.ofEpochMilli(extent.firstMillis())),
                        SHOWN.format(Instant.ofEpochMilli(extent.lastMillis())), ReplayTexts.clock(span / 1_000_000), chosen.profileName()));
                ready.accept(new Playable(ReplaySource.fromHistory(chosen.file(), range), extent.messages(), span));
            }
        }, ui);
    }

    /** "No stored messages between … and … on plant/# in the history of Plant": the range as the fields gave it. */
    private String nothingIn(HistoryRange range, String profileName) {
        DateTimeFormatter shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT) // untranslated: digits in every language
                .withZone(ZoneId.systemDefault());
        String when = range.fromMillis() != null && range.toMillis() != null
                ? texts.format("replay.history.range.between", shown.format(Instant.ofEpochMilli(range.fromMillis())),
                        shown.format(Instant.ofEpochMilli(range.toMillis())))
                : range.fromMillis() != null ? texts.format("replay.history.range.since", shown.format(Instant.ofEpochMilli(range.fromMillis())))
                : range.toMillis() != null ? texts.format("replay.history.range.until", shown.format(Instant.ofEpochMilli(range.toMillis())))
                : null;
        String on = range.topicFilter().isEmpty() ? null : texts.format("replay.history.range.topics", range.topicFilter());
        String where = when != null && on != null ? texts.format("replay.history.range.both", when, on) : when != null ? when : on;
        return where == null ? texts.format("replay.history.empty", profileName) : texts.format("replay.history.empty.range", profileName, where);
    }

    /** The extent, or null when the profile has no history file yet. Background. */
    private HistoryRangeReader.Extent count(Path file, HistoryRange range, int mine) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return HistoryRangeReader.measure(file, range, () -> generation.get() != mine);
        } catch (HistoryException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
