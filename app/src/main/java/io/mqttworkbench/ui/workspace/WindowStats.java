package io.mqttworkbench.ui.workspace;

import io.mqttworkbench.publish.DurationHistogram;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.MouseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --stats-file FILE}: once a second the window appends one JSON line to FILE with how its frames went
 * (the interval between pulses: p50, p99, max, and each of them), how long each click took until the window was laid out
 * again, what its connections received and dropped, and its memory (heap in use, resident set size). For
 * finding out why a window is slow, and for the end-to-end benchmark. The JavaFX thread only records
 * numbers; a named thread of its own writes them.
 */
public final class WindowStats {
    private static final Logger LOG = LoggerFactory.getLogger(WindowStats.class);
    private static final long SECOND_NANOS = 1_000_000_000L;

    /** A click: when its press reached the window, and when the pulse after it had laid the window out. */
    record Click(long pressEpochMicros, long laidOutEpochMicros) {
    }

    private final MainWindowViewModel workspace;
    private final Path file;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "window-stats-writer");
        t.setDaemon(true);
        return t;
    });
    private DurationHistogram frames = new DurationHistogram();
    /** This second's intervals as they were, so a reader can take percentiles over any stretch of seconds. */
    private StringBuilder intervals = new StringBuilder();
    private List<Click> clicks = new ArrayList<>();
    private long lastFrameNanos;
    private long lineStartNanos;
    private long pendingPressEpochMicros;

    WindowStats(MainWindowViewModel workspace, Path file) {
        this.workspace = workspace;
        this.file = file;
    }

    void attach(Scene scene) {
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> pendingPressEpochMicros = epochMicros());
        scene.addPostLayoutPulseListener(() -> {
            if (pendingPressEpochMicros != 0) {
                clicks.add(new Click(pendingPressEpochMicros, epochMicros()));
                pendingPressEpochMicros = 0;
            }
        });
    }

    /** Once per pulse, JavaFX thread. */
    void onFrame(long nowNanos) {
        if (lastFrameNanos != 0) {
            frames.record(nowNanos - lastFrameNanos);
            intervals.append(intervals.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "%.2f", (nowNanos - lastFrameNanos) / 1e6));
        }
        lastFrameNanos = nowNanos;
        if (lineStartNanos == 0) {
            lineStartNanos = nowNanos;
        } else if (nowNanos - lineStartNanos >= SECOND_NANOS) {
            String counts = counts();
            DurationHistogram second = frames;
            String secondIntervals = intervals.toString();
            List<Click> secondClicks = clicks;
            frames = new DurationHistogram();
            intervals = new StringBuilder();
            clicks = new ArrayList<>();
            lineStartNanos = nowNanos;
            writer.execute(() -> append(line(counts, second, secondIntervals, secondClicks)));
        }
    }

    /** What every connection took in and lost so far; read on the JavaFX thread, where the models are read. */
    private String counts() {
        long received = 0;
        long inboundDropped = 0;
        long evicted = 0;
        int connected = 0;
        for (ConnectionViewModel c : workspace.connections()) {
            connected += c.stateProperty().get() == io.mqttworkbench.mqtt.ConnectionState.CONNECTED ? 1 : 0;
            received += c.store().nextSequence();
            evicted += c.store().evictedCount();
            inboundDropped += c.log().inboundDroppedCount();
        }
        return String.format(Locale.ROOT, "\"connected\":%d,\"received\":%d,\"inboundDropped\":%d,\"evicted\":%d",
                connected, received, inboundDropped, evicted);
    }

    private String line(String counts, DurationHistogram second, String secondIntervals, List<Click> secondClicks) {
        Runtime runtime = Runtime.getRuntime();
        StringBuilder sb = new StringBuilder(256).append('{');
        sb.append(String.format(Locale.ROOT, "\"epochMillis\":%d,%s", System.currentTimeMillis(), counts));
        sb.append(String.format(Locale.ROOT, ",\"frames\":%d,\"frameP50Ms\":%.2f,\"frameP99Ms\":%.2f,\"frameMaxMs\":%.2f",
                second.count(), second.percentileMillis(0.5), second.percentileMillis(0.99), second.maxMillis()));
        sb.append(",\"frameIntervalsMs\":[").append(secondIntervals).append(']');
        sb.append(",\"clicks\":[");
        for (int i = 0; i < secondClicks.size(); i++) {
            Click c = secondClicks.get(i);
            sb.append(i == 0 ? "" : ",").append('[').append(c.pressEpochMicros()).append(',').append(c.laidOutEpochMicros()).append(']');
        }
        sb.append(']');
        sb.append(String.format(Locale.ROOT, ",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"rssBytes\":%d,\"pid\":%d}",
                runtime.totalMemory() - runtime.freeMemory(), runtime.totalMemory(), residentSetBytes(),
                ManagementFactory.getRuntimeMXBean().getPid()));
        return sb.toString();
    }

    private void append(String line) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            LOG.warn("cannot write the window statistics to {}: {}", file, e.getMessage());
        }
    }

    /** VmRSS from /proc on Linux; -1 where there is none. */
    private static long residentSetBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
