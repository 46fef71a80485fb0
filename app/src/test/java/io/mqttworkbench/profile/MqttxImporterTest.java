package io.mqttworkbench.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.LastWill;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.mqtt.ReconnectPolicy;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.TlsSettings;
import io.mqttworkbench.mqtt.Transport;
import io.mqttworkbench.mqtt.UserProperty;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttxImporterTest {

    static String resource(String name) throws IOException {
        try (InputStream in = MqttxImporterTest.class.getResourceAsStream("/imports/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsThePlainMqtt5ConnectionWithEveryField() throws IOException {
        ImportResult result = MqttxImporter.read(resource("mqttx-export.json"));

        assertThat(result.profiles()).extracting(Profile::name).containsExactly("Plant sensors", "Cloud broker (mTLS)", "Browser gateway");
        Profile p = result.profiles().get(0);
        ConnectionSettings s = p.settings();
        assertThat(s.url()).isEqualTo(new BrokerUrl(Transport.TCP, "broker.plant.example", 1883, ""));
        assertThat(s.version()).isEqualTo(MqttVersion.V5);
        assertThat(s.clientId()).isEqualTo("mqttx_3f2a9c1d");
        assertThat(p.randomClientIdSuffix()).isTrue();
        assertThat(s.cleanStart()).isFalse();
        assertThat(s.sessionExpiry()).isEqualTo(Duration.ofSeconds(7200));
        assertThat(s.keepAlive()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.reconnect()).isEqualTo(new ReconnectPolicy(true, Duration.ofMillis(5000), Duration.ofMillis(5000)));
        assertThat(s.username()).isEqualTo("sensor-reader");
        assertThat(s.password()).containsExactly("s3cret!".toCharArray());
        assertThat(p.askForPassword()).isFalse();
        assertThat(s.tls()).isEqualTo(TlsSettings.DEFAULT);
        assertThat(p.folder()).isEqualTo("Factory");
        assertThat(p.color()).as("MQTTX has no connection colour").isEmpty();
        assertThat(p.kind()).isEqualTo(Profile.Kind.BROKER);
        assertThat(p.id()).isNotBlank().isNotEqualTo("0b5c2d9e-7a41-4f3b-8e6d-1c2a3b4d5e6f");

        LastWill will = s.lastWill();
        assertThat(will.topic()).isEqualTo("plant/gateway/status");
        assertThat(new String(will.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"online\":false}");
        assertThat(will.qos()).isEqualTo(1);
        assertThat(will.retain()).isTrue();
        assertThat(will.delaySeconds()).isEqualTo(5L);
        MessageProperties wp = will.properties();
        assertThat(wp.payloadFormatUtf8()).isTrue();
        assertThat(wp.messageExpirySeconds()).isEqualTo(3600L);
        assertThat(wp.contentType()).isEqualTo("application/json");
        assertThat(wp.responseTopic()).isEqualTo("plant/gateway/ack");
        assertThat(wp.correlationData()).isEqualTo("gw-1".getBytes(StandardCharsets.UTF_8));
        assertThat(wp.userProperties()).containsExactly(new UserProperty("site", "north"), new UserProperty("line", "a"),
                new UserProperty("line", "b"));

        assertThat(p.subscriptions()).containsExactly(
                new SavedSubscription(new SubscriptionRequest("plant/+/temperature", 1, true, true, 1, 7), "#34C388", false),
                new SavedSubscription(new SubscriptionRequest("$share/loggers/plant/#", 2, false, false, 2, null), "#6ECBEE", false),
                new SavedSubscription(SubscriptionRequest.of("plant/debug/#", 0), "#E7CE6B", true));

        assertThat(result.notes()).filteredOn(n -> n.startsWith("Connection 1 'Plant sensors': ")).containsExactly(
                "Connection 1 'Plant sensors': MQTTX 'clientIdWithTime' (a timestamp appended to the client id on each connect) "
                        + "became the random client id suffix",
                "Connection 1 'Plant sensors': MQTT 5 connect properties receiveMaximum, topicAliasMaximum have no profile setting "
                        + "and were left out",
                "Connection 1 'Plant sensors': subscription aliases have no place in a profile and were left out "
                        + "('all plant' for '$share/loggers/plant/#')");
    }

    @Test
    void readsTheMutualTlsConnectionKeepingThePaths() throws IOException {
        ImportResult result = MqttxImporter.read(resource("mqttx-export.json"));

        Profile p = result.profiles().get(1);
        ConnectionSettings s = p.settings();
        assertThat(s.url()).isEqualTo(new BrokerUrl(Transport.TLS, "mqtt.example.com", 8883, ""));
        assertThat(s.version()).isEqualTo(MqttVersion.V3_1_1);
        assertThat(s.clientId()).isEqualTo("device-42");
        assertThat(p.randomClientIdSuffix()).isFalse();
        assertThat(s.cleanStart()).isTrue();
        assertThat(s.sessionExpiry()).isEqualTo(Duration.ZERO);
        assertThat(s.keepAlive()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.reconnect().enabled()).isFalse();
        assertThat(s.username()).isEqualTo("device-42");
        assertThat(s.hasPassword()).as("an empty MQTTX password means none").isFalse();
        TlsSettings tls = s.tls();
        assertThat(tls.caFile()).isEqualTo(Path.of("/home/ana/certs/ca.crt"));
        assertThat(tls.clientCertificateFile()).isEqualTo(Path.of("/home/ana/certs/device-42.crt"));
        assertThat(tls.clientKeyFile()).isEqualTo(Path.of("/home/ana/certs/device-42.key"));
        assertThat(tls.keyPassword()).isNull();
        assertThat(tls.trustAnyCertificate()).as("rejectUnauthorized false").isTrue();
        assertThat(tls.verifyHostname()).isFalse();
        assertThat(s.lastWill()).as("MQTTX's empty will").isNull();
        assertThat(p.folder()).isEmpty();
        assertThat(p.color()).isEmpty();
        assertThat(p.subscriptionRequests()).containsExactly(SubscriptionRequest.of("devices/42/commands/#", 1));

        assertThat(result.notes()).filteredOn(n -> n.startsWith("Connection 2 ")).containsExactly(
                "Connection 2 'Cloud broker (mTLS)': TLS ALPN protocols (mqtt) have no profile setting and were left out");
    }

    @Test
    void readsTheSecureWebSocketConnection() throws IOException {
        ImportResult result = MqttxImporter.read(resource("mqttx-export.json"));

        Profile p = result.profiles().get(2);
        ConnectionSettings s = p.settings();
        assertThat(s.url()).isEqualTo(new BrokerUrl(Transport.SECURE_WEBSOCKET, "ws.example.com", 8084, "/mqtt"));
        assertThat(s.url().toString()).isEqualTo("wss://ws.example.com:8084/mqtt");
        assertThat(s.version()).isEqualTo(MqttVersion.V5);
        assertThat(s.clientId()).isEqualTo("mqttx_9b1e5a27");
        assertThat(s.cleanStart()).isTrue();
        assertThat(s.sessionExpiry()).isEqualTo(Duration.ZERO);
        assertThat(s.keepAlive()).isEqualTo(Duration.ofSeconds(45));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.reconnect()).isEqualTo(new ReconnectPolicy(true, Duration.ofSeconds(2), Duration.ofSeconds(2)));
        assertThat(s.username()).isEqualTo("web");
        assertThat(s.password()).containsExactly("p@ss word".toCharArray());
        assertThat(s.tls()).as("certType 'server': the system's authorities, verified").isEqualTo(TlsSettings.DEFAULT);
        assertThat(s.lastWill()).isNull();
        assertThat(p.subscriptionRequests()).containsExactly(new SubscriptionRequest("web/+/events", 0, false, true, 0, null));
        assertThat(result.notes()).noneMatch(n -> n.startsWith("Connection 3 "));
    }

    @Test
    void readsOneConnectionExportedOnItsOwn() {
        String json = """
                {"clientId": "solo", "name": "Solo", "host": "h", "port": 1884, "ssl": false, "mqttVersion": "3.1.1",
                 "clean": true, "keepalive": 20, "connectTimeout": 5, "reconnect": true}
                """;
        ImportResult result = MqttxImporter.read(json);

        assertThat(result.profiles()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Solo");
            assertThat(p.settings().url()).isEqualTo(new BrokerUrl(Transport.TCP, "h", 1884, ""));
            assertThat(p.settings().keepAlive()).isEqualTo(Duration.ofSeconds(20));
            assertThat(p.settings().reconnect()).as("MQTTX's fixed 4 s period when none is stored")
                    .isEqualTo(new ReconnectPolicy(true, Duration.ofSeconds(4), Duration.ofSeconds(4)));
        });
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void readsOlderRecordsWithoutProtocolOrVersion() {
        String json = """
                [{"clientId": "old", "name": "Old", "host": "h", "port": 8883, "ssl": true, "certType": "server",
                  "clean": true, "keepalive": 60, "connectTimeout": 10, "reconnect": false,
                  "will": {"lastWillTopic": "a/b", "lastWillPayload": "bye", "lastWillQos": "2", "lastWillRetain": false}}]
                """;
        Profile p = MqttxImporter.read(json).profiles().get(0);

        assertThat(p.settings().url().transport()).isEqualTo(Transport.TLS);
        assertThat(p.settings().version()).isEqualTo(MqttVersion.V3_1_1);
        assertThat(p.settings().lastWill()).isEqualTo(new LastWill("a/b", "bye".getBytes(StandardCharsets.UTF_8), 2, false));
    }

    @Test
    void saysWhatItChangedOrLeftOut() {
        String json = """
                [{"clientId": "c", "name": "Legacy", "host": "h", "port": 1883, "protocol": "mqtt", "mqttVersion": "3.1",
                  "parentId": "gone"},
                 {"clientId": "c2", "name": "Pasted", "host": "h", "port": 8883, "protocol": "mqtts", "ssl": true,
                  "certType": "self", "ca": "-----BEGIN CERTIFICATE-----\\nMIIB...\\n-----END CERTIFICATE-----",
                  "cert": "/certs/client.crt", "key": "", "mqttVersion": "5.0",
                  "will": {"lastWillTopic": "bad/#", "lastWillPayload": "x"},
                  "subscriptions": [{"topic": "ok/#", "qos": 1}, {"topic": "bad/#/more", "qos": 0}]}]
                """;
        ImportResult result = MqttxImporter.read(json);

        assertThat(result.profiles()).hasSize(2);
        assertThat(result.profiles().get(0).settings().version()).isEqualTo(MqttVersion.V3_1_1);
        assertThat(result.profiles().get(0).folder()).isEmpty();
        Profile pasted = result.profiles().get(1);
        assertThat(pasted.settings().tls()).isEqualTo(new TlsSettings(null, null, null, null, true, false));
        assertThat(pasted.settings().lastWill()).isNull();
        assertThat(pasted.subscriptionRequests()).containsExactly(SubscriptionRequest.of("ok/#", 1));
        assertThat(result.notes()).containsExactly(
                "Connection 1 'Legacy': it was in an MQTTX collection that is not part of this export, so it goes to the top level",
                "Connection 1 'Legacy': MQTT 3.1 is not supported, the profile uses MQTT 3.1.1",
                "Connection 2 'Pasted': CA certificate kept as text could not be used: save it to a file and set it in the TLS section",
                "Connection 2 'Pasted': a client certificate needs its key and a key its certificate; the certificate given alone "
                        + "was left out: set both in the TLS section",
                "Connection 2 'Pasted': the last will on 'bad/#' was left out: Topic 'bad/#' contains a wildcard (+ or #): "
                        + "wildcards are only allowed in subscription filters",
                "Connection 2 'Pasted': subscription 'bad/#/more' was left out: Filter 'bad/#/more': # must be the last level");
    }

    @Test
    void readsWillPropertiesInEveryShapeMqttxWrites() {
        String json = """
                [{"clientId": "c", "name": "Shapes", "host": "h", "port": 1883, "protocol": "mqtt", "mqttVersion": "5.0",
                  "will": {"lastWillTopic": "t", "lastWillPayload": "", "lastWillQos": 0, "lastWillRetain": false,
                           "userProperties": "{\\"k\\":\\"v\\"}", "contentType": "",
                           "properties": {"correlationData": {"type": "Buffer", "data": [1, 2, 255]}, "payloadFormatIndicator": false}}}]
                """;
        LastWill will = MqttxImporter.read(json).profiles().get(0).settings().lastWill();

        assertThat(will.properties().userProperties()).containsExactly(new UserProperty("k", "v"));
        assertThat(will.properties().correlationData()).containsExactly(1, 2, -1);
        assertThat(will.properties().payloadFormatUtf8()).isFalse();
        assertThat(will.properties().contentType()).as("MQTTX's empty content type means none").isNull();
        assertThat(will.delaySeconds()).isNull();
    }

    @Test
    void followsNestedCollections() {
        String json = """
                [{"id": "a", "name": "Customers", "isCollection": true, "parentId": null},
                 {"id": "b", "name": "ACME / EU", "isCollection": true, "parentId": "a"},
                 {"clientId": "c", "name": "ACME prod", "host": "h", "port": 1883, "protocol": "mqtt", "mqttVersion": "5.0", "parentId": "b"},
                 {"id": "t", "name": "Lab", "isCollection": true, "children": [
                   {"clientId": "d", "name": "Bench", "host": "h", "port": 1883, "protocol": "mqtt", "mqttVersion": "5.0"}]}]
                """;
        List<Profile> profiles = MqttxImporter.read(json).profiles();

        assertThat(profiles).extracting(Profile::name, Profile::folder)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ACME prod", "Customers/ACME - EU"),
                        org.assertj.core.groups.Tuple.tuple("Bench", "Lab"));
    }

    @Test
    void leavesOutAConnectionItCannotReadAndKeepsTheOthers() {
        String json = """
                [{"clientId": "a", "name": "Broken", "host": "h", "port": 0, "protocol": "mqtt", "mqttVersion": "5.0"},
                 {"clientId": "b", "name": "Wrong type", "host": "h", "port": "many", "protocol": "mqtt", "mqttVersion": "5.0"},
                 {"clientId": "c", "name": "Fine", "host": "h", "port": 1883, "protocol": "mqtt", "mqttVersion": "5.0"}]
                """;
        ImportResult result = MqttxImporter.read(json);

        assertThat(result.profiles()).extracting(Profile::name).containsExactly("Fine");
        assertThat(result.notes()).containsExactly(
                "Connection 1 'Broken' was not imported: port 0 is outside 1-65535",
                "Connection 2 'Wrong type' was not imported: 'port' is not a whole number: \"many\"");
    }

    @Test
    void rejectsWhatIsNotAnMqttxExport() {
        assertThatThrownBy(() -> MqttxImporter.read("{\"a\": 1}"))
                .isInstanceOf(ProfileFormatException.class).hasMessageContaining("not an MQTTX export");
        assertThatThrownBy(() -> MqttxImporter.read("[]"))
                .isInstanceOf(ProfileFormatException.class).hasMessage("the MQTTX export holds no connections");
        assertThatThrownBy(() -> MqttxImporter.read("[{\"host\": \"h\", \"clean\": true}, 3]"))
                .isInstanceOf(ProfileFormatException.class).hasMessage("not an MQTTX export: entry 2 of the list is not an object");
        assertThatThrownBy(() -> MqttxImporter.read("[{\"host\": \"h\",,"))
                .isInstanceOf(ProfileFormatException.class).hasMessageStartingWith("not valid JSON (");
        assertThatThrownBy(() -> MqttxImporter.read("  "))
                .isInstanceOf(ProfileFormatException.class).hasMessage("the file is empty");
    }
}
