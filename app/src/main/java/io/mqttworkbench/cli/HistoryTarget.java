package io.mqttworkbench.cli;

import io.mqttworkbench.decode.Sizes;
import io.mqttworkbench.history.HistoryException;
import io.mqttworkbench.history.HistoryWriter;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@code record --history}: the messages go into a saved profile's history, through the writer the window
 * uses (a commit at least every quarter second, connection drops stored with them), so the window shows them
 * afterwards. The window may write the same file meanwhile: {@link MessageHistory} lets both.
 */
final class HistoryTarget implements RecordTarget {
    /** Messages waiting for the disk before new ones are dropped (and counted), as in the window. */
    private static final int MAX_PENDING = 500_000;
    private static final Duration COMMIT_INTERVAL = Duration.ofMillis(250);

    private final String profile;
    private final MessageHistory history;
    private final HistoryWriter writer;
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong payloadBytes = new AtomicLong();
    private final AtomicLong markers = new AtomicLong();
    private final AtomicLong tooLate = new AtomicLong();
    private volatile boolean closed;

    private HistoryTarget(String profile, MessageHistory history) {
        this.profile = profile;
        this.history = history;
        this.writer = new HistoryWriter("record", history, MAX_PENDING, COMMIT_INTERVAL);
    }

    /** Opens the profile's history file; a damaged one is set aside and a new one begun, which {@code warn} is told. */
    static HistoryTarget open(String profile, Path file, Consumer<String> warn, List<String> filters) {
        try {
            MessageHistory.Opened opened = MessageHistory.open(file);
            if (!opened.notice().isEmpty()) {
                warn.accept(opened.notice());
            }
            // each row keeps the filter (-t) its message came through
            List<io.mqttworkbench.mqtt.TopicFilter> subscribed = filters.stream().map(io.mqttworkbench.mqtt.TopicFilter::of).toList();
            opened.history().matchSubscriptions(message -> subscribed.stream().filter(f -> f.matches(message.topic())).map(f -> f.filter()).findFirst()
                    .orElse(null));
            return new HistoryTarget(profile, opened.history());
        } catch (HistoryException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.FAILED);
        }
    }

    @Override
    public void write(List<ReceivedMessage> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (closed) {
            tooLate.addAndGet(batch.size());
            return;
        }
        writer.offer(batch);
        taken.addAndGet(batch.size());
        payloadBytes.addAndGet(batch.stream().mapToLong(ReceivedMessage::payloadSize).sum());
    }

    @Override
    public void mark(ConnectionMarker marker) {
        writer.mark(marker);
        markers.incrementAndGet();
    }

    @Override
    public long count() {
        return taken.get();
    }

    @Override
    public String keeper() {
        return "the history";
    }

    @Override
    public void close() {
        closed = true;
        writer.close();
        history.close();
    }

    @Override
    public String summary(double seconds) {
        long kept = writer.writtenCount();
        long all = taken.get();
        String lost = kept == all ? "" : "; not kept: " + (writer.problem().isEmpty() ? "the disk fell behind" : writer.problem());
        String late = tooLate.get() == 0 ? "" : String.format(Locale.ROOT, "; %,d more arrived as it closed and were not kept", tooLate.get());
        return String.format(Locale.ROOT, "%s messages (%s of payload) in %.1f s to the history of '%s' (%s)%s%s%s",
                kept == all ? String.format(Locale.ROOT, "%,d", kept) : String.format(Locale.ROOT, "%,d of %,d", kept, all),
                Sizes.bytes(payloadBytes.get()), seconds, profile, history.file(), RecordTarget.markers(markers.get()), lost, late);
    }
}
