package io.mqttworkbench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.sandbox.SandboxBroker;
import io.mqttworkbench.sandbox.SandboxEndpoints;
import io.mqttworkbench.sandbox.SandboxPorts;
import io.mqttworkbench.sandbox.SandboxTls;
import io.mqttworkbench.testsupport.TestCertificates;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The embedded broker (HiveMQ CE) with a TLS listener that requires client certificates, all made in the
 * test: the right CA and a client certificate connect; a wrong CA, a host name mismatch and a missing
 * client certificate each fail with their own clear sentence.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(MqttEngine.class)
class EmbeddedBrokerTlsTest {

    /** Every test runs on both engines: they must behave the same against the same broker. */
    @Parameter
    MqttEngine engine;

    private ConnectionSettings.Builder settingsFor(BrokerUrl url) {
        return ConnectionSettings.builder(url).engine(engine);
    }

    private static final String PASSWORD = "changeit";
    private static TestCertificates pki;
    private static TestCertificates otherPki;
    private static SandboxBroker broker;
    private static SandboxEndpoints endpoints;

    @BeforeAll
    static void start() throws Exception {
        Path folder = Files.createTempDirectory("hivemq-tls-");
        pki = TestCertificates.create(folder);
        otherPki = TestCertificates.create(Files.createDirectories(folder.resolve("other")));
        Path keystore = folder.resolve("server.jks");
        KeyStore keys = KeyStore.getInstance("JKS");
        keys.load(null, null);
        keys.setKeyEntry("server", TlsContextFactory.readPrivateKey(pki.serverKey(), null), PASSWORD.toCharArray(),
                TlsContextFactory.readCertificates(pki.serverCert(), "server certificate").toArray(Certificate[]::new));
        try (OutputStream out = Files.newOutputStream(keystore)) {
            keys.store(out, PASSWORD.toCharArray());
        }
        Path truststore = folder.resolve("clients.jks");
        KeyStore trusted = KeyStore.getInstance("JKS");
        trusted.load(null, null);
        trusted.setCertificateEntry("test-ca", TlsContextFactory.readCertificates(pki.caCert(), "CA").get(0));
        try (OutputStream out = Files.newOutputStream(truststore)) {
            trusted.store(out, PASSWORD.toCharArray());
        }
        broker = new SandboxBroker(SandboxPorts.ANY, null, new SandboxTls(keystore, PASSWORD, PASSWORD, truststore, PASSWORD, true));
        endpoints = broker.start().get(120, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private ConnectionSettings settings(String host, TlsSettings tls) {
        return settingsFor(BrokerUrl.of(Transport.TLS, host, endpoints.tlsPort()))
                .tls(tls).connectTimeout(Duration.ofSeconds(5)).reconnect(ReconnectPolicy.NEVER).build();
    }

    private static String failure(ConnectionSettings settings) {
        try (BrokerConnection connection = new BrokerConnection("tls", settings)) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> connection.connect().get(20, TimeUnit.SECONDS));
            assertThat(connection.status().state()).isEqualTo(ConnectionState.FAILED);
            return ConnectionException.unwrap(thrown).getMessage();
        }
    }

    @Test
    void acceptsAClientCertificateSignedByTheTrustedCa() throws Exception {
        TlsSettings tls = new TlsSettings(pki.caCert(), pki.clientCert(), pki.clientKeyEncrypted(), pki.clientKeyPassword().toCharArray(), true, false);
        try (BrokerConnection connection = new BrokerConnection("tls", settings("localhost", tls))) {
            connection.connect().get(20, TimeUnit.SECONDS);
            assertThat(connection.status().state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void aWrongCaIsNotTrusted() {
        TlsSettings wrongCa = new TlsSettings(otherPki.caCert(), pki.clientCert(), pki.clientKeyPkcs1(), null, true, false);
        assertThat(failure(settings("localhost", wrongCa))).startsWith("TLS: the broker's certificate is not trusted");
    }

    @Test
    void aHostNameMismatchIsNamed() {
        TlsSettings tls = new TlsSettings(pki.caCert(), pki.clientCert(), pki.clientKeyPkcs1(), null, true, false);
        assertThat(failure(settings("127.0.0.1", tls))).startsWith("TLS: the broker's certificate does not name host '127.0.0.1'");
    }

    @Test
    void aMissingClientCertificateIsRefused() {
        TlsSettings serverOnly = new TlsSettings(pki.caCert(), null, null, null, true, false);
        String message = failure(settings("localhost", serverOnly));
        assertThat(message).doesNotContain("Exception").isNotBlank();
        assertThat(message).matches("TLS.*|The broker closed the connection|The connection to .* was reset");
    }

    @Test
    void aClientCertificateFromAnUntrustedCaIsNamedAsTheLikelyCause() {
        TlsSettings strangerCert = new TlsSettings(pki.caCert(), otherPki.clientCert(), otherPki.clientKeyPkcs1(), null, true, false);
        String message = failure(settings("localhost", strangerCert));
        assertThat(message).contains("probably refused the client certificate").contains(otherPki.clientCert().getFileName().toString());
    }
}
