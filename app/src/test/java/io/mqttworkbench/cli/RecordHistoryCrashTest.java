package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.testsupport.TestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record --history} in a JVM of its own, fed a flood of numbered QoS 1 messages by the test broker, then
 * killed: with SIGKILL (kill -9) the history opens as it is and lacks at most the messages of the last commit
 * interval (a quarter second) and the commit under way; with SIGTERM (what Ctrl+C does) it writes what is pending,
 * closes the file and says what it kept.
 */
class RecordHistoryCrashTest {
    private static final String PROFILE = "Flood";
    /** What the writer may not have committed: one interval gathering, one commit under way, delivery and scheduling on a busy machine. */
    private static final long LOSS_BOUND_MS = 250 + 250 + 250;
    private static final String PAD = "x".repeat(90);

    @TempDir
    static Path config;
    private static Path file;
    /** One topic each: QoS 1 keeps each one's messages in order, and the broker lets each have only a few unacknowledged. */
    private static final int PUBLISHERS = 4;
    private static final List<BrokerConnection> publishers = new java.util.ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        Profile flood = Profile.forUrl(TestBroker.tcpUrl()).toBuilder().name(PROFILE).build();
        new ProfileStore(config).save(List.of(flood));
        file = MessageHistory.fileFor(config.resolve("messages"), flood.id());
        for (int i = 0; i < PUBLISHERS; i++) {
            BrokerConnection publisher = new BrokerConnection("flood" + i, ConnectionSettings.builder(TestBroker.tcpUrl()).build());
            publisher.connect().get(10, TimeUnit.SECONDS);
            publishers.add(publisher);
        }
    }

    @AfterAll
    static void tearDown() {
        publishers.forEach(BrokerConnection::close);
    }

    @Test
    void killDashNineDuringAFloodLeavesAReadableHistoryLackingAtMostTheLastCommit() throws Exception {
        Random random = new Random(16);
        String base = "crash" + System.nanoTime();
        for (int run = 1; run <= 2; run++) { // each run a JVM of its own: about 7 s on two busy cores
            String topic = base + "/run" + run;
            Process child = record(base, "kill" + run);
            awaitSubscribed(topic + "/probe");
            Flood flood = Flood.start(topic);
            Thread.sleep(1000 + random.nextInt(1500));
            long killedAtMillis = System.currentTimeMillis();
            long killedAt = System.nanoTime();
            child.destroyForcibly(); // SIGKILL on Linux
            flood.stop();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

            MessageHistory.Opened opened = MessageHistory.open(file);
            long kept = 0;
            long first = Long.MAX_VALUE;
            long newest = 0;
            try (MessageHistory history = opened.history()) {
                assertThat(opened.notice()).as("the history opens as it is, not set aside").isEmpty();
                for (int p = 0; p < PUBLISHERS; p++) {
                    List<ReceivedMessage> stored = history.find(null, null, topic(topic + "/" + p), Integer.MAX_VALUE);
                    assertPrefix(stored.stream().map(RecordHistoryCrashTest::number).toList());
                    kept += stored.size();
                    first = Math.min(first, stored.get(0).receivedEpochMillis());
                    newest = Math.max(newest, stored.get(stored.size() - 1).receivedEpochMillis());
                }
            }
            // the recorder's own arrival times: what it received after the newest it kept is what the kill cost
            long lostMs = killedAtMillis - newest;
            double receiveRate = kept * 1000.0 / Math.max(1, newest - first);
            System.out.printf(Locale.ROOT, "kill -9 run %d: the broker had %,d messages (%.0f msg/s); the recorder kept %,d (received at "
                            + "%.0f msg/s), the newest received %d ms before the kill: about %,.0f messages lost%n", run,
                    flood.acknowledgedBefore(killedAt), flood.rate(killedAt), kept, receiveRate, lostMs, receiveRate * lostMs / 1000);
            assertThat(lostMs).as("only the last commit interval and the commit under way are lost").isLessThanOrEqualTo(LOSS_BOUND_MS);
        }
    }

    @Test
    void sigtermWritesWhatIsPendingClosesTheFileAndSaysWhatItKept() throws Exception {
        String base = "term" + System.nanoTime();
        String topic = base + "/flood";
        Process child = record(base, "term");
        awaitSubscribed(topic + "/probe");
        Flood flood = Flood.start(topic);
        Thread.sleep(1500);
        child.destroy(); // SIGTERM on Linux: the shutdown hooks run, as on Ctrl+C
        long stoppedAt = System.nanoTime();
        flood.stop();
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(config.resolve("term.err"));

        Matcher summary = Pattern.compile("record: ([0-9,]+) messages \\(.* of payload\\) in [0-9.]+ s to the history of '" + PROFILE
                + "' \\(" + Pattern.quote(file.toString()) + "\\)\\n").matcher(err);
        assertThat(summary.find()).as(err).isTrue();
        long said = Long.parseLong(summary.group(1).replace(",", ""));
        assertThat(file.resolveSibling(file.getFileName() + "-wal")).as("closed cleanly: the write-ahead log is folded in").doesNotExist();
        MessageHistory.Opened opened = MessageHistory.open(file);
        try (MessageHistory history = opened.history()) {
            assertThat(opened.notice()).isEmpty();
            assertThat(history.find(null, null, m -> m.topic().startsWith(base + "/"), Integer.MAX_VALUE))
                    .as("every message it took is kept, the pending ones too").hasSize((int) said);
            long kept = 0;
            for (int p = 0; p < PUBLISHERS; p++) {
                List<Long> numbers = numbers(history, topic + "/" + p);
                assertPrefix(numbers);
                kept += numbers.size();
            }
            System.out.printf(Locale.ROOT, "SIGTERM: %,d messages acknowledged by the broker before it, %,d kept%n",
                    flood.acknowledgedBefore(stoppedAt), kept);
        }
    }

    /** {@code record --history} in a JVM of its own; its stderr goes to {@code NAME.err} in the config folder. */
    private static Process record(String base, String name) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), RecordChild.class.getName(),
                "record", "--history", "--profile", PROFILE, "--config-dir", config.toString(), "-t", base + "/#", "-q", "1");
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(config.resolve(name + ".err").toFile()).start();
    }

    /** Probes until the recorder keeps one: from then on it receives all that is sent. */
    private static void awaitSubscribed(String probe) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            publishers.get(0).publish(new PublishRequest(probe, new byte[] {1}, 1, false)).get(10, TimeUnit.SECONDS);
            Thread.sleep(150);
            if (Files.exists(file)) {
                try (MessageHistory history = MessageHistory.open(file).history()) {
                    if (!history.find(null, null, m -> m.topic().equals(probe), 1).isEmpty()) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("the recorder never kept a probe on " + probe);
    }

    /** The numbers of the messages kept on {@code topic}, in the order kept. */
    private static List<Long> numbers(MessageHistory history, String topic) throws Exception {
        return history.find(null, null, topic(topic), Integer.MAX_VALUE).stream().map(RecordHistoryCrashTest::number).toList();
    }

    private static java.util.function.Predicate<ReceivedMessage> topic(String topic) {
        return m -> m.topic().equals(topic);
    }

    /** 0, 1, 2 ...: a prefix of what was sent, in order, without holes. */
    private static void assertPrefix(List<Long> kept) {
        assertThat(kept).isNotEmpty();
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i) != i) {
                throw new AssertionError("message " + i + " is followed by " + kept.get(i) + ": not a prefix of what was sent");
            }
        }
    }

    private static long number(ReceivedMessage m) {
        String payload = new String(m.payload(), StandardCharsets.UTF_8);
        return Long.parseLong(payload.substring(0, payload.indexOf(' ')));
    }

    /** Numbered QoS 1 messages of about 100 bytes on TOPIC/0, TOPIC/1 ..., one publisher each, as fast as the broker takes them. */
    private static final class Flood {
        private static final int CAPACITY = 1_000_000;
        private static final int WINDOW = 64;
        private final List<AtomicLongArray> acknowledgedAt = new java.util.ArrayList<>();
        private final List<AtomicInteger> next = new java.util.ArrayList<>();
        private final List<Thread> threads = new java.util.ArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final long startedAt = System.nanoTime();

        private Flood(String topic) {
            for (int p = 0; p < PUBLISHERS; p++) {
                AtomicLongArray acknowledged = new AtomicLongArray(CAPACITY);
                AtomicInteger counter = new AtomicInteger();
                acknowledgedAt.add(acknowledged);
                next.add(counter);
                BrokerConnection publisher = publishers.get(p);
                String to = topic + "/" + p;
                Semaphore window = new Semaphore(WINDOW);
                Thread thread = new Thread(() -> {
                    while (running.get() && counter.get() < CAPACITY) {
                        try {
                            if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                                continue;
                            }
                        } catch (InterruptedException e) {
                            return;
                        }
                        int n = counter.getAndIncrement();
                        publisher.publish(new PublishRequest(to, (n + " " + PAD).getBytes(StandardCharsets.UTF_8), 1, false))
                                .whenComplete((outcome, failure) -> {
                                    if (failure == null && outcome.success()) {
                                        acknowledged.set(n, System.nanoTime());
                                    }
                                    window.release();
                                });
                    }
                    window.acquireUninterruptibly(WINDOW); // every one answered
                }, "flood-" + p);
                thread.start();
                threads.add(thread);
            }
        }

        static Flood start(String topic) {
            return new Flood(topic);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
        }

        /** When the broker acknowledged publisher {@code p}'s message {@code n}; 0 if it did not (yet). */
        long acknowledgedAt(int p, long n) {
            return n < next.get(p).get() ? acknowledgedAt.get(p).get((int) n) : 0;
        }

        long acknowledgedBefore(long nanos) {
            long count = 0;
            for (int p = 0; p < PUBLISHERS; p++) {
                for (int i = 0; i < next.get(p).get(); i++) {
                    long at = acknowledgedAt.get(p).get(i);
                    if (at != 0 && at <= nanos) {
                        count++;
                    }
                }
            }
            return count;
        }

        double rate(long untilNanos) {
            return acknowledgedBefore(untilNanos) / ((untilNanos - startedAt) / 1e9);
        }
    }
}
