package io.mqttworkbench.bench;

import static io.mqttworkbench.bench.HistoryStoreBenchmark.say;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The two measurements that need a second JVM: kill -9 during a flood (does the file open, is every
 * acknowledged commit there), and reopening a profile (from a JVM's start to the tree's last values, with the
 * driver's native library loaded and the file cold or warm in the page cache).
 */
final class HistoryChildRuns {

    private HistoryChildRuns() {
    }

    /** Child: a flood at 50,000 msg/s into {@code file}, printing the committed total after every commit. */
    static void writeUntilKilled(String db, Path file) throws Exception {
        try (HistoryCandidate c = HistoryStoreBenchmark.candidate(db, file)) {
            c.open();
            long before;
            long lastUs;
            try (Connection r = c.connect()) {
                before = HistoryCandidate.single(r, "SELECT count(*) FROM messages");
                lastUs = Math.max(HistoryCandidate.single(r, "SELECT coalesce(max(time_us), 0) FROM messages"), System.currentTimeMillis() * 1000);
            }
            System.out.println("open " + before);
            System.out.flush();
            PacedWriter.run(c, new HistoryWorkload(System.nanoTime(), 0, 1), HistoryStoreBenchmark.FLOOD_RATE, lastUs + 1, -1, n -> {
                System.out.println("committed " + (before + n));
                System.out.flush();
            });
        }
    }

    /** Parent: {@code runs} times, start the flood, kill -9 it 2 to 6 s later, reopen and count. */
    static void crash(String db, Path dir, int runs) throws Exception {
        Files.createDirectories(dir);
        Path file = HistoryStoreBenchmark.fileFor(db, dir);
        HistoryStoreBenchmark.deleteFiles(file);
        Random random = new Random(SEED_CRASH);
        for (int run = 1; run <= runs; run++) {
            Process child = java(db, "crash-writer", db, file.toString()).start();
            AtomicLong acknowledged = new AtomicLong(-1);
            AtomicLong acknowledgedAt = new AtomicLong();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("committed ")) {
                            acknowledged.set(Long.parseLong(line.substring(10)));
                            acknowledgedAt.set(System.nanoTime());
                        }
                    }
                } catch (java.io.IOException e) {
                    // the child is gone
                }
            });
            reader.start();
            while (acknowledged.get() < 0 && child.isAlive()) {
                Thread.sleep(10);
            }
            Thread.sleep(2000 + random.nextInt(4000));
            child.destroyForcibly(); // SIGKILL on Linux
            long killedAt = System.nanoTime();
            child.waitFor(10, TimeUnit.SECONDS);
            reader.join();
            long acked = acknowledged.get();
            double sinceAckMs = (killedAt - acknowledgedAt.get()) / 1e6;
            long t0 = System.nanoTime();
            String check = "";
            long rows;
            try (HistoryCandidate c = HistoryStoreBenchmark.candidate(db, file); Connection r = c.connect()) {
                rows = HistoryCandidate.single(r, "SELECT count(*) FROM messages");
                if (db.equals("sqlite")) {
                    try (var rs = r.createStatement().executeQuery("PRAGMA quick_check")) {
                        rs.next();
                        check = ", quick_check " + rs.getString(1);
                    }
                }
            }
            say("RESULT %s crash run %d: killed %.0f ms after the last acknowledged commit; reopened in %.0f ms%s; "
                            + "%,d rows, acknowledged %,d: %s", db, run, sinceAckMs, (System.nanoTime() - t0) / 1e6, check, rows, acked,
                    rows >= acked ? "nothing acknowledged lost (" + (rows - acked) + " committed after the last acknowledgement)"
                            : "LOST " + (acked - rows));
        }
    }

    private static final long SEED_CRASH = 250;

    /** Parent: three cold and three warm reopenings in a fresh JVM each, plus a JVM that opens nothing. */
    static void reopen(String db, Path file) throws Exception {
        for (String mode : List.of("none", "cold", "cold", "cold", "warm", "warm", "warm")) {
            if (mode.equals("cold")) {
                dropFromPageCache(file);
            }
            long t0 = System.nanoTime();
            Process child = java(db, "reopen-child", mode.equals("none") ? "none" : db, file.toString()).redirectErrorStream(true).start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            child.waitFor();
            say("RESULT %s reopen (%s cache): JVM start to exit %.0f ms; %s", db, mode, (System.nanoTime() - t0) / 1e6, out);
        }
    }

    /** Child: from main() to the last value of every topic, in steps. */
    static void reopenChild(String db, Path file) throws Exception {
        long t0 = System.nanoTime();
        if (db.equals("none")) {
            System.out.println("a JVM that opens nothing");
            return;
        }
        try (HistoryCandidate c = HistoryStoreBenchmark.candidate(db, file)) {
            Connection r = c.connect();
            long opened = System.nanoTime();
            long values = c.lastValues(r);
            long done = System.nanoTime();
            r.close();
            System.out.printf("in main: open %.0f ms + last values of %d topics %.0f ms = %.0f ms%n", (opened - t0) / 1e6, values,
                    (done - opened) / 1e6, (done - t0) / 1e6);
        }
    }

    /** Evicts the files of one database from the page cache (GNU dd), so a reopening reads the disk. */
    private static void dropFromPageCache(Path file) throws Exception {
        try (var files = Files.list(file.getParent())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(file.getFileName().toString())).toList()) {
                new ProcessBuilder("dd", "of=" + f, "oflag=nocache", "conv=notrunc,fdatasync", "count=0", "status=none")
                        .inheritIO().start().waitFor();
            }
        }
    }

    /** A JVM with the test classpath minus the other database's driver, as the application would ship one. */
    private static ProcessBuilder java(String db, String... args) {
        String other = db.equals("sqlite") ? "duckdb_jdbc" : "sqlite-jdbc";
        String classpath = String.join(File.pathSeparator, Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains(other)).toList());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-cp", classpath, HistoryStoreBenchmark.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    }
}
