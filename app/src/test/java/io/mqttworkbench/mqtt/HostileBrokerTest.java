package io.mqttworkbench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.testsupport.Conditions;
import io.mqttworkbench.testsupport.FakeBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A broker that breaks the rules: the connection must not go on saying "connected" while a client
 * library's receive thread lies dead, and what the broker did is told in words. Every engine and
 * protocol version, against a small fake broker that sends what real ones never do.
 */
@ParameterizedClass(name = "{0} {1}")
@MethodSource("engines")
class HostileBrokerTest {
    @Parameter(0)
    MqttEngine engine;
    @Parameter(1)
    MqttVersion version;

    private final List<BrokerConnection> opened = new ArrayList<>();

    static List<Object[]> engines() {
        List<Object[]> all = new ArrayList<>();
        for (MqttEngine engine : MqttEngine.values()) {
            for (MqttVersion version : MqttVersion.values()) {
                all.add(new Object[] {engine, version});
            }
        }
        return all;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(BrokerConnection::close);
    }

    /** Connects through the fake broker and subscribes: the broker's bad packet follows the SUBACK. */
    private BrokerConnection subscribedTo(FakeBroker broker) throws Exception {
        BrokerConnection connection = new BrokerConnection("hostile", ConnectionSettings.builder(BrokerUrl.of(Transport.TCP, "127.0.0.1", broker.port()))
                .engine(engine).version(version).keepAlive(Duration.ofSeconds(30))
                .reconnect(new ReconnectPolicy(true, Duration.ofSeconds(5), Duration.ofSeconds(30))).build());
        opened.add(connection);
        connection.connect().get(10, TimeUnit.SECONDS);
        connection.subscribe(SubscriptionRequest.of("a/#", 1)).get(10, TimeUnit.SECONDS);
        return connection;
    }

    private static boolean logged(BrokerConnection connection, String text) {
        return connection.events().stream().anyMatch(e -> e.text().contains(text));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"QOS_3", "NUL_IN_TOPIC"})
    void aMalformedPublishEndsTheConnectionWithinASecondSaysWhyAndReconnects(Malformed malformed) throws Exception {
        try (FakeBroker broker = new FakeBroker(malformed::packet)) {
            BrokerConnection connection = subscribedTo(broker);
            long start = System.nanoTime();

            Conditions.awaitTrue("the connection ends", Duration.ofSeconds(2), () -> connection.status().state() != ConnectionState.CONNECTED);
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(1));
            assertThat(connection.events()).anySatisfy(e -> assertThat(e.text()).contains(malformed.words));
            // The first retry goes out at once; the broker is answered again.
            Conditions.awaitTrue("a reconnect", Duration.ofSeconds(3), () -> broker.connects() >= 2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"WILDCARD_IN_TOPIC", "INVALID_UTF8", "PACKET_ID_ZERO"})
    void aForbiddenTopicOrPacketIdIsFlaggedInTheEventLog(Malformed malformed) throws Exception {
        // HiveMQ MQTT Client acknowledges a packet id 0 and keeps the id to itself: only Paho's report can be checked.
        Assumptions.assumeFalse(malformed == Malformed.PACKET_ID_ZERO && engine == MqttEngine.HIVEMQ,
                "HiveMQ MQTT Client does not expose packet identifiers");
        try (FakeBroker broker = new FakeBroker(malformed::packet)) {
            BrokerConnection connection = subscribedTo(broker);
            // Either the engine refuses the packet (and says so when it drops the connection) or it delivers it,
            // and then the event log flags it: never printed as if nothing were wrong.
            Conditions.awaitTrue("a flag in the event log", Duration.ofSeconds(3),
                    () -> logged(connection, malformed.words) || logged(connection, malformed.engineWords), () -> connection.events().toString());
        }
    }

    enum Malformed {
        QOS_3("a malformed PUBLISH: QoS 3", null) {
            @Override
            byte[] packet(int level) {
                return FakeBroker.publish(0x36, bytes("a/b"), 7, level, "x");
            }
        },
        NUL_IN_TOPIC("NUL character", null) {
            @Override
            byte[] packet(int level) {
                return FakeBroker.publish("a/\0b", level, "x");
            }
        },
        WILDCARD_IN_TOPIC("holds the wildcard '#'", "wildcard") {
            @Override
            byte[] packet(int level) {
                return FakeBroker.publish("a/#", level, "x");
            }
        },
        INVALID_UTF8("not valid UTF-8", "not UTF-8") {
            @Override
            byte[] packet(int level) {
                return FakeBroker.publish(0x30, new byte[] {'a', '/', (byte) 0xC3, 0x28}, null, level, "x");
            }
        },
        PACKET_ID_ZERO("packet identifier 0", "packet identifier 0") {
            @Override
            byte[] packet(int level) {
                return FakeBroker.publish(0x32, bytes("a/b"), 0, level, "x");
            }
        };

        final String words;
        final String engineWords;

        Malformed(String words, String engineWords) {
            this.words = words;
            this.engineWords = engineWords == null ? words : engineWords;
        }

        abstract byte[] packet(int level);

        private static byte[] bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
