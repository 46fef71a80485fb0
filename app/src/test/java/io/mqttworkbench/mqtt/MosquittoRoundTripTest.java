package io.mqttworkbench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.testsupport.Mosquitto;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The engine against a second broker implementation: mosquitto, over TCP and WebSocket, MQTT 5 and 3.1.1. */
@ParameterizedClass(name = "{0}")
@EnumSource(MqttEngine.class)
class MosquittoRoundTripTest {

    /** Every test runs on both engines: they must behave the same against the same broker. */
    @Parameter
    MqttEngine engine;

    private ConnectionSettings.Builder settingsFor(BrokerUrl url) {
        return ConnectionSettings.builder(url).engine(engine);
    }

    private static Mosquitto mosquitto;

    @BeforeAll
    static void start() throws Exception {
        mosquitto = Mosquitto.startOrSkip();
    }

    @AfterAll
    static void stop() throws Exception {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    static Stream<Arguments> versionsAndTransports() {
        return Stream.of(MqttVersion.values()).flatMap(v -> Stream.of(Arguments.of(v, "tcp"), Arguments.of(v, "ws")));
    }

    @ParameterizedTest(name = "MQTT {0} over {1}")
    @MethodSource("versionsAndTransports")
    void roundTrip(MqttVersion version, String transport) throws Exception {
        BrokerUrl url = transport.equals("ws") ? mosquitto.websocketUrl() : mosquitto.tcpUrl();
        try (BrokerConnection connection = new BrokerConnection("mosquitto", settingsFor(url).version(version).build())) {
            connection.connect().get(15, TimeUnit.SECONDS);
            String topic = "engine/" + ClientIds.randomSuffix(6);
            assertThat(connection.subscribe(SubscriptionRequest.of(topic, 2)).get(10, TimeUnit.SECONDS).grantedQos()).isEqualTo(2);

            MessageProperties properties = version == MqttVersion.V5
                    ? MessageProperties.NONE.withUserProperties(List.of(new UserProperty("k", "1"), new UserProperty("k", "2")))
                    : MessageProperties.NONE;
            PublishOutcome outcome = connection.publish(new PublishRequest(topic, "payload".getBytes(StandardCharsets.UTF_8), 2, true, properties))
                    .get(10, TimeUnit.SECONDS);
            assertThat(outcome.success()).isTrue();

            ReceivedMessage message = Messages.awaitOne(connection.inbound(), topic);
            assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("payload");
            assertThat(message.qos()).isEqualTo(2);
            assertThat(message.properties().userProperties()).isEqualTo(properties.userProperties());

            connection.publish(new PublishRequest(topic, new byte[0], 1, true)).get(10, TimeUnit.SECONDS); // clear the retained message
        }
    }
}
