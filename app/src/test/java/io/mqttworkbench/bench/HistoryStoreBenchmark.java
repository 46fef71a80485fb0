package io.mqttworkbench.bench;

import io.mqttworkbench.bench.HistoryCandidate.Params;
import io.mqttworkbench.bench.HistoryCandidate.Query;
import io.mqttworkbench.bench.HistoryWorkload.Msg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * SQLite against DuckDB as the message history (issue 16, docs/history-store.md): 10,000,000 messages of about
 * 100 bytes over 24 hours and 2,040 topics, then the queries the window needs, disk use, retention, a flood
 * with queries running, reopening, and kill -9 during a flood. Figures only, nothing asserted. Run with the
 * test classpath:
 * <pre>
 * java -Xmx2g --enable-native-access=ALL-UNNAMED -cp app/target/test-classes:app/target/classes:$(cat cp.txt) \
 *     io.mqttworkbench.bench.HistoryStoreBenchmark sqlite /tmp/history load queries reopen concurrent retention crash
 * </pre>
 * Phases run in the order given; every phase but load and crash expects the loaded file. {@code load=N} loads N
 * messages instead of 10,000,000, spread over the same 24 hours; {@code queries=R} runs each query R times (3);
 * {@code concurrent=S} floods for S seconds (30); {@code crash=N} kills N writers (5). System properties:
 * {@code -Dsqlite.topicIndex=true} measures SQLite with the index on topic_id it does without,
 * {@code -Dbench.machines=100} makes 20,040 topics instead of 2,040, {@code -Dbench.flood.queries=REGEX} picks
 * the queries that run during the flood by name.
 */
public final class HistoryStoreBenchmark {

    static final long START_US = 1_748_822_400_000_000L; // 2025-06-02T00:00:00Z
    static final long DAY_US = 86_400_000_000L;
    static final long SEED = 16;
    static final int FLOOD_RATE = 50_000;
    /** 250 ms at 50,000 msg/s: what the writer commits at once in a flood. */
    static final int BATCH = 12_500;

    private HistoryStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "crash-writer" -> HistoryChildRuns.writeUntilKilled(args[1], Path.of(args[2]));
            case "reopen-child" -> HistoryChildRuns.reopenChild(args[1], Path.of(args[2]));
            default -> run(args[0], Path.of(args[1]), Arrays.copyOfRange(args, 2, args.length));
        }
    }

    static HistoryCandidate candidate(String db, Path file) {
        return switch (db) {
            case "sqlite" -> new SqliteHistoryCandidate(file);
            case "duckdb" -> new DuckDbHistoryCandidate(file);
            default -> throw new IllegalArgumentException("sqlite or duckdb, not " + db);
        };
    }

    static Path fileFor(String db, Path dir) {
        return dir.resolve(db.equals("sqlite") ? "history.sqlite" : "history.duckdb");
    }

    private static void run(String db, Path dir, String[] phases) throws Exception {
        Files.createDirectories(dir);
        Path file = fileFor(db, dir);
        say("%s, %s, %d cores, load %.2f", db, file, Runtime.getRuntime().availableProcessors(), load());
        for (String phase : phases) {
            String[] parts = phase.split("=");
            switch (parts[0]) {
                case "load" -> load(db, file, parts.length > 1 ? Integer.parseInt(parts[1]) : 10_000_000);
                case "queries" -> queries(db, file, parts.length > 1 ? Integer.parseInt(parts[1]) : 3);
                case "reopen" -> HistoryChildRuns.reopen(db, file);
                case "concurrent" -> concurrent(db, file, parts.length > 1 ? Integer.parseInt(parts[1]) : 30);
                case "retention" -> retention(db, file);
                case "crash" -> HistoryChildRuns.crash(db, dir.resolve("crash"), parts.length > 1 ? Integer.parseInt(parts[1]) : 5);
                default -> throw new IllegalArgumentException("no phase " + phase);
            }
            say("(load average now %.2f; %s)", load(), memory());
        }
    }

    /** Loads {@code count} messages as fast as the database takes them, in 250 ms flood batches. */
    private static void load(String db, Path file, int count) throws Exception {
        deleteFiles(file);
        HistoryWorkload w = new HistoryWorkload(SEED, START_US, DAY_US / count);
        try (HistoryCandidate c = candidate(db, file)) {
            c.open();
            long inDb = 0;
            long generating = 0;
            long blockStart = 0;
            double maxBatchMs = 0;
            List<Msg> batch = new ArrayList<>(BATCH);
            for (int done = 0; done < count; ) {
                long g0 = System.nanoTime();
                batch.clear();
                for (int i = 0; i < BATCH && done + i < count; i++) {
                    batch.add(w.next());
                }
                long t0 = System.nanoTime();
                generating += t0 - g0;
                c.append(batch);
                long t = System.nanoTime() - t0;
                inDb += t;
                maxBatchMs = Math.max(maxBatchMs, t / 1e6);
                done += batch.size();
                if (done % 1_000_000 == 0) {
                    say("  %,11d rows: last 1M at %,.0f msg/s (in the database's calls only); largest batch %.0f ms",
                            done, 1_000_000 / ((inDb - blockStart) / 1e9), maxBatchMs);
                    blockStart = inDb;
                    maxBatchMs = 0;
                }
            }
            say("RESULT %s load: %,d msgs in %.1f s in the database = %,.0f msg/s (generating them took %.1f s more)",
                    db, count, inDb / 1e9, count / (inDb / 1e9), generating / 1e9);
            say("RESULT %s disk before checkpoint: %,d bytes = %.1f B/msg", db, c.diskBytes(), c.diskBytes() / (double) count);
            long t0 = System.nanoTime();
            c.checkpoint();
            say("RESULT %s disk after checkpoint (%.1f s): %,d bytes = %.1f B/msg", db, (System.nanoTime() - t0) / 1e9,
                    c.diskBytes(), c.diskBytes() / (double) count);
        }
    }

    static Params params(HistoryCandidate c) throws Exception {
        try (Connection r = c.connect()) {
            long first = HistoryCandidate.single(r, "SELECT min(time_us) FROM messages");
            long last = HistoryCandidate.single(r, "SELECT max(time_us) FROM messages");
            long noon = START_US + DAY_US / 2;
            return new Params("plant/line3/#", "plant/line3/cell2/m07/temperature", noon, noon + DAY_US / 24 - 1, first, last + 1,
                    "Overheat", "overheat.*spindle [3-5]", "overheat", "{\"key\":\"batch\",\"value\":\"B-20500\"}");
        }
    }

    private static void queries(String db, Path file, int runs) throws Exception {
        try (HistoryCandidate c = candidate(db, file)) {
            c.open();
            Params p = params(c);
            if (c instanceof SqliteHistoryCandidate s) {
                say("query plans:\n%s", s.plans(p));
            }
            for (Query q : c.queries(p)) {
                double[] ms = new double[runs];
                long result = -1;
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    result = q.run().call();
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                say("RESULT %s query %-34s %,10d rows  median %8.1f ms  runs %s", db, q.name(), result, PacedWriter.median(ms),
                        Arrays.toString(Arrays.stream(ms).map(Math::rint).toArray()));
            }
        }
    }

    /** A flood at 50,000 msg/s for {@code seconds} while another thread runs the window's queries in a loop. */
    private static void concurrent(String db, Path file, int seconds) throws Exception {
        try (HistoryCandidate c = candidate(db, file)) {
            c.open();
            Params p = params(c);
            Map<String, List<Double>> times = new LinkedHashMap<>();
            List<Query> loop = c.queries(p).stream().filter(q -> q.name().matches(System.getProperty("bench.flood.queries", "(a1|a3|c3|d3|d5|e|f1) .*"))).toList();
            AtomicBoolean done = new AtomicBoolean();
            Thread readers = new Thread(() -> {
                while (!done.get()) {
                    for (Query q : loop) {
                        long t0 = System.nanoTime();
                        try {
                            q.run().call();
                        } catch (Exception e) {
                            throw new IllegalStateException(q.name(), e);
                        }
                        times.computeIfAbsent(q.name(), k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e6);
                    }
                }
            }, "readers");
            readers.start();
            PacedWriter.Stats stats = PacedWriter.run(c, new HistoryWorkload(SEED + 1, 0, 1), FLOOD_RATE, p.dayToUs() + 1_000_000,
                    seconds, n -> { });
            done.set(true);
            readers.join();
            say("RESULT %s flood with queries running: %s", db, stats);
            times.forEach((name, list) -> say("RESULT %s   under the flood: %-34s median %8.1f ms  max %8.1f ms  (%d runs)", db, name,
                    PacedWriter.median(list.stream().mapToDouble(Double::doubleValue).toArray()),
                    list.stream().mapToDouble(Double::doubleValue).max().orElse(0), list.size()));
        }
    }

    /** Deletes the oldest 10 %, gives the space back where the database can, then writes 1,000,000 more. */
    private static void retention(String db, Path file) throws Exception {
        try (HistoryCandidate c = candidate(db, file)) {
            c.open();
            long rows;
            long cut;
            try (Connection r = c.connect()) {
                rows = HistoryCandidate.single(r, "SELECT count(*) FROM messages");
                cut = HistoryCandidate.single(r, "SELECT time_us FROM messages ORDER BY time_us LIMIT 1 OFFSET " + rows / 10);
            }
            long before = c.diskBytes();
            long t0 = System.nanoTime();
            long deleted = c.deleteBefore(cut);
            double deleteS = (System.nanoTime() - t0) / 1e9;
            c.checkpoint();
            long afterDelete = c.diskBytes();
            t0 = System.nanoTime();
            c.reclaim();
            double reclaimS = (System.nanoTime() - t0) / 1e9;
            long afterReclaim = c.diskBytes();
            say("RESULT %s retention: deleted %,d of %,d rows in %.1f s; disk %,d -> %,d after the delete -> %,d after reclaiming (%.1f s)",
                    db, deleted, rows, deleteS, before, afterDelete, afterReclaim, reclaimS);
            Params p = params(c);
            HistoryWorkload w = new HistoryWorkload(SEED + 2, p.dayToUs(), DAY_US / 10_000_000);
            List<Msg> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < 1_000_000 / BATCH; i++) {
                batch.clear();
                for (int j = 0; j < BATCH; j++) {
                    batch.add(w.next());
                }
                c.append(batch);
            }
            c.checkpoint();
            say("RESULT %s retention: after %,d more rows the disk holds %,d bytes (%+,d)", db, 1_000_000 / BATCH * BATCH,
                    c.diskBytes(), c.diskBytes() - afterReclaim);
        }
    }

    static void deleteFiles(Path file) throws Exception {
        try (Stream<Path> files = Files.list(file.getParent())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(file.getFileName().toString())).toList()) {
                Files.delete(f);
            }
        }
    }

    /** This process's resident memory now and at its peak: DuckDB's buffers live outside the Java heap. */
    static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\s+", " ")).reduce((a, b) -> a + ", " + b).orElse("");
        } catch (java.io.IOException e) {
            return "memory unknown";
        }
    }

    static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
        System.out.flush();
    }
}
