package io.mqttworkbench.bench;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.history.AllStoredRows;
import io.mqttworkbench.history.HistorySearch;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.message.MessageQuery;
import io.mqttworkbench.message.MessageSearch;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The window's own paths over a history of 10,000,000 messages (HistoryWorkload: about 100 bytes each, 24 hours,
 * 2,040 topics), side by side with the same searches over the 1,000,000 messages memory holds. Figures only:
 * <pre>
 * java -Xmx2g --enable-native-access=ALL-UNNAMED -cp app/target/test-classes:app/target/classes:$(cat cp.txt) \
 *     io.mqttworkbench.bench.HistoryLogBenchmark /tmp/log-bench.sqlite [messages]
 * </pre>
 * The file is filled when it does not exist yet. With {@code FILE N HOURS} it is only filled, with N messages over the
 * last HOURS hours: a history to look at in the window.
 */
public final class HistoryLogBenchmark {
    private static final long START_US = HistoryStoreBenchmark.START_US;

    private HistoryLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        if (args.length > 2) {
            // "fill N HOURS": only fill, with N messages over the last HOURS hours (a history to look at in the window)
            long spanUs = Long.parseLong(args[2]) * 3_600_000_000L;
            fill(file, messages, spanUs / messages, System.currentTimeMillis() * 1000 - spanUs);
            return;
        }
        long stepUs = HistoryStoreBenchmark.DAY_US / messages;
        DecoderRegistry decoders = new DecoderRegistry();
        ExecutorService executor = Executors.newCachedThreadPool();
        if (!Files.exists(file)) {
            fill(file, messages, stepUs, START_US);
        }
        long t0 = System.nanoTime();
        MessageHistory history = MessageHistory.open(file).history();
        List<ReceivedMessage> last = history.lastValues();
        List<ReceivedMessage> newest = history.newest(null, 20_000);
        System.out.printf("reopen: open + %,d last values + newest %,d rows: %.0f ms%n", last.size(), newest.size(), ms(t0));

        t0 = System.nanoTime();
        AllStoredRows rows = AllStoredRows.of(history);
        System.out.printf("positions of %,d stored rows: %.0f ms%n", rows.size(), ms(t0));
        SplittableRandom random = new SplittableRandom(16);
        t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            rows.read(random.nextLong(rows.size() - 500), 500);
        }
        System.out.printf("a block of 500 rows at a random position: %.1f ms%n", ms(t0) / 20);

        long hourFrom = START_US / 1000 + 12 * 3_600_000L;
        long hourTo = hourFrom + 3_600_000L - 1;
        List<MessageQuery> queries = List.of(
                new MessageQuery("plant/line3/cell2/m07/temperature", "", false, false, null, null, hourFrom, hourTo, ""),
                new MessageQuery("plant/line3/+/+/temperature", "", false, false, null, null, hourFrom, hourTo, ""),
                new MessageQuery("", "Overheat", false, false, null, null, null, null, ""),
                new MessageQuery("", "Overheat on spindle [0-9]", true, false, null, null, null, null, ""),
                new MessageQuery("", "\"rpm\":1[0-9]{3},", true, false, null, null, null, null, ""));
        for (MessageQuery q : queries) {
            for (int run = 0; run < 3; run++) {
                t0 = System.nanoTime();
                HistorySearch.Result r = new HistorySearch(history, executor).run(q, MessageSearch.matcher(q, decoders), 5_000_000,
                        (s, t) -> { }, () -> false);
                System.out.printf("disk   %-60s %,10d found, %,11d scanned: %7.0f ms%n", describe(q), r.rows().size(), r.scanned(), ms(t0));
            }
        }
        // memory: the newest 1,000,000, as the log holds them
        MessageStore store = new MessageStore(1_000_000, 1L << 31);
        long from = Math.max(0, rows.size() - 1_000_000);
        for (long p = from; p < rows.size(); p += 10_000) {
            store.append(rows.read(p, 10_000));
        }
        ReceivedMessage oldest = store.get(store.firstSequence());
        long memFrom = oldest.receivedEpochMillis() + 1_800_000;
        for (MessageQuery q : queries) {
            MessageQuery inMemory = q.fromMillis() == null ? q
                    : new MessageQuery(q.topicFilter(), q.text(), q.regex(), false, null, null, memFrom, memFrom + 3_600_000L - 1, "");
            for (int run = 0; run < 3; run++) {
                t0 = System.nanoTime();
                MessageSearch.Result r = MessageSearch.run(store, inMemory, decoders, () -> false);
                System.out.printf("memory %-60s %,10d found, %,11d scanned: %7.0f ms%n", describe(q), r.count(), r.scanned(), ms(t0));
            }
        }
        history.close();
        executor.shutdownNow();
    }

    private static String describe(MessageQuery q) {
        return (q.topicFilter().isEmpty() ? "" : "topic " + q.topicFilter() + " ") + (q.fromMillis() == null ? "" : "+ 1 hour ")
                + (q.text().isEmpty() ? "" : (q.regex() ? "regex " : "text ") + q.text());
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static void fill(Path file, int messages, long stepUs, long startUs) throws Exception {
        long t0 = System.nanoTime();
        HistoryWorkload workload = new HistoryWorkload(HistoryStoreBenchmark.SEED, startUs, stepUs);
        try (MessageHistory history = MessageHistory.open(file).history()) {
            List<ReceivedMessage> batch = new ArrayList<>(HistoryStoreBenchmark.BATCH);
            for (int i = 0; i < messages; i++) {
                HistoryWorkload.Msg m = workload.next();
                MessageProperties props = m.properties() == null ? MessageProperties.NONE
                        : new MessageProperties("application/json", null, null, null, null, List.of(), List.of(), null);
                batch.add(new ReceivedMessage(m.topic(), m.payload(), m.qos(), m.retain(), false, m.timeUs() * 1000, m.timeUs() / 1000, props));
                if (batch.size() == HistoryStoreBenchmark.BATCH) {
                    history.write(batch, List.of());
                    batch.clear();
                }
            }
            history.write(batch, List.of());
        }
        System.out.printf("filled %,d messages in %.1f s: %,d bytes on disk%n", messages, ms(t0) / 1000, Files.size(file));
    }
}
