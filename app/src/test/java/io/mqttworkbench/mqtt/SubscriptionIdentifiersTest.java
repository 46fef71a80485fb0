package io.mqttworkbench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.testsupport.Mosquitto;
import io.mqttworkbench.testsupport.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Overlapping subscriptions against embedded HiveMQ CE (which takes subscription identifiers): each
 * subscription gets its own identifier, so each delivered copy names the subscription it came through.
 */
class SubscriptionIdentifiersTest {
    private final List<BrokerConnection> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(BrokerConnection::close);
    }

    private BrokerConnection connected(MqttEngine engine, MqttVersion version) throws Exception {
        return connected(TestBroker.tcpUrl(), engine, version);
    }

    private BrokerConnection connected(BrokerUrl url, MqttEngine engine, MqttVersion version) throws Exception {
        BrokerConnection c = new BrokerConnection("subid-" + opened.size(),
                ConnectionSettings.builder(url).engine(engine).version(version).build());
        opened.add(c);
        c.connect().get(15, TimeUnit.SECONDS);
        return c;
    }

    @ParameterizedTest
    @EnumSource(MqttEngine.class)
    void eachOverlappingSubscriptionGetsItsOwnIdentifierAndEachCopyNamesIt(MqttEngine engine) throws Exception {
        BrokerConnection subscriber = connected(engine, MqttVersion.V5);
        BrokerConnection publisher = connected(MqttEngine.PAHO, MqttVersion.V5);
        String base = "test/subid/" + ClientIds.randomSuffix(8);
        String all = base + "/#";
        String press = base + "/+/press3/#";
        subscriber.subscribe(List.of(SubscriptionRequest.of(all, 1), SubscriptionRequest.of(press, 1))).get(10, TimeUnit.SECONDS);

        String topic = base + "/line1/press3/temp";
        publisher.publish(new PublishRequest(topic, "21.5".getBytes(StandardCharsets.UTF_8), 1, false)).get(10, TimeUnit.SECONDS);

        List<ReceivedMessage> copies = Messages.collect(subscriber.inbound(), Duration.ofMillis(1500)).stream()
                .filter(m -> m.topic().equals(topic)).toList();
        List<String> named = new ArrayList<>();
        copies.forEach(m -> m.properties().subscriptionIdentifiers().forEach(id -> named.addAll(subscriber.filtersOfSubscriptionIdentifier(id, m.receivedEpochMillis()))));
        assertThat(named).containsExactlyInAnyOrder(all, press);
        if (copies.size() == 2) { // a copy per subscription: each names only its own
            assertThat(copies).allSatisfy(m -> assertThat(m.properties().subscriptionIdentifiers()).hasSize(1));
        }
    }

    @ParameterizedTest
    @EnumSource(MqttEngine.class)
    void mosquittoSendsACopyPerSubscriptionEachNamingItsOwn(MqttEngine engine) throws Exception {
        try (Mosquitto mosquitto = Mosquitto.startOrSkip()) {
            BrokerConnection subscriber = connected(mosquitto.tcpUrl(), engine, MqttVersion.V5);
            BrokerConnection publisher = connected(mosquitto.tcpUrl(), MqttEngine.PAHO, MqttVersion.V5);
            subscriber.subscribe(List.of(SubscriptionRequest.of("#", 0), SubscriptionRequest.of("factory/+/press3/#", 0))).get(10, TimeUnit.SECONDS);

            publisher.publish(new PublishRequest("factory/a/press3/temp", "21.5".getBytes(StandardCharsets.UTF_8), 0, false))
                    .get(10, TimeUnit.SECONDS);

            List<ReceivedMessage> copies = Messages.await(subscriber.inbound(), 2, m -> m.topic().equals("factory/a/press3/temp"),
                    Duration.ofSeconds(10));
            assertThat(copies).allSatisfy(m -> assertThat(m.properties().subscriptionIdentifiers()).hasSize(1));
            assertThat(copies).extracting(m -> subscriber.filtersOfSubscriptionIdentifier(m.properties().subscriptionIdentifiers().get(0), m.receivedEpochMillis()))
                    .containsExactlyInAnyOrder(List.of("#"), List.of("factory/+/press3/#"));
        }
    }

    @ParameterizedTest
    @EnumSource(MqttEngine.class)
    void messagesThatCarryOnlyTheirSubscriptionShareOnePropertiesObject(MqttEngine engine) throws Exception {
        BrokerConnection subscriber = connected(engine, MqttVersion.V5);
        String topic = "test/subid/" + ClientIds.randomSuffix(8);
        subscriber.subscribe(SubscriptionRequest.of(topic, 1)).get(10, TimeUnit.SECONDS);
        for (String value : List.of("1", "2")) {
            subscriber.publish(new PublishRequest(topic, value.getBytes(StandardCharsets.UTF_8), 1, false)).get(10, TimeUnit.SECONDS);
        }
        List<ReceivedMessage> both = Messages.await(subscriber.inbound(), 2, m -> m.topic().equals(topic), Duration.ofSeconds(10));
        assertThat(both.get(0).properties().subscriptionIdentifiers()).hasSize(1);
        assertThat(both.get(1).properties()).as("a row costs no more than one without properties").isSameAs(both.get(0).properties());
    }

    @Test
    void keepsTheUsersIdentifierAndNumbersAroundIt() throws Exception {
        BrokerConnection subscriber = connected(MqttEngine.PAHO, MqttVersion.V5);
        String base = "test/subid/" + ClientIds.randomSuffix(8);
        subscriber.subscribe(new SubscriptionRequest(base + "/a", 0, false, false, 0, 1)).get(10, TimeUnit.SECONDS);
        subscriber.subscribe(SubscriptionRequest.of(base + "/b", 0)).get(10, TimeUnit.SECONDS);
        subscriber.subscribe(SubscriptionRequest.of(base + "/b", 1)).get(10, TimeUnit.SECONDS); // edited: keeps its number

        Map<String, Integer> idByFilter = new HashMap<>();
        subscriber.subscriptions().forEach(r -> idByFilter.put(r.filter(), r.subscriptionIdentifier()));
        assertThat(idByFilter).containsEntry(base + "/a", 1).containsEntry(base + "/b", 2);
    }

    @Test
    void mqtt311SendsNoIdentifiers() throws Exception {
        BrokerConnection subscriber = connected(MqttEngine.PAHO, MqttVersion.V3_1_1);
        String filter = "test/subid/" + ClientIds.randomSuffix(8) + "/#";
        assertThat(subscriber.subscribe(SubscriptionRequest.of(filter, 0)).get(10, TimeUnit.SECONDS).granted()).isTrue();
        assertThat(subscriber.subscriptions()).extracting(SubscriptionRequest::subscriptionIdentifier).containsOnlyNulls();
    }
}
