package io.mqttworkbench.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.UserProperty;
import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.testsupport.Mosquitto;
import io.mqttworkbench.testsupport.Processes;
import io.mqttworkbench.testsupport.TestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the composer sends, as subscribers on real brokers receive it: bytes, properties, pace, order, replies. */
class PublishAgainstBrokersTest {
    private final List<BrokerConnection> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(BrokerConnection::close);
    }

    private BrokerConnection connected(io.mqttworkbench.mqtt.BrokerUrl url) throws Exception {
        BrokerConnection c = new BrokerConnection("test-" + opened.size(), ConnectionSettings.builder(url).build());
        opened.add(c);
        c.connect().get(15, TimeUnit.SECONDS);
        return c;
    }

    private static Composition everything(String topic, PayloadEncoding encoding, String payload) {
        return new Composition(topic, 1, false, encoding, payload, true, "application/octet-stream", encoding == PayloadEncoding.TEXT,
                120L, topic + "/replies", "7f3a0b", true, List.of(new UserProperty("k", "v1"), new UserProperty("k", "v2"),
                new UserProperty("n", "{{counter}}")), null);
    }

    @Test
    void eachEncodingAndEveryPropertyArriveExactlyAsComposed(@TempDir Path dir) throws Exception {
        BrokerConnection subscriber = connected(TestBroker.tcpUrl());
        BrokerConnection publisher = connected(TestBroker.tcpUrl());
        String base = "compose/" + System.nanoTime();
        subscriber.subscribe(SubscriptionRequest.of(base + "/#", 1)).get(10, TimeUnit.SECONDS);
        Path file = dir.resolve("blob.bin");
        byte[] blob = new byte[70_000];
        new java.util.Random(3).nextBytes(blob);
        Files.write(file, blob);
        record Case(PayloadEncoding encoding, String payload, byte[] expected) {
        }
        List<Case> cases = List.of(
                new Case(PayloadEncoding.TEXT, "héllo {{counter}}", "héllo 1".getBytes(StandardCharsets.UTF_8)),
                new Case(PayloadEncoding.JSON, "{\"n\": {{counter}}}", "{\"n\": 1}".getBytes(StandardCharsets.UTF_8)),
                new Case(PayloadEncoding.HEX, "00 01 fe ff", new byte[] {0, 1, (byte) 0xFE, (byte) 0xFF}),
                new Case(PayloadEncoding.BASE64, "AAH+/w==", new byte[] {0, 1, (byte) 0xFE, (byte) 0xFF}),
                new Case(PayloadEncoding.FILE, file.toString(), blob));
        for (Case c : cases) {
            String topic = base + "/" + c.encoding().name().toLowerCase();
            Composition composition = everything(topic, c.encoding(), c.payload());
            assertThat(composition.problems()).isEmpty();
            assertThat(publisher.publish(composition.toRequest(Placeholders.Context.of(1))).get(10, TimeUnit.SECONDS).success()).isTrue();
            ReceivedMessage got = Messages.awaitOne(subscriber.inbound(), topic);
            assertThat(got.payload()).as(c.encoding().label()).isEqualTo(c.expected());
            assertThat(got.qos()).isEqualTo(1);
            var p = got.properties();
            assertThat(p.contentType()).isEqualTo("application/octet-stream");
            // 0 (bytes) is MQTT's default: Paho leaves the property out, which means the same
            assertThat(Boolean.TRUE.equals(p.payloadFormatUtf8())).isEqualTo(c.encoding() == PayloadEncoding.TEXT);
            assertThat(p.messageExpirySeconds()).isBetween(118L, 120L);
            assertThat(p.responseTopic()).isEqualTo(topic + "/replies");
            assertThat(p.correlationData()).containsExactly(0x7f, 0x3a, 0x0b);
            assertThat(p.userProperties()).containsExactly(new UserProperty("k", "v1"), new UserProperty("k", "v2"), new UserProperty("n", "1"));
        }
    }

    @Test
    void mosquittoSubReceivesTheSameBytesAndProperties() throws Exception {
        String mosquittoSub = Mosquitto.toolOrSkip("mosquitto_sub");
        try (Mosquitto mosquitto = Mosquitto.startOrSkip()) {
            BrokerConnection publisher = connected(mosquitto.tcpUrl());
            String topic = "compose-interop/" + System.nanoTime();
            Process sub = Processes.start(List.of(mosquittoSub, "-h", "127.0.0.1", "-p", Integer.toString(mosquitto.tcpPort()), "-V", "mqttv5",
                    "-q", "1", "-t", topic, "-C", "1", "-W", "30", "-F", "%t|%x|%q|%C|%F|%R|%D|%P"));
            try {
                Composition composition = everything(topic, PayloadEncoding.HEX, "00 01 fe ff");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (sub.isAlive() && System.nanoTime() < deadline) {
                    publisher.publish(composition.toRequest(Placeholders.Context.of(1))).get(10, TimeUnit.SECONDS);
                    sub.waitFor(300, TimeUnit.MILLISECONDS);
                }
                String output = new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assertThat(output).isEqualTo(topic + "|0001feff|1|application/octet-stream||" + topic + "/replies|\u007f:\u000b|k:v1 k:v2 n:1");
            } finally {
                sub.destroyForcibly();
            }
        }
    }

    @Test
    void aThousandRepeatsAtOneMillisecondArriveCompleteAndInOrderAtQos1() throws Exception {
        BrokerConnection subscriber = connected(TestBroker.tcpUrl());
        BrokerConnection publisher = connected(TestBroker.tcpUrl());
        String topic = "repeat/" + System.nanoTime();
        subscriber.subscribe(SubscriptionRequest.of(topic, 1)).get(10, TimeUnit.SECONDS);
        Composition composition = new Composition(topic, 1, false, PayloadEncoding.TEXT, "{{counter}}", true, null, null, null, null, null,
                false, List.of(), null);
        RepeatRun run = RepeatRun.start("test", n -> publisher.publish(composition.toRequest(Placeholders.Context.of(n))), Duration.ofMillis(1), 1000);
        RepeatRun.Progress done = run.done().get(60, TimeUnit.SECONDS);
        assertThat(done.sent()).isEqualTo(1000);
        assertThat(done.acknowledged()).isEqualTo(1000);
        assertThat(done.failed()).isZero();
        assertThat(done.finished()).isTrue();
        List<ReceivedMessage> got = Messages.await(subscriber.inbound(), 1000, m -> m.topic().equals(topic), Duration.ofSeconds(30));
        assertThat(got).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 1000).mapToObj(Long::toString).toList());
        System.out.printf("repeat: 1,000 QoS 1 messages every 1 ms: %.0f msg/s achieved%n", done.rate());

        RepeatRun endless = RepeatRun.start("endless", n -> publisher.publish(composition.toRequest(Placeholders.Context.of(n))), Duration.ofMillis(5), 0);
        Thread.sleep(200);
        endless.stop();
        RepeatRun.Progress stopped = endless.done().get(30, TimeUnit.SECONDS);
        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.sent()).isBetween(5L, 100L);
    }

    @Test
    void requestReplyMatchesTheCorrelationDataAndTimesOut() throws Exception {
        BrokerConnection requester = connected(TestBroker.tcpUrl());
        BrokerConnection service = connected(TestBroker.tcpUrl());
        String topic = "svc/" + System.nanoTime() + "/price";
        service.subscribe(SubscriptionRequest.of(topic, 1)).get(10, TimeUnit.SECONDS);
        Thread responder = Thread.ofVirtual().start(() -> {
            try {
                ReceivedMessage request = Messages.awaitOne(service.inbound(), topic);
                // a reply with other correlation data first: it must not be taken for the answer
                service.publish(new io.mqttworkbench.mqtt.PublishRequest(request.properties().responseTopic(), "wrong".getBytes(), 1, false,
                        new io.mqttworkbench.mqtt.MessageProperties(null, null, null, null, new byte[] {1}, List.of(), List.of(), null)));
                service.publish(new io.mqttworkbench.mqtt.PublishRequest(request.properties().responseTopic(), "42.50".getBytes(), 1, false,
                        new io.mqttworkbench.mqtt.MessageProperties(null, null, null, null, request.properties().correlationData(), List.of(), List.of(), null)));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        RequestReply rr = new RequestReply(requester::subscribeTemporarily, requester::releaseTemporary, requester::publish);
        Thread pump = Thread.ofVirtual().start(() -> {
            try {
                List<ReceivedMessage> batch = new ArrayList<>();
                while (!Thread.currentThread().isInterrupted()) {
                    batch.clear();
                    requester.inbound().drainTo(batch, 100, 100, TimeUnit.MILLISECONDS);
                    batch.forEach(rr::offer);
                }
            } catch (InterruptedException ignored) {
                // stop
            }
        });
        try {
            String responseTopic = RequestReply.defaultResponseTopic(topic, "tester");
            RequestReply.Reply reply = rr.send(Composition.text(topic, "{\"sku\":\"X-1\"}", 1, false), responseTopic, Duration.ofSeconds(10))
                    .get(15, TimeUnit.SECONDS);
            assertThat(new String(reply.message().payload())).isEqualTo("42.50");
            assertThat(reply.responseTopic()).isEqualTo(topic + "/reply/tester");
            assertThat(reply.roundTrip()).isPositive().isLessThan(Duration.ofSeconds(10));
            responder.join(5000);

            assertThatThrownBy(() -> rr.send(Composition.text(topic + "/nobody", "x", 1, false), topic + "/nobody/reply", Duration.ofMillis(300))
                    .join()).isInstanceOf(CompletionException.class).hasCauseInstanceOf(TimeoutException.class)
                    .hasMessageContaining("No reply on " + topic + "/nobody/reply within 0.3 s");
        } finally {
            pump.interrupt();
        }
    }
}
