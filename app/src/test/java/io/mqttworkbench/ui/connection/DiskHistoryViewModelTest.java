package io.mqttworkbench.ui.connection;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.history.HistoryMaintenance;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.message.ReceivedTraffic;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.profile.HistorySettings;
import io.mqttworkbench.topic.TopicTree;
import io.mqttworkbench.ui.workspace.ScriptedDialogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history on disk as the connection view shows it, on real SQLite files: the status line, the notice
 * for a damaged file, the profile's limits applied (at once when edited), and the clears, asked first.
 */
class DiskHistoryViewModelTest {
    private static final long GIB = HistorySettings.GIB;

    @TempDir
    Path dir;
    private final ConcurrentLinkedQueue<Runnable> uiTasks = new ConcurrentLinkedQueue<>();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> events = new ArrayList<>();
    private final ReceivedTraffic traffic = new ReceivedTraffic(new MessageStore(), new TopicTree());
    private DiskHistoryViewModel vm;

    @AfterEach
    void close() throws InterruptedException {
        if (vm != null) {
            vm.close();
        }
        // a status query still reading would open the file again while the temporary folder is removed
        background.shutdown();
        assertThat(background.awaitTermination(20, TimeUnit.SECONDS)).as("background work finished").isTrue();
    }

    private DiskHistoryViewModel viewModel() {
        vm = new DiskHistoryViewModel(() -> "Plant", traffic, m -> traffic.gate().filterOf(m.topic()), dialogs, background, uiTasks::add, events::add, ZoneOffset.UTC, Texts.english());
        return vm;
    }

    /** Runs the "JavaFX thread" work and frames until the condition holds; fails after 20 s. */
    private void runUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; status: " + vm.statusProperty().get());
            }
            Runnable task;
            while ((task = uiTasks.poll()) != null) {
                task.run();
            }
            vm.onFrame(System.nanoTime());
            Thread.sleep(10);
        }
    }

    private static ReceivedMessage message(String topic, int size, long atMillis) {
        return new ReceivedMessage(topic, "x".repeat(size).getBytes(StandardCharsets.UTF_8), 0, false, false, 0, atMillis, MessageProperties.NONE);
    }

    /** A history file as an earlier run left it: {@code count} messages of 1 kB on three topics, one a millisecond from {@code startMillis}. */
    private Path earlierRun(int count, long startMillis) throws Exception {
        Path file = dir.resolve("messages").resolve("plant.sqlite");
        try (MessageHistory history = MessageHistory.open(file).history()) {
            List<ReceivedMessage> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(message(List.of("plant/a", "plant/a/b", "plant/c").get(i % 3), 1000, startMillis + i));
            }
            history.write(batch, List.of());
        }
        return file;
    }

    private HistoryMaintenance.Summary summary() throws Exception {
        return new HistoryMaintenance(vm.history()).summary();
    }

    @Test
    void theStatusSaysHowManyMessagesSinceWhenHowMuchOfTheLimitAndWhatRetentionRemoved() {
        long now = 1_764_081_720_000L; // 25 Nov 2025 14:42 UTC
        HistorySettings limits = new HistorySettings(true, Duration.ofDays(7), 2 * GIB);
        HistoryMaintenance.Summary busy = new HistoryMaintenance.Summary(8_345_221, OptionalLong.of(now - 3 * 86_400_000L - 40 * 60_000L),
                1_288_490_189L, 12_000);
        assertThat(DiskHistoryViewModel.describe(busy, limits, ZoneOffset.UTC, now, Texts.english()))
                .isEqualTo("On disk: 8,345,221 messages since 22 Nov 14:02 · 1.2 GB of 2.0 GB · 12,000 removed by retention");
        HistoryMaintenance.Summary today = new HistoryMaintenance.Summary(1, OptionalLong.of(now - 60_000), 81_920, 0);
        assertThat(DiskHistoryViewModel.describe(today, limits, ZoneOffset.UTC, now, Texts.english())).isEqualTo("On disk: 1 message since 14:41 · 80.0 KB of 2.0 GB");
        HistoryMaintenance.Summary lastYear = new HistoryMaintenance.Summary(2, OptionalLong.of(now - 365 * 86_400_000L), 81_920, 0);
        assertThat(DiskHistoryViewModel.describe(lastYear, limits, ZoneId.of("Europe/Berlin"), now, Texts.english())).contains("since 25 Nov 2024 15:42");
        assertThat(DiskHistoryViewModel.describe(new HistoryMaintenance.Summary(0, OptionalLong.empty(), 40_960, 0), limits, ZoneOffset.UTC, now, Texts.english()))
                .isEqualTo("On disk: no messages yet · 40.0 KB of 2.0 GB");
        assertThat(DiskHistoryViewModel.limitsText(new HistorySettings(true, Duration.ofHours(36), 300 * HistorySettings.MIB), Texts.english()))
                .startsWith("Messages are kept up to 36 hours and 300.0 MB;");
        assertThat(DiskHistoryViewModel.outcomeText(new HistoryMaintenance.Removed(12_345, 3_355_443, HistoryMaintenance.Compact.DONE), Texts.english()))
                .isEqualTo("Removed 12,345 messages, 3.2 MB freed");
        for (HistoryMaintenance.Compact.Why why : HistoryMaintenance.Compact.Why.values()) {
            HistoryMaintenance.Removed removed = new HistoryMaintenance.Removed(3, 0, new HistoryMaintenance.Compact(why, "No space left on device"));
            assertThat(DiskHistoryViewModel.outcomeText(removed, Texts.english())).as(why.name()).contains(removed.compactNote());
            assertThat(DiskHistoryViewModel.outcomeText(removed, Texts.simplifiedChinese()).replace("No space left on device", "")).as(why.name())
                    .doesNotContainPattern("(?<![A-Za-z])[a-z]{4,}");
        }
    }

    @Test
    void theStatusLineReadsTheFileAndFollowsNewMessages() throws Exception {
        long start = System.currentTimeMillis() - 60_000;
        earlierRun(3_000, start);
        viewModel().keepIn(dir.resolve("messages").resolve("plant.sqlite"), HistorySettings.DEFAULT);
        assertThat(vm.statusProperty().get()).isEqualTo("Opening the message history…");
        runUntil("the figures", () -> vm.statusProperty().get().startsWith("On disk: 3,000 messages since "));
        assertThat(vm.statusProperty().get()).contains(" of 2.0 GB").doesNotContain("retention");
        assertThat(traffic.tree().find("plant/a/b")).as("the tree has its last values back").isNotNull();

        traffic.accept(List.of(message("plant/new", 10, System.currentTimeMillis())));
        runUntil("the new message counted (within the refresh period)", () -> vm.statusProperty().get().startsWith("On disk: 3,001 messages"));
        assertThat(vm.noticeProperty().get()).isEmpty();
    }

    @Test
    void aDamagedFileIsShownInTheWindowWithWhereItWasKept() throws Exception {
        Path file = dir.resolve("messages").resolve("plant.sqlite");
        Files.createDirectories(file.getParent());
        Files.write(file, "not a database at all, but somebody's bytes".repeat(300).getBytes(StandardCharsets.UTF_8));
        viewModel().keepIn(file, HistorySettings.DEFAULT);

        runUntil("the notice", () -> !vm.noticeProperty().get().isEmpty());
        assertThat(vm.noticeProperty().get()).startsWith("The message history plant.sqlite could not be read")
                .contains("it was kept aside as plant.sqlite.unreadable-").endsWith("and a new one begun.");
        assertThat(events).contains(vm.noticeProperty().get());
        runUntil("a new history", () -> vm.statusProperty().get().startsWith("On disk: no messages yet"));
        vm.dismissNotice();
        assertThat(vm.noticeProperty().get()).isEmpty();
    }

    @Test
    void aHistoryThatCannotBeOpenedAtAllSaysSo() throws Exception {
        Path notAFolder = dir.resolve("messages");
        Files.writeString(notAFolder, "a file where the folder should be");
        viewModel().keepIn(notAFolder.resolve("plant.sqlite"), HistorySettings.DEFAULT);

        runUntil("the notice", () -> !vm.noticeProperty().get().isEmpty());
        assertThat(vm.noticeProperty().get()).startsWith("Messages are not kept on disk this time: Cannot create the folder");
        assertThat(vm.statusProperty().get()).isEqualTo("Not kept on disk this time");
        vm.clearAll();
        assertThat(dialogs.asked).isEmpty(); // nothing to clear, so nothing is asked
    }

    @Test
    void theProfilesAgeLimitAppliesWhenOpenedAndANewSizeLimitAtOnce() throws Exception {
        long now = System.currentTimeMillis();
        earlierRun(1_000, now - Duration.ofHours(3).toMillis()); // three hours old
        earlierRun(4_000, now - 60_000); // a minute old; 5 MB in all
        viewModel().keepIn(dir.resolve("messages").resolve("plant.sqlite"), new HistorySettings(true, Duration.ofHours(2), 2 * GIB));

        runUntil("the first retention run", () -> vm.statusProperty().get().contains("1,000 removed by retention"));
        assertThat(summary().messages()).isEqualTo(4_000);
        assertThat(summary().oldestMillis().getAsLong()).isGreaterThanOrEqualTo(now - 60_000);

        vm.apply(new HistorySettings(true, Duration.ofHours(2), HistorySettings.MIB)); // as when the profile is saved
        runUntil("the size limit applied", () -> {
            try {
                return summary().bytesOnDisk() <= HistorySettings.MIB;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(Files.size(dir.resolve("messages").resolve("plant.sqlite"))).isLessThanOrEqualTo(HistorySettings.MIB + 64 * 1024);
        runUntil("the status", () -> vm.statusProperty().get().contains(" of 1.0 MB · "));
        assertThat(summary().messages()).isBetween(1L, 1_000L);
    }

    @Test
    void aProfileThatKeepsNothingOpensNoFileUntilSwitchedOn() throws Exception {
        Path file = dir.resolve("messages").resolve("plant.sqlite");
        viewModel().keepIn(file, HistorySettings.DEFAULT.withKeepOnDisk(false));
        assertThat(vm.statusProperty().get()).isEqualTo("Not kept on disk: switched off in the profile (Edit… › History)");
        traffic.accept(List.of(message("plant/a", 10, System.currentTimeMillis())));
        assertThat(file).doesNotExist();

        vm.apply(HistorySettings.DEFAULT);
        runUntil("open", () -> vm.statusProperty().get().startsWith("On disk: no messages yet"));
        traffic.accept(List.of(message("plant/a", 10, System.currentTimeMillis())));
        runUntil("kept", () -> vm.statusProperty().get().startsWith("On disk: 1 message"));

        vm.apply(HistorySettings.DEFAULT.withKeepOnDisk(false));
        assertThat(vm.history()).isNull();
        assertThat(vm.statusProperty().get()).startsWith("Not kept on disk");
    }

    @Test
    void clearingTheProfilesHistoryAsksWithTheFiguresThenFreesTheDisk() throws Exception {
        Path file = earlierRun(3_000, System.currentTimeMillis() - 60_000);
        viewModel().keepIn(file, HistorySettings.DEFAULT);
        runUntil("open", () -> vm.statusProperty().get().startsWith("On disk: 3,000"));

        dialogs.confirmations.add(false);
        vm.clearAll();
        runUntil("asked", () -> !dialogs.asked.isEmpty());
        assertThat(dialogs.asked.get(0)).startsWith("Clear message history: Remove all 3,000 messages that 'Plant' keeps on disk (3.");
        assertThat(summary().messages()).isEqualTo(3_000); // the user said no

        long before = Files.size(file);
        dialogs.confirmations.add(true);
        vm.clearAll();
        runUntil("cleared", () -> vm.outcomeProperty().get().startsWith("Removed "));
        assertThat(vm.outcomeProperty().get()).matches("Removed 3,000 messages, [0-9.]+ MB freed");
        assertThat(events).contains(vm.outcomeProperty().get());
        assertThat(Files.size(file)).isLessThan(before / 4);
        runUntil("the status", () -> vm.statusProperty().get().startsWith("On disk: no messages yet"));

        // the outcome gives the status bar back after a while; the event log keeps it
        long now = System.nanoTime();
        vm.onFrame(now);
        vm.onFrame(now + DiskHistoryViewModel.OUTCOME_NANOS - 1_000_000_000L);
        assertThat(vm.outcomeProperty().get()).startsWith("Removed 3,000 messages");
        vm.onFrame(now + DiskHistoryViewModel.OUTCOME_NANOS + 1);
        assertThat(vm.outcomeProperty().get()).isEmpty();
    }

    @Test
    void clearingATopicRemovesItsSubtreeFromTheDiskAfterAsking() throws Exception {
        Path file = earlierRun(3_000, System.currentTimeMillis() - 60_000);
        viewModel().keepIn(file, HistorySettings.DEFAULT);
        runUntil("open", () -> traffic.tree().find("plant/a") != null && vm.statusProperty().get().startsWith("On disk: 3,000"));

        dialogs.confirmations.add(true);
        vm.clearSubtree(traffic.tree().find("plant/a"));
        runUntil("cleared", () -> vm.outcomeProperty().get().startsWith("Removed "));
        assertThat(dialogs.asked).singleElement().asString()
                .startsWith("Clear stored messages: Remove every message of plant/a and the topics under it (plant/a/#) from the disk? "
                        + "2 topics there have messages stored.");
        assertThat(vm.outcomeProperty().get()).startsWith("Removed 2,000 messages, ").endsWith(" freed");
        runUntil("the status", () -> vm.statusProperty().get().startsWith("On disk: 1,000 messages"));
        assertThat(vm.history().lastValues()).extracting(ReceivedMessage::topic).containsExactly("plant/c");
    }
}
