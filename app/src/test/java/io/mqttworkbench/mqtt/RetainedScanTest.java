package io.mqttworkbench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.testsupport.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Asking the embedded HiveMQ CE what it retains: messages retained before a watcher subscribed, and
 * ones retained while it was subscribed (which reach it without the retain flag), are all found.
 */
class RetainedScanTest {

    private final String base = "scan/" + ClientIds.randomSuffix(8);
    private BrokerConnection watcher;

    @BeforeEach
    void retainSomeBeforeAndSomeWhileSubscribed() throws Exception {
        watcher = new BrokerConnection("watcher", ConnectionSettings.builder(TestBroker.tcpUrl()).build());
        watcher.connect().get(15, TimeUnit.SECONDS);
        retain(base + "/a/b", "before");
        retain(base + "/a/c/d", "before, deeper");
        watcher.subscribe(SubscriptionRequest.of(base + "/#", 1)).get(10, TimeUnit.SECONDS);
        Messages.await(watcher.inbound(), 2, m -> m.retained(), Duration.ofSeconds(10));
        retain(base + "/a/e", "while subscribed");
        retain(base + "/a/c/f", "while subscribed, deeper");
        retain(base + "/other", "elsewhere");
        watcher.publish(new PublishRequest(base + "/a/live", bytes("not retained"), 1, false)).get(10, TimeUnit.SECONDS);
        List<ReceivedMessage> live = Messages.await(watcher.inbound(), 4, m -> true, Duration.ofSeconds(10));
        assertThat(live).as("what the watcher's own subscription saw of them").noneMatch(ReceivedMessage::retained);
    }

    @AfterEach
    void close() {
        watcher.close();
    }

    private void retain(String topic, String payload) throws Exception {
        PublishOutcome outcome = watcher.publish(new PublishRequest(topic, bytes(payload), 1, true)).get(10, TimeUnit.SECONDS);
        assertThat(outcome.success()).as(outcome.description()).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static RetainedScan.Result scan(ConnectionSettings settings, String filter) throws Exception {
        return RetainedScan.start(settings, filter, found -> { }).result().get(30, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(MqttEngine.class)
    void findsEveryRetainedMessageUnderANodeWithEitherEngineAndVersion(MqttEngine engine) throws Exception {
        for (MqttVersion version : MqttVersion.values()) {
            RetainedScan.Result result = scan(ConnectionSettings.builder(TestBroker.tcpUrl()).engine(engine).version(version).build(),
                    base + "/a/#");
            assertThat(result.topics()).as(engine + " " + version).extracting(RetainedScan.Found::topic)
                    .containsExactly(base + "/a/b", base + "/a/c/d", base + "/a/c/f", base + "/a/e");
            assertThat(result.complete()).isTrue();
            assertThat(result.topics().get(0).payloadSize()).isEqualTo("before".length());
            assertThat(result.totalBytes()).isEqualTo(("before" + "before, deeper" + "while subscribed, deeper" + "while subscribed").length());
        }
    }

    @Test
    void findsOneTopicFromALeafAndNothingUnderAnEmptySubtree() throws Exception {
        ConnectionSettings settings = ConnectionSettings.builder(TestBroker.tcpUrl()).build();
        assertThat(scan(settings, base + "/a/c/f").topics()).extracting(RetainedScan.Found::topic).containsExactly(base + "/a/c/f");
        assertThat(scan(settings, base + "/a/live").topics()).as("published without retain").isEmpty();
        assertThat(scan(settings, base + "/nothing/#").topics()).isEmpty();
    }

    @Test
    void leavesTheUsersSessionAloneEvenWithTheSameFixedClientId() throws Exception {
        // A profile with a fixed client id: the scan must not take the window's session over.
        ConnectionSettings fixed = ConnectionSettings.builder(TestBroker.tcpUrl()).clientId(watcher.clientId()).build();
        assertThat(scan(fixed, base + "/#").topics()).hasSize(5);
        assertThat(watcher.status().state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(Messages.collect(watcher.inbound(), Duration.ofMillis(300))).as("nothing of the scan reaches the window").isEmpty();
    }

    @Test
    void aRefusedSubscriptionAndAWrongPasswordAreClearMessages() {
        ConnectionSettings anyone = ConnectionSettings.builder(TestBroker.tcpUrl()).build();
        assertThatThrownBy(() -> scan(anyone, "forbidden/#")).isInstanceOf(ExecutionException.class)
                .cause().hasMessageContaining("forbidden/#").hasMessageContaining("refused");
        ConnectionSettings wrong = ConnectionSettings.builder(TestBroker.tcpUrl()).username(TestBroker.USER).password("nope".toCharArray()).build();
        assertThatThrownBy(() -> scan(wrong, base + "/#")).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ConnectionException.class);
    }

    @Test
    void stoppingWhileItListensEndsAtOnceAndTellsProgressBefore() throws Exception {
        java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger reported = new java.util.concurrent.atomic.AtomicInteger(-1);
        // A quiet period far longer than the test: only Stop can end it.
        RetainedScan scan = new RetainedScan(ConnectionSettings.builder(TestBroker.tcpUrl()).build(), base + "/#", found -> {
            reported.set(found);
            listening.countDown();
        }, Duration.ofSeconds(30), Duration.ofSeconds(60), 1000);
        scan.start();
        assertThat(listening.await(10, TimeUnit.SECONDS)).isTrue();
        long stop = System.nanoTime();
        scan.cancel();
        assertThatThrownBy(() -> scan.result().get(5, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stop)).isLessThan(1_000);
        assertThat(reported.get()).isBetween(0, 5);
    }

    /** A broker that sends its store in batches: a pause longer than the quiet period, but short against the pauses before it. */
    @Test
    void waitsLongerWhenTheBrokerPausedBetweenRetainedMessagesBefore() throws Exception {
        retain(base + "/batch/0", "batch");
        java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);
        RetainedScan scan = new RetainedScan(ConnectionSettings.builder(TestBroker.tcpUrl()).build(), base + "/batch/#",
                found -> listening.countDown(), Duration.ofMillis(300), Duration.ofSeconds(60), 1000);
        scan.start();
        assertThat(listening.await(10, TimeUnit.SECONDS)).isTrue();
        // From here what is retained reaches it live, with the flag (retain as published): a batch every 250 ms...
        for (int i = 1; i < 4; i++) {
            retain(base + "/batch/" + i, "batch");
            Thread.sleep(250);
        }
        Thread.sleep(300); // ...then 550 ms: beyond the 300 ms quiet period, within three times the pauses before
        retain(base + "/batch/late", "batch");
        assertThat(scan.result().get(10, TimeUnit.SECONDS).topics()).extracting(RetainedScan.Found::topic).contains(base + "/batch/late");
    }

    /** A broker busy looking up a large store: nothing for a while after SUBACK is not yet "nothing retained". */
    @Test
    void waitsLongerForTheFirstRetainedMessageThanBetweenThem() throws Exception {
        java.util.concurrent.CountDownLatch subscribed = new java.util.concurrent.CountDownLatch(1);
        RetainedScan scan = new RetainedScan(ConnectionSettings.builder(TestBroker.tcpUrl()).build(), base + "/slow/#",
                found -> subscribed.countDown(), Duration.ofMillis(300), Duration.ofSeconds(60), 1000);
        scan.start();
        assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(1_200);
        retain(base + "/slow/first", "after a while"); // reaches the scan with the flag (retain as published)
        assertThat(scan.result().get(10, TimeUnit.SECONDS).topics()).extracting(RetainedScan.Found::topic).containsExactly(base + "/slow/first");
    }

    @Test
    void aBrokerStillSendingAtTheLimitGivesAPartialAnswer() throws Exception {
        RetainedScan scan = new RetainedScan(ConnectionSettings.builder(TestBroker.tcpUrl()).build(), base + "/#", found -> { },
                Duration.ofSeconds(30), Duration.ofSeconds(60), 2);
        scan.start();
        RetainedScan.Result result = scan.result().get(10, TimeUnit.SECONDS);
        assertThat(result.complete()).isFalse();
        assertThat(result.topics()).hasSize(2);
    }
}
