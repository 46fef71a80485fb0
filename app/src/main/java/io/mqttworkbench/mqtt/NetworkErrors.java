package io.mqttworkbench.mqtt;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.NoSuchFileException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** Turns what the JDK throws on the way to a broker into one sentence a user can act on. */
final class NetworkErrors {
    private NetworkErrors() {
    }

    /** A readable cause found in the chain, or empty when nothing in it is network-specific. */
    static Optional<String> describe(Throwable failure, BrokerUrl url) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            if (t instanceof UnknownHostException) {
                return Optional.of("Unknown host '" + url.host() + "': check the broker address");
            }
            if (t instanceof ConnectException) {
                return Optional.of("Connection refused by " + url.authority() + ": is the broker running and listening on that port?");
            }
            if (t instanceof NoRouteToHostException || t instanceof SocketException
                    && (lower.contains("unreachable") || lower.contains("host is down"))) {
                return Optional.of("Cannot reach " + url.authority() + " (" + firstLine(message) + "): is the network up?");
            }
            if (t instanceof SocketTimeoutException) {
                return Optional.of("Timed out connecting to " + url.authority());
            }
            if (t instanceof CertPathValidatorException || lower.contains("unable to find valid certification path")
                    || lower.contains("pkix path")) {
                return Optional.of("TLS: the broker's certificate is not trusted (" + firstLine(message)
                        + "). Set the CA certificate file, or switch on 'trust any certificate' for test brokers");
            }
            if (lower.contains("no subject alternative") || lower.contains("hostname") && lower.contains("match")) {
                return Optional.of("TLS: the broker's certificate does not name host '" + url.host()
                        + "' (" + firstLine(message) + "). Turn off hostname verification only for test brokers");
            }
            if (lower.contains("certificate_required") || t instanceof SSLHandshakeException && lower.contains("bad_certificate")) {
                return Optional.of("TLS: the broker at " + url.authority() + " wants a client certificate it trusts"
                        + " (set the client certificate and private key)");
            }
            if (url.transport().secure() && (t instanceof ClosedChannelException || lower.contains("remote host terminated the handshake")
                    || lower.contains("closed while ssl/tls handshake"))) {
                // the answer of a plain listener to a ClientHello: it reads garbage and hangs up, with no TLS alert
                return Optional.of("TLS failed: " + url.authority() + " closed the connection during the TLS handshake. It probably does not"
                        + " speak TLS on this port: plain MQTT is usually on 1883 (mqtt://) and plain WebSocket on ws://; TLS on 8883 (mqtts://)");
            }
            if (t instanceof SSLHandshakeException) {
                return Optional.of("TLS handshake with " + url.authority() + " failed: " + firstLine(message));
            }
            if (t instanceof SSLException && !url.transport().secure() || lower.contains("unrecognized ssl message")) {
                return Optional.of("TLS failed: " + url.authority() + " does not seem to speak TLS (" + firstLine(message) + ")");
            }
            if (t instanceof SSLException) {
                return Optional.of("TLS error with " + url.authority() + ": " + firstLine(message));
            }
            if (t instanceof CertificateException) {
                return Optional.of("Certificate problem: " + firstLine(message));
            }
            if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
                return Optional.of("File not found: " + firstLine(message));
            }
            if (lower.contains("websocket") || lower.contains("upgrade")) {
                return Optional.of("WebSocket handshake with " + url + " failed (" + firstLine(message)
                        + "): check the port and the path, for example /mqtt");
            }
            if (t instanceof EOFException || t instanceof ClosedChannelException) {
                return Optional.of("The broker closed the connection");
            }
            if (t instanceof SocketException && (lower.contains("reset") || lower.contains("broken pipe"))) {
                return Optional.of("The connection to " + url.authority() + " was reset");
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }

    /** Alerts a broker sends about the certificate the client presented, or because it could not verify it. */
    private static final java.util.List<String> CLIENT_CERTIFICATE_ALERTS = java.util.List.of("certificate_unknown", "bad_certificate",
            "unknown_ca", "decrypt_error", "certificate_expired", "certificate_revoked", "unsupported_certificate", "access_denied");

    /**
     * A broker that refuses a client certificate often just resets the connection, or answers with an alert
     * that names no certificate: when we presented one, say that it is the likely cause.
     */
    static ConnectionException withClientCertificateHint(ConnectionException failure, ConnectionSettings settings) {
        TlsSettings tls = settings.tls();
        if (!settings.url().transport().secure() || tls == null || tls.clientCertificateFile() == null || failure.reasonCode() != null) {
            return failure;
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        boolean alert = lower.contains("received fatal alert") && CLIENT_CERTIFICATE_ALERTS.stream().anyMatch(lower::contains);
        boolean dropped = lower.endsWith("was reset") || lower.contains("closed the connection");
        if (!alert && !dropped) {
            return failure;
        }
        return new ConnectionException("TLS: the broker at " + settings.url().authority() + " probably refused the client certificate "
                + tls.clientCertificateFile().getFileName() + " (is it signed by a CA the broker trusts, and still valid?). The broker's answer: "
                + message, null, failure.retryable(), failure);
    }
}
