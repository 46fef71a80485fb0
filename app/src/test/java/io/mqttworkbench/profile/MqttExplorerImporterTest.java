package io.mqttworkbench.profile;

import static io.mqttworkbench.profile.MqttxImporterTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.mqtt.ReconnectPolicy;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.TlsSettings;
import io.mqttworkbench.mqtt.Transport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttExplorerImporterTest {

    @TempDir
    Path folder;

    /** The PEM text MQTT Explorer embedded for one certificate of the first sample connection. */
    private static byte[] embedded(String settings, String field) {
        JsonObject connection = JsonParser.parseString(settings).getAsJsonObject()
                .getAsJsonObject(MqttExplorerImporter.SETTINGS_KEY)
                .getAsJsonObject("5b0e6f3a-2c1d-4e8b-9f7a-1d2c3b4a5e6f");
        return Base64.getDecoder().decode(connection.getAsJsonObject(field).get("data").getAsString());
    }

    @Test
    void readsTheEncryptedConnectionAndWritesItsCertificates() throws Exception {
        String settings = resource("mqtt-explorer-settings.json");
        ImportResult result = MqttExplorerImporter.read(settings, folder.resolve("certs"));

        assertThat(result.profiles()).extracting(Profile::name).containsExactly("Factory gateway", "Home Assistant");
        Profile p = result.profiles().get(0);
        ConnectionSettings s = p.settings();
        assertThat(s.url()).isEqualTo(new BrokerUrl(Transport.TLS, "mqtt.factory.example", 8883, ""));
        assertThat(s.version()).as("MQTT.js 4 default").isEqualTo(MqttVersion.V3_1_1);
        assertThat(s.clientId()).isEqualTo("factory-gw-explorer");
        assertThat(p.randomClientIdSuffix()).isFalse();
        assertThat(s.cleanStart()).isTrue();
        assertThat(s.keepAlive()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.reconnect()).isEqualTo(ReconnectPolicy.DEFAULT);
        assertThat(s.username()).isEqualTo("gateway");
        assertThat(s.password()).containsExactly("gw-secret".toCharArray());
        assertThat(s.lastWill()).isNull();
        assertThat(p.folder()).isEmpty();
        assertThat(p.color()).isEmpty();
        assertThat(p.subscriptionRequests()).containsExactly(SubscriptionRequest.of("factory/#", 1), SubscriptionRequest.of("$SYS/#", 0));

        Path certs = folder.resolve("certs").toAbsolutePath();
        TlsSettings tls = s.tls();
        assertThat(tls.caFile()).isEqualTo(certs.resolve("Factory-gateway-ca.pem"));
        assertThat(tls.clientCertificateFile()).isEqualTo(certs.resolve("Factory-gateway-cert.pem"));
        assertThat(tls.clientKeyFile()).isEqualTo(certs.resolve("Factory-gateway-key.pem"));
        assertThat(tls.verifyHostname()).isTrue();
        assertThat(tls.trustAnyCertificate()).isFalse();
        assertThat(tls.keyPassword()).isNull();

        assertThat(Files.readAllBytes(tls.caFile())).isEqualTo(embedded(settings, "selfSignedCertificate"));
        assertThat(Files.readAllBytes(tls.clientCertificateFile())).isEqualTo(embedded(settings, "clientCertificate"));
        assertThat(Files.readAllBytes(tls.clientKeyFile())).isEqualTo(embedded(settings, "clientKey"));
        assertThat(Files.readString(tls.clientKeyFile())).startsWith("-----BEGIN PRIVATE KEY-----");
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(tls.caFile())));
        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=Test Broker CA");

        assertThat(result.notes()).containsExactly(
                "Connection 1 'Factory gateway': CA certificate 'factory-ca.pem' embedded in the export was written to " + tls.caFile(),
                "Connection 1 'Factory gateway': client certificate 'gateway.crt' embedded in the export was written to "
                        + tls.clientCertificateFile(),
                "Connection 1 'Factory gateway': client key 'gateway.key' embedded in the export was written to " + tls.clientKeyFile());
    }

    @Test
    void writesCertificatesForTheOwnerOnly() throws IOException {
        assumeThat(folder.getFileSystem().supportedFileAttributeViews()).contains("posix");
        ImportResult result = MqttExplorerImporter.read(resource("mqtt-explorer-settings.json"), folder.resolve("certs"));

        TlsSettings tls = result.profiles().get(0).settings().tls();
        for (Path file : new Path[] {tls.caFile(), tls.clientCertificateFile(), tls.clientKeyFile()}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("certs")))).isEqualTo("rwx------");
    }

    @Test
    void readsTheWebSocketConnection() throws IOException {
        ImportResult result = MqttExplorerImporter.read(resource("mqtt-explorer-settings.json"), folder);

        Profile p = result.profiles().get(1);
        ConnectionSettings s = p.settings();
        assertThat(s.url()).isEqualTo(new BrokerUrl(Transport.WEBSOCKET, "homeassistant.local", 1884, "/mqtt"));
        assertThat(s.version()).isEqualTo(MqttVersion.V3_1_1);
        assertThat(s.clientId()).as("none stored: a random one per connection").isEmpty();
        assertThat(s.username()).isEqualTo("explorer");
        assertThat(s.password()).containsExactly("hunter2".toCharArray());
        assertThat(s.tls()).isEqualTo(TlsSettings.DEFAULT);
        assertThat(p.subscriptionRequests()).containsExactly(SubscriptionRequest.of("homeassistant/#", 0),
                SubscriptionRequest.of("zigbee2mqtt/+/availability", 2));
        assertThat(result.notes()).noneMatch(n -> n.startsWith("Connection 2 "));
    }

    @Test
    void importingTheSameFileTwiceReusesTheCertificateFiles() throws IOException {
        String settings = resource("mqtt-explorer-settings.json");
        Path first = MqttExplorerImporter.read(settings, folder).profiles().get(0).settings().tls().caFile();
        Path second = MqttExplorerImporter.read(settings, folder).profiles().get(0).settings().tls().caFile();
        assertThat(second).isEqualTo(first);

        Files.writeString(first, "someone else's file");
        Path third = MqttExplorerImporter.read(settings, folder).profiles().get(0).settings().tls().caFile();
        assertThat(third).isEqualTo(folder.toAbsolutePath().resolve("Factory-gateway-ca-2.pem"));
        assertThat(Files.readString(first)).as("never overwritten").isEqualTo("someone else's file");
    }

    @Test
    void readsTheConnectionsExportAndTheOldestSubscriptionShape() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        String json = """
                {"one": {"configVersion": 1, "type": "mqtt", "id": "one", "name": "Lab / bench #1", "host": "lab", "port": 8884,
                         "protocol": "ws", "basePath": "/ws", "encryption": true, "certValidation": false,
                         "selfSignedCertificate": {"name": "lab.pem", "data": "%s"},
                         "subscriptions": ["lab/#", "$SYS/broker/uptime"]}}
                """.formatted(Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8)));
        ImportResult result = MqttExplorerImporter.read(json, folder);

        Profile p = result.profiles().get(0);
        assertThat(p.settings().url()).isEqualTo(new BrokerUrl(Transport.SECURE_WEBSOCKET, "lab", 8884, "/ws"));
        assertThat(p.settings().tls().trustAnyCertificate()).isTrue();
        assertThat(p.settings().tls().verifyHostname()).isFalse();
        assertThat(p.settings().tls().caFile()).isEqualTo(folder.toAbsolutePath().resolve("Lab-bench-1-ca.pem"));
        assertThat(p.subscriptionRequests()).containsExactly(SubscriptionRequest.of("lab/#", 0), SubscriptionRequest.of("$SYS/broker/uptime", 0));
    }

    @Test
    void saysWhyACertificateCouldNotBeCarriedOver() {
        String json = """
                {"ConnectionManager_connections": {
                  "a": {"configVersion": 1, "type": "mqtt", "name": "No folder", "host": "h", "port": 8883, "protocol": "mqtt",
                        "encryption": true, "certValidation": true, "selfSignedCertificate": {"name": "ca.pem", "data": "LS0tLS1CRUdJTg=="},
                        "subscriptions": []},
                  "b": {"configVersion": 1, "type": "mqtt", "name": "Half a pair", "host": "h", "port": 8883, "protocol": "mqtt",
                        "encryption": true, "certValidation": true, "clientKey": {"name": "k.pem", "data": "not base64!"},
                        "clientCertificate": {"name": "c.pem", "data": "LS0tLS1CRUdJTg=="}, "subscriptions": []},
                  "c": {"configVersion": 1, "type": "mqtt", "name": "Plain", "host": "h", "port": 1883, "protocol": "mqtt",
                        "encryption": false, "certValidation": true, "selfSignedCertificate": {"name": "ca.pem", "data": "LS0tLS1CRUdJTg=="},
                        "subscriptions": []}}}
                """;
        ImportResult withoutFolder = MqttExplorerImporter.read(json, null);

        assertThat(withoutFolder.profiles()).hasSize(3);
        assertThat(withoutFolder.profiles().get(0).settings().tls().caFile()).isNull();
        assertThat(withoutFolder.profiles().get(1).settings().tls().hasClientCertificate()).isFalse();
        assertThat(withoutFolder.notes()).containsExactly(
                "Connection 1 'No folder': CA certificate 'ca.pem' embedded in the export was not saved (no folder for certificates "
                        + "was given): save it to a file and set it in the TLS section",
                "Connection 2 'Half a pair': client certificate 'c.pem' embedded in the export was not saved (no folder for "
                        + "certificates was given): save it to a file and set it in the TLS section",
                "Connection 2 'Half a pair': client key 'k.pem' embedded in the export is not valid base64 and was left out",
                "Connection 3 'Plain': its certificates were not imported: encryption is off for it, so MQTT Explorer did not use them either");

        ImportResult withFolder = MqttExplorerImporter.read(json, folder);
        assertThat(withFolder.notes()).contains("Connection 2 'Half a pair': a client certificate needs its key and a key its certificate; "
                + "the certificate without its partner is not used: set both in the TLS section");
    }

    @Test
    void saysWhenTheFolderCannotBeWritten() throws IOException {
        Path blocked = Files.writeString(folder.resolve("a-file"), "in the way");
        String json = """
                {"a": {"configVersion": 1, "type": "mqtt", "name": "TLS", "host": "h", "port": 8883, "protocol": "mqtt",
                       "encryption": true, "certValidation": true, "selfSignedCertificate": {"data": "LS0tLS1CRUdJTg=="}}}
                """;
        ImportResult result = MqttExplorerImporter.read(json, blocked.resolve("certs"));

        assertThat(result.profiles().get(0).settings().tls().caFile()).isNull();
        assertThat(result.notes()).singleElement().asString()
                .startsWith("Connection 1 'TLS': CA certificate embedded in the export could not be written to " + blocked.resolve("certs") + " (")
                .endsWith("): save it to a file and set it in the TLS section");
    }

    @Test
    void leavesOutWhatIsNotAnMqttConnection() {
        String json = """
                {"ConnectionManager_connections": {
                  "s": {"configVersion": 1, "type": "sparkplug", "name": "Other", "host": "h", "port": 1883},
                  "t": {"configVersion": 1, "type": "mqtt", "name": "No host", "host": "", "port": 1883},
                  "u": {"configVersion": 1, "type": "mqtt", "name": "Ok", "host": "h", "port": 1883, "protocol": "mqtt"}}}
                """;
        ImportResult result = MqttExplorerImporter.read(json, folder);

        assertThat(result.profiles()).extracting(Profile::name).containsExactly("Ok");
        assertThat(result.notes()).containsExactly(
                "Connection 1 'Other' was not imported: it is of type 'sparkplug', not an MQTT connection",
                "Connection 2 'No host' was not imported: it has no host");
    }

    @Test
    void rejectsWhatIsNotAnMqttExplorerFile() {
        assertThatThrownBy(() -> MqttExplorerImporter.read("[1, 2]", folder))
                .isInstanceOf(ProfileFormatException.class).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> MqttExplorerImporter.read("{\"theme\": \"dark\"}", folder))
                .isInstanceOf(ProfileFormatException.class).hasMessage("not an MQTT Explorer settings or connections file");
        assertThatThrownBy(() -> MqttExplorerImporter.read("{\"ConnectionManager_connections\": {}}", folder))
                .isInstanceOf(ProfileFormatException.class).hasMessage("the MQTT Explorer file holds no connections");
        assertThatThrownBy(() -> MqttExplorerImporter.read("{\"ConnectionManager_connections\": [1]}", folder))
                .isInstanceOf(ProfileFormatException.class).hasMessageContaining("is not a set of connections");
        assertThatThrownBy(() -> MqttExplorerImporter.read("{", folder))
                .isInstanceOf(ProfileFormatException.class).hasMessageStartingWith("not valid JSON (");
    }
}
