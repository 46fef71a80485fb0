package io.mqttworkbench.mqtt;

import java.nio.file.Path;

/**
 * TLS material, all in PEM files as brokers hand them out. Empty fields mean "use the JVM default":
 * no CA file trusts the system's authorities, no client certificate means no mutual TLS.
 */
public record TlsSettings(Path caFile, Path clientCertificateFile, Path clientKeyFile, char[] keyPassword,
                          boolean verifyHostname, boolean trustAnyCertificate) {

    public static final TlsSettings DEFAULT = new TlsSettings(null, null, null, null, true, false);

    public TlsSettings {
        if ((clientCertificateFile == null) != (clientKeyFile == null)) {
            throw new IllegalArgumentException("A client certificate needs its private key, and a key needs its certificate");
        }
        keyPassword = keyPassword == null ? null : keyPassword.clone();
    }

    public boolean hasClientCertificate() {
        return clientCertificateFile != null;
    }

    @Override
    public char[] keyPassword() {
        return keyPassword == null ? null : keyPassword.clone();
    }

    @Override
    public String toString() {
        // Never print the key password.
        return "TlsSettings[ca=" + caFile + ", cert=" + clientCertificateFile + ", key=" + clientKeyFile
                + ", verifyHostname=" + verifyHostname + ", trustAny=" + trustAnyCertificate + "]";
    }
}
