package io.mqttworkbench.bench;

import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.history.TopicHistoryQuery;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How long the topic detail pane waits for one topic's newest 1,000 stored messages ({@link TopicHistoryQuery}),
 * with no index on the topic: a hot topic (10 % of the traffic), a typical one of the workload's 2,040 (0.05 %),
 * a rare one (1 in 100,000, so fewer than 1,000 exist and the whole file is scanned) and one that stopped after the
 * first 1 % of the day (its newest message in the {@code latest} table lets the scan skip the other 99 %). The same
 * reads as one plain {@code ORDER BY time_us DESC LIMIT} statement are measured beside them. Figures only. Run
 * with the test classpath (see docs/history-store.md):
 * <pre>
 * java -Xmx1g --enable-native-access=ALL-UNNAMED -cp $CP io.mqttworkbench.bench.TopicHistoryBenchmark /tmp/th-1m.sqlite 1000000
 * </pre>
 * The file is loaded when it does not exist yet, through {@link MessageHistory#write} in batches of 12,500, over
 * the workload's day, or over the last 24 hours with a third argument {@code recent} (for opening it in the window
 * as a profile's history, which retention would otherwise empty).
 */
public final class TopicHistoryBenchmark {

    private static final String HOT = "plant/hot/feed";
    private static final String TYPICAL = "plant/line3/cell2/m07/temperature";
    private static final String RARE = "plant/rare/alarm";
    private static final String STOPPED = "plant/line9/decommissioned";
    private static final int RUNS = 5;

    private TopicHistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long messages = Long.parseLong(args[1]);
        if (!Files.exists(file)) {
            long startUs = args.length > 2 && args[2].equals("recent")
                    ? System.currentTimeMillis() * 1000 - HistoryStoreBenchmark.DAY_US : HistoryStoreBenchmark.START_US;
            load(file, messages, startUs);
        }
        try (MessageHistory history = MessageHistory.open(file).history()) {
            System.out.printf(Locale.ROOT, "RESULT rows %,d file %,d bytes%n", history.count(), Files.size(file));
            TopicHistoryQuery query = new TopicHistoryQuery(history);
            for (String topic : List.of(HOT, TYPICAL, RARE, STOPPED)) {
                measure(query, file, topic, 1000);
            }
            measure(query, file, TYPICAL, 100);
        }
    }

    private static void load(Path file, long messages, long startUs) throws Exception {
        // 24 hours, whatever the count
        HistoryWorkload workload = new HistoryWorkload(HistoryStoreBenchmark.SEED, startUs, HistoryStoreBenchmark.DAY_US / messages);
        SplittableRandom pick = new SplittableRandom(7);
        long started = System.nanoTime();
        try (MessageHistory history = MessageHistory.open(file).history()) {
            List<ReceivedMessage> batch = new ArrayList<>(HistoryStoreBenchmark.BATCH);
            for (long i = 0; i < messages; i++) {
                HistoryWorkload.Msg m = workload.next();
                int r = pick.nextInt(100_000);
                String topic = r < 10_000 ? HOT : r == 10_000 ? RARE : i < messages / 100 && r < 10_500 ? STOPPED : m.topic();
                batch.add(new ReceivedMessage(topic, m.payload(), m.qos(), m.retain(), false, m.timeUs() * 1000, m.timeUs() / 1000,
                        MessageProperties.NONE));
                if (batch.size() == HistoryStoreBenchmark.BATCH) {
                    history.write(batch, List.of());
                    batch.clear();
                }
            }
            history.write(batch, List.of());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT load %,d in %.1f s (%,.0f msg/s, generating included)%n", messages, seconds, messages / seconds);
    }

    private static void measure(TopicHistoryQuery query, Path file, String topic, int limit) throws Exception {
        double[] windowed = new double[RUNS];
        double[] plain = new double[RUNS];
        int found = 0;
        int[] windows = new int[1];
        for (int run = 0; run < RUNS; run++) {
            windows[0] = 0;
            long t = System.nanoTime();
            found = query.newest(topic, null, null, limit, () -> false, (back, n) -> windows[0]++).newestFirst().size();
            windowed[run] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            int plainFound = plain(file, topic, limit);
            plain[run] = (System.nanoTime() - t) / 1e6;
            if (plainFound != found) {
                throw new IllegalStateException(topic + ": windowed found " + found + ", plain " + plainFound);
            }
        }
        System.out.printf(Locale.ROOT, "RESULT %-36s newest %,d: found %,d in %d windows, windowed median %.1f ms (first %.1f), "
                + "one statement median %.1f ms (first %.1f)%n", topic, limit, found, windows[0], median(windowed), windowed[0],
                median(plain), plain[0]);
    }

    /** The same read as one statement: newest first with a LIMIT, no windows, no skip. */
    private static int plain(Path file, String topic, int limit) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement s = c.prepareStatement("SELECT time_us, payload FROM messages WHERE +topic_id = "
                     + "(SELECT id FROM topics WHERE name = ?) ORDER BY time_us DESC LIMIT ?")) {
            s.setString(1, topic);
            s.setInt(2, limit);
            int n = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    r.getBytes(2);
                    n++;
                }
            }
            return n;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
