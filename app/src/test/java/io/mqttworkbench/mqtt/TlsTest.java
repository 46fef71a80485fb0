package io.mqttworkbench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.testsupport.Mosquitto;
import io.mqttworkbench.testsupport.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TLS against mosquitto with a throw-away PKI: what works connects, and every kind of wrong certificate
 * fails with a sentence that says what is wrong, not a stack trace.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(MqttEngine.class)
class TlsTest {

    /** Every test runs on both engines: they must behave the same against the same broker. */
    @Parameter
    MqttEngine engine;

    private ConnectionSettings.Builder settingsFor(BrokerUrl url) {
        return ConnectionSettings.builder(url).engine(engine);
    }

    private static Path folder;
    private static TestCertificates pki;
    private static Mosquitto mosquitto;

    @BeforeAll
    static void start() throws Exception {
        folder = Files.createTempDirectory("tls-test-");
        pki = TestCertificates.create(folder);
        mosquitto = Mosquitto.startOrSkip("/mosquitto/mosquitto-tls.conf", Map.of(
                "caFile", pki.caCert().toString(), "certFile", pki.serverCert().toString(), "keyFile", pki.serverKey().toString()),
                "tlsPort", "mutualTlsPort", "wssPort");
    }

    @AfterAll
    static void stop() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    private ConnectionSettings.Builder tls(String host, String port, TlsSettings tls) {
        return settingsFor(BrokerUrl.of(Transport.TLS, host, mosquitto.port(port)))
                .tls(tls).connectTimeout(Duration.ofSeconds(5)).reconnect(ReconnectPolicy.NEVER);
    }

    private static ConnectionException failure(ConnectionSettings settings) {
        try (BrokerConnection connection = new BrokerConnection("tls", settings)) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> connection.connect().get(20, TimeUnit.SECONDS));
            assertThat(connection.status().state()).isEqualTo(ConnectionState.FAILED);
            return ConnectionException.unwrap(thrown);
        }
    }

    @Test
    void connectsAndRoundTripsWithTheCaFile() throws Exception {
        TlsSettings trusted = new TlsSettings(pki.caCert(), null, null, null, true, false);
        try (BrokerConnection connection = new BrokerConnection("tls", tls("localhost", "tlsPort", trusted).build())) {
            connection.connect().get(20, TimeUnit.SECONDS);
            connection.subscribe(SubscriptionRequest.of("tls/test", 1)).get(10, TimeUnit.SECONDS);
            connection.publish(new PublishRequest("tls/test", "secret".getBytes(StandardCharsets.UTF_8), 1, false)).get(10, TimeUnit.SECONDS);
            assertThat(new String(Messages.awaitOne(connection.inbound(), "tls/test").payload(), StandardCharsets.UTF_8)).isEqualTo("secret");
        }
    }

    @ParameterizedTest(name = "MQTT {0}")
    @EnumSource(MqttVersion.class)
    void roundTripsOverTlsAndSecureWebSocketWithEitherVersion(MqttVersion version) throws Exception {
        TlsSettings trusted = new TlsSettings(pki.caCert(), null, null, null, true, false);
        BrokerUrl tls = BrokerUrl.of(Transport.TLS, "localhost", mosquitto.port("tlsPort"));
        BrokerUrl wss = new BrokerUrl(Transport.SECURE_WEBSOCKET, "localhost", mosquitto.port("wssPort"), "/mqtt");
        for (BrokerUrl url : List.of(tls, wss)) {
            try (BrokerConnection connection = new BrokerConnection("tls", settingsFor(url).version(version).tls(trusted)
                    .connectTimeout(Duration.ofSeconds(5)).reconnect(ReconnectPolicy.NEVER).build())) {
                connection.connect().get(20, TimeUnit.SECONDS);
                String topic = "tls/" + url.transport().scheme() + "/" + ClientIds.randomSuffix(6);
                connection.subscribe(SubscriptionRequest.of(topic, 2)).get(10, TimeUnit.SECONDS);
                connection.publish(new PublishRequest(topic, "over ".concat(url.toString()).getBytes(StandardCharsets.UTF_8), 2, false))
                        .get(10, TimeUnit.SECONDS);
                assertThat(new String(Messages.awaitOne(connection.inbound(), topic).payload(), StandardCharsets.UTF_8))
                        .isEqualTo("over " + url);
            }
        }
    }

    @Test
    void anUntrustedCertificateSaysSo() {
        ConnectionException failure = failure(tls("localhost", "tlsPort", TlsSettings.DEFAULT).build());
        assertThat(failure.getMessage()).startsWith("TLS: the broker's certificate is not trusted").contains("CA certificate file");
    }

    @Test
    void aHostNameTheCertificateDoesNotNameSaysSo() {
        TlsSettings trusted = new TlsSettings(pki.caCert(), null, null, null, true, false);
        ConnectionException failure = failure(tls("127.0.0.1", "tlsPort", trusted).build());
        assertThat(failure.getMessage()).startsWith("TLS: the broker's certificate does not name host '127.0.0.1'");
    }

    @Test
    void hostNameCheckAndTrustCanBeSwitchedOffForTestBrokers() throws Exception {
        TlsSettings noHostCheck = new TlsSettings(pki.caCert(), null, null, null, false, false);
        try (BrokerConnection connection = new BrokerConnection("tls", tls("127.0.0.1", "tlsPort", noHostCheck).build())) {
            connection.connect().get(20, TimeUnit.SECONDS);
        }
        TlsSettings trustAnything = new TlsSettings(null, null, null, null, true, true);
        try (BrokerConnection connection = new BrokerConnection("tls", tls("127.0.0.1", "tlsPort", trustAnything).build())) {
            connection.connect().get(20, TimeUnit.SECONDS);
            assertThat(connection.status().state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void mutualTlsWithAnEncryptedPkcs8Key() throws Exception {
        TlsSettings withClientCertificate = new TlsSettings(pki.caCert(), pki.clientCert(), pki.clientKeyEncrypted(),
                pki.clientKeyPassword().toCharArray(), true, false);
        try (BrokerConnection connection = new BrokerConnection("mtls", tls("localhost", "mutualTlsPort", withClientCertificate).build())) {
            connection.connect().get(20, TimeUnit.SECONDS);
            assertThat(connection.status().state()).isEqualTo(ConnectionState.CONNECTED);
        }
        TlsSettings pkcs1 = new TlsSettings(pki.caCert(), pki.clientCert(), pki.clientKeyPkcs1(), null, true, false);
        try (BrokerConnection connection = new BrokerConnection("mtls", tls("localhost", "mutualTlsPort", pkcs1).build())) {
            connection.connect().get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void clientCertificateProblemsAreNamedBeforeConnecting() {
        assertThat(failure(tls("localhost", "mutualTlsPort", new TlsSettings(pki.caCert(), pki.clientCert(), pki.clientKeyEncrypted(),
                "wrong".toCharArray(), true, false)).build()).getMessage())
                .isEqualTo("Private key file " + pki.clientKeyEncrypted() + " could not be decrypted: wrong key password?");
        assertThat(failure(tls("localhost", "mutualTlsPort", new TlsSettings(pki.caCert(), pki.clientCert(), pki.clientKeyEncrypted(),
                null, true, false)).build()).getMessage())
                .isEqualTo("Private key file " + pki.clientKeyEncrypted() + " is encrypted: a key password is needed");
        assertThat(failure(tls("localhost", "mutualTlsPort", new TlsSettings(pki.caCert(), pki.clientCert(), pki.strayKey(),
                null, true, false)).build()).getMessage())
                .isEqualTo("Private key " + pki.strayKey() + " does not match client certificate " + pki.clientCert());
        assertThat(failure(tls("localhost", "mutualTlsPort", new TlsSettings(folder.resolve("missing.pem"), null, null,
                null, true, false)).build()).getMessage())
                .isEqualTo("CA certificate file " + folder.resolve("missing.pem") + " does not exist");
        assertThat(failure(tls("localhost", "mutualTlsPort", new TlsSettings(pki.serverKey(), null, null,
                null, true, false)).build()).getMessage())
                .startsWith("CA certificate file " + pki.serverKey() + " is not a PEM certificate");
    }

    @Test
    void aMissingClientCertificateIsRefusedByTheBroker() {
        TlsSettings serverOnly = new TlsSettings(pki.caCert(), null, null, null, true, false);
        ConnectionException failure = failure(tls("localhost", "mutualTlsPort", serverOnly).build());
        assertThat(failure.getMessage()).isEqualTo("TLS: the broker at localhost:" + mosquitto.port("mutualTlsPort")
                + " wants a client certificate it trusts (set the client certificate and private key)");
    }

    @Test
    void aClientCertificateFromAnUntrustedCaIsNamedAsTheLikelyCause() throws Exception {
        TestCertificates stranger = TestCertificates.create(Files.createDirectories(folder.resolve("stranger")));
        TlsSettings strangerCert = new TlsSettings(pki.caCert(), stranger.clientCert(), stranger.clientKeyPkcs1(), null, true, false);
        assertThat(failure(tls("localhost", "mutualTlsPort", strangerCert).build()).getMessage()).contains("probably refused the client certificate");
    }

    @Test
    void settingsRefuseACertificateWithoutItsKey() {
        assertThatThrownBy(() -> new TlsSettings(null, pki.clientCert(), null, null, true, false))
                .hasMessageContaining("needs its private key");
    }
}
