package io.mqttworkbench.sandbox;

import java.nio.file.Path;

/**
 * An extra TLS listener for the sandbox broker, on a free loopback port: a Java keystore holding the
 * server key and certificate, and optionally a truststore of client CAs with client certificates required.
 */
public record SandboxTls(Path keystore, String keystorePassword, String privateKeyPassword, Path truststore,
                         String truststorePassword, boolean requireClientCertificate) {
}
