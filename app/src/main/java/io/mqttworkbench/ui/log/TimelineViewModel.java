package io.mqttworkbench.ui.log;

import io.mqttworkbench.ui.common.Texts;

import io.mqttworkbench.message.ConnectionGaps;
import io.mqttworkbench.message.MessageQuery;
import io.mqttworkbench.message.TrafficCounts;
import io.mqttworkbench.message.TrafficCounts.Buckets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The strip above the message log: messages per bucket of time, for every message or for the search in
 * effect, with the connection's drops marked. Live, it spans from the oldest message kept to now and
 * follows; zooming or panning holds it still. Dragging a range filters the log to it; a click shows the
 * log's rows at that moment. Counting runs in the background, at most one at a time.
 */
public final class TimelineViewModel {
    /** How often a live timeline counts again. */
    private static final long REFRESH_NANOS = 1_000_000_000L;
    /** The narrowest view: a bucket should not be thinner than a millisecond's worth. */
    private static final long MIN_SPAN_MILLIS = 2_000;
    private static final DateTimeFormatter QUERY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT) // untranslated: the form's time, read back
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault()); // untranslated: digits only

    private final TrafficCounts counts;
    private final MessageLogViewModel log;
    private final Executor background;
    private final Executor ui;
    private final LongSupplier clock;
    private final ReadOnlyObjectWrapper<Buckets> buckets = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private int bucketCount = 120;
    private long viewFrom;
    private long viewTo;
    private int generation;
    private boolean counting;
    private long lastCountNanos;

    /** The window's words, in the interface language. */
    private final Texts texts;

    /** @param clock the current time in epoch milliseconds (tests pass their own) */
    public TimelineViewModel(TrafficCounts counts, MessageLogViewModel log, Executor background, Executor ui, LongSupplier clock, Texts texts) {
        this.texts = texts;
        this.counts = counts;
        this.log = log;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
        log.appliedQueryProperty().addListener((obs, old, now) -> refresh());
    }

    /** The counts on show; null before the first count. */
    public ReadOnlyObjectProperty<Buckets> bucketsProperty() {
        return buckets.getReadOnlyProperty();
    }

    /** True while the strip follows the newest messages. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** "4,210 messages, 13:05:10–14:05:10 · peak 312/s (bars of 30 s)". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The holes in the traffic, for the strip to mark. */
    public List<ConnectionGaps.Gap> gaps() {
        return log.gaps().gaps();
    }

    /** The search's time range, drawn as the selection; null ends are open. */
    public Long selectedFrom() {
        return log.appliedQueryProperty().get().fromMillis();
    }

    public Long selectedTo() {
        return log.appliedQueryProperty().get().toMillis();
    }

    /** How many bars fit: the view tells as it is resized. */
    public void setBucketCount(int count) {
        int bounded = Math.max(10, Math.min(2_000, count));
        if (bounded != bucketCount) {
            bucketCount = bounded;
            refresh();
        }
    }

    /** Zooms by {@code factor} (below 1: in) around {@code anchorMillis}, and holds the view still. */
    public void zoom(double factor, long anchorMillis) {
        Buckets shown = buckets.get();
        if (shown == null) {
            return;
        }
        long from = shown.fromMillis();
        long to = shown.toMillis();
        long span = Math.max(MIN_SPAN_MILLIS, (long) ((to - from) * factor));
        double at = to == from ? 0.5 : (double) (anchorMillis - from) / (to - from);
        long newFrom = anchorMillis - (long) (span * at);
        hold(newFrom, newFrom + span);
    }

    /** Moves the view by {@code deltaMillis} (negative: back in time), and holds it still. */
    public void pan(long deltaMillis) {
        Buckets shown = buckets.get();
        if (shown != null) {
            hold(shown.fromMillis() + deltaMillis, shown.toMillis() + deltaMillis);
        }
    }

    /** Back to the whole period, following the newest messages. */
    public void followLive() {
        live.set(true);
        refresh();
    }

    /** Filters the log to {@code [from, to]} (a drag on the strip). */
    public void select(long fromMillis, long toMillis) {
        long from = Math.min(fromMillis, toMillis);
        long to = Math.max(fromMillis, toMillis);
        log.fromProperty().set(QUERY_TIME.format(Instant.ofEpochMilli(from)));
        log.toProperty().set(QUERY_TIME.format(Instant.ofEpochMilli(to)));
        log.applyQuery();
    }

    /** Shows the log's rows at that moment (a click on the strip). */
    public void jumpTo(long epochMillis) {
        log.paging().showAt(epochMillis);
    }

    /** Counts again when live and a second has passed. JavaFX thread, once per frame. */
    public void onFrame(long nowNanos) {
        if (live.get() && !counting && nowNanos - lastCountNanos >= REFRESH_NANOS) {
            lastCountNanos = nowNanos;
            refresh();
        }
    }

    private void hold(long from, long to) {
        live.set(false);
        viewFrom = from;
        viewTo = to;
        refresh();
    }

    /** Counts for the current view and query in the background; a newer request makes an older one moot. */
    public void refresh() {
        long now = clock.getAsLong();
        long from;
        long to;
        if (live.get()) {
            to = now + 1;
            from = Math.min(counts.oldestMillis().orElse(now - 60_000), to - MIN_SPAN_MILLIS);
        } else {
            from = viewFrom;
            to = viewTo;
        }
        // round bars (250 ms, 1 s, 5 min...) that start on their own boundary, so the figures read well
        long bucketMillis = niceBucket((to - from) / bucketCount);
        from = Math.floorDiv(from, bucketMillis) * bucketMillis;
        int n = (int) Math.max(1, (to - from + bucketMillis - 1) / bucketMillis);
        long end = from + n * bucketMillis;
        long start = from;
        MessageQuery query = withoutTimeRange(log.appliedQueryProperty().get());
        int mine = ++generation;
        counting = true;
        CompletableFuture.supplyAsync(() -> counts.count(query, start, end, n, () -> mine != generation), background)
                .whenCompleteAsync((result, error) -> {
                    if (mine != generation) {
                        return;
                    }
                    counting = false;
                    if (error != null || result == null) {
                        summary.set(error == null ? "" : texts.format("log.timeline.failed", error.getMessage()));
                        return;
                    }
                    buckets.set(result);
                    summary.set(describe(result, query, texts));
                }, ui);
    }

    private static final long[] NICE = {1, 2, 5, 10, 20, 50, 100, 250, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000,
            300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000};

    /** The smallest round bar width of at least {@code millis}. */
    static long niceBucket(long millis) {
        for (long nice : NICE) {
            if (nice >= millis) {
                return nice;
            }
        }
        return Math.max(NICE[NICE.length - 1], (millis + 86_399_999) / 86_400_000 * 86_400_000);
    }

    /** The strip shows the time around a range search too, so the range is drawn over context, not counted away. */
    private static MessageQuery withoutTimeRange(MessageQuery q) {
        return new MessageQuery(q.topicFilter(), q.text(), q.regex(), q.caseSensitive(), q.qos(), q.retained(), null, null, q.userProperty());
    }

    static String describe(Buckets b, MessageQuery query, Texts texts) {
        long total = b.total();
        boolean sparse = b.max() * 1000.0 / Math.max(1, b.bucketMillis()) < 0.1;
        String busiest = total == 0 ? ""
                : " · " + (sparse ? texts.format("log.timeline.peak.sparse", b.max(), span(b.bucketMillis(), texts))
                : texts.format("log.timeline.peak", rate(b.max(), b.bucketMillis(), texts), span(b.bucketMillis(), texts)));
        // over more than a day the time alone would not say which day
        DateTimeFormatter format = b.toMillis() - b.fromMillis() >= 86_400_000L ? DAY_TIME : SHORT_TIME;
        return texts.format(query.isEmpty() ? "log.timeline.summary" : "log.timeline.summary.matching", total,
                format.format(Instant.ofEpochMilli(b.fromMillis())), format.format(Instant.ofEpochMilli(b.toMillis())), busiest);
    }

    /** Messages per second in a bucket: "312", "0.4". */
    static String rate(long count, long bucketMillis, Texts texts) {
        double perSecond = count * 1000.0 / Math.max(1, bucketMillis);
        return String.format(texts.locale(), perSecond >= 10 ? "%,.0f" : "%.1f", perSecond);
    }

    /** "250 ms", "30 s", "5 min", "2 h". */
    static String span(long millis, Texts texts) {
        if (millis < 1_000) {
            return texts.format("log.span.ms", millis);
        }
        if (millis < 60_000) {
            return texts.format("log.span.s", millis / 1_000.0);
        }
        if (millis < 3_600_000) {
            return texts.format("log.span.min", millis / 60_000.0);
        }
        return texts.format("log.span.h", millis / 3_600_000.0);
    }

    /** The interface language's words, for the view built on this. */
    public Texts texts() {
        return texts;
    }
}
