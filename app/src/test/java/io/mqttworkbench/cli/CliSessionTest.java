package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ClientIds;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.testsupport.Conditions;
import io.mqttworkbench.testsupport.TcpProxy;
import io.mqttworkbench.testsupport.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sub -c -i ID} through a connection cut five times while QoS 1 messages flow, as {@code mosquitto_sub -c}
 * is used: the broker keeps the session, the client is back at once, and nothing is lost (duplicates of
 * what was in flight are allowed, as QoS 1 says).
 */
class CliSessionTest {
    private static final int MESSAGES = 5_000;
    private static final int CUTS = 5;

    @ParameterizedTest
    @ValueSource(strings = {"hivemq", "paho"})
    void aPersistentSessionLosesNoQos1MessageAcrossFiveDroppedConnections(String engine) throws Exception {
        String topic = "cli/kills/" + ClientIds.randomSuffix(6);
        String id = "cli-kills-" + ClientIds.randomSuffix(6);
        try (TcpProxy proxy = new TcpProxy(TestBroker.endpoints().tcpPort());
             BrokerConnection publisher = new BrokerConnection("publisher", ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            publisher.connect().get(10, TimeUnit.SECONDS);
            Cli.Running sub = Cli.start("sub", "--engine", engine, "-u", "mqtt://127.0.0.1:" + proxy.port(), "-t", topic, "-q", "1",
                    "-c", "-i", id, "--timeout", "20");
            Conditions.awaitTrue("subscribed", Duration.ofSeconds(10), () -> proxy.connections() > 0);
            Thread.sleep(1000); // the SUBACK: from here on the broker keeps the session's messages

            List<CompletableFuture<?>> sent = new ArrayList<>();
            int perCut = MESSAGES / (CUTS + 1);
            int cuts = 0;
            for (int i = 0; i < MESSAGES; i++) {
                sent.add(publisher.publish(new PublishRequest(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8), 1, false)));
                if (i % 100 == 99) {
                    Thread.sleep(10);
                }
                if (i % perCut == perCut / 2 && cuts > 0) {
                    int before = cuts;
                    // the messages since the cut went to the broker while the client was away; it must be back by now
                    Conditions.awaitTrue("reconnected", Duration.ofSeconds(10), () -> proxy.connections() > before);
                }
                if (i % perCut == perCut - 1 && cuts < CUTS) {
                    proxy.cutAll(); // like a broker restart seen from the client: the socket dies mid-flow
                    cuts++;
                }
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            Conditions.awaitTrue("every message printed", Duration.ofSeconds(20), () -> received(sub.outputSoFar()).size() >= MESSAGES);
            Cli.Run run = sub.result().get(40, TimeUnit.SECONDS);

            Set<Integer> got = received(run.out());
            long lines = run.out().lines().count();
            System.out.printf("sub -c (%s) across %d dropped connections: %d of %d QoS 1 messages, %d duplicates%n",
                    engine, CUTS, got.size(), MESSAGES, lines - got.size());
            assertThat(proxy.connections()).isGreaterThanOrEqualTo(CUTS + 1);
            assertThat(got).hasSize(MESSAGES);
            assertThat(run.err()).contains("sub: Reconnecting");
        }
    }

    private static Set<Integer> received(String out) {
        Set<Integer> got = new TreeSet<>();
        for (String line : out.lines().toList()) {
            int tab = line.indexOf('\t');
            String number = tab < 0 ? "" : line.substring(tab + 1);
            if (!number.isEmpty() && number.chars().allMatch(Character::isDigit)) { // the last line may still be half written
                got.add(Integer.parseInt(number));
            }
        }
        return got;
    }
}
