package io.mqttworkbench.profile;

import io.mqttworkbench.mqtt.ConnectionException;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.mqtt.TlsContextFactory;
import io.mqttworkbench.mqtt.TopicValidator;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks behind the profile editor's "validates as you type": each takes the text of a field and
 * says what is wrong with it in words. The file checks read the disk: call them off the JavaFX thread.
 */
public final class ProfileChecks {
    private static final Pattern STRICT_CLIENT_ID = Pattern.compile("[0-9a-zA-Z]{1,23}");

    private ProfileChecks() {
    }

    public static FieldCheck name(String text) {
        return text == null || text.isBlank() ? FieldCheck.error("Give the profile a name") : FieldCheck.OK;
    }

    public static FieldCheck host(String text) {
        if (text == null || text.isBlank()) {
            return FieldCheck.error("Enter the broker's host name or IP address");
        }
        String host = text.strip();
        if (host.contains("://")) {
            return FieldCheck.error("Only the host goes here; paste a whole URL into the URL field above to fill every part");
        }
        if (host.chars().anyMatch(Character::isWhitespace)) {
            return FieldCheck.error("A host name has no spaces");
        }
        if (host.contains("/")) {
            return FieldCheck.error("A host name has no '/': the WebSocket path has its own field");
        }
        return FieldCheck.OK;
    }

    public static FieldCheck port(String text) {
        return wholeNumber(text, 1, 65535, "The port");
    }

    /** A whole number in [min, max]; {@code what} starts the message ("The keep-alive"). */
    public static FieldCheck wholeNumber(String text, long min, long max, String what) {
        if (text == null || text.isBlank()) {
            return FieldCheck.error(what + " is missing");
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value < min || value > max) {
                return FieldCheck.error(what + " must be between " + min + " and " + max);
            }
            return FieldCheck.OK;
        } catch (NumberFormatException e) {
            return FieldCheck.error(what + " must be a whole number, not '" + text.strip() + "'");
        }
    }

    /** Like {@link #wholeNumber} but empty means "not set". */
    public static FieldCheck optionalWholeNumber(String text, long min, long max, String what) {
        return text == null || text.isBlank() ? FieldCheck.OK : wholeNumber(text, min, max, what);
    }

    public static FieldCheck websocketPath(String text) {
        if (text == null || text.isBlank()) {
            return FieldCheck.warning("No path: most brokers serve WebSockets at /mqtt");
        }
        return text.strip().chars().anyMatch(Character::isWhitespace) ? FieldCheck.error("A path has no spaces") : FieldCheck.OK;
    }

    public static FieldCheck clientId(String text, MqttVersion version) {
        if (text == null || text.isEmpty()) {
            return FieldCheck.info("Empty: a client id is generated for each connection");
        }
        if (text.length() > 65535) {
            return FieldCheck.error("A client id has at most 65535 characters");
        }
        if (version == MqttVersion.V3_1_1 && !STRICT_CLIENT_ID.matcher(text).matches()) {
            return FieldCheck.warning("MQTT 3.1.1 brokers need only accept 1-23 letters and digits; some refuse this id");
        }
        return FieldCheck.OK;
    }

    public static FieldCheck willTopic(String text) {
        return text == null || text.isEmpty() ? FieldCheck.error("A last will needs a topic")
                : TopicValidator.checkTopicName(text).map(FieldCheck::error).orElse(FieldCheck.OK);
    }

    public static FieldCheck subscriptionFilter(String text) {
        return TopicValidator.checkFilter(text == null ? "" : text).map(FieldCheck::error).orElse(FieldCheck.OK);
    }

    /** What the password field holds: nothing to say for a password; for a JWT, who it is for and whether it still works. */
    public static FieldCheck password(String text, Instant now) {
        if (text == null || text.isEmpty()) {
            return FieldCheck.OK;
        }
        return JwtToken.tryParse(text).map(token -> {
            if (token.isExpired(now)) {
                return FieldCheck.warning(token.summary(now) + ": the broker will refuse it");
            }
            if (token.notYetValid(now)) {
                return FieldCheck.warning(token.summary(now) + ": not valid yet");
            }
            return FieldCheck.info(token.summary(now));
        }).orElse(FieldCheck.OK);
    }

    /** The CA file exists and holds certificates. Reads the file. */
    public static FieldCheck caFile(String text) {
        if (text == null || text.isBlank()) {
            return FieldCheck.info("Empty: the system's certificate authorities are trusted");
        }
        Path file;
        try {
            file = Path.of(text.strip());
        } catch (InvalidPathException e) {
            return notAPath(text);
        }
        try {
            List<X509Certificate> certificates = TlsContextFactory.readCertificates(file, "CA certificate file");
            return FieldCheck.info(certificates.size() == 1 ? "1 certificate: " + subject(certificates.get(0))
                    : certificates.size() + " certificates");
        } catch (ConnectionException e) {
            return FieldCheck.error(e.getMessage());
        }
    }

    /**
     * The client certificate and key exist, the key opens with the password, and the two belong
     * together. Reads the files. Returns the verdict for the pair (shown beside the key field).
     */
    public static FieldCheck clientCertificate(String certificateText, String keyText, char[] keyPassword) {
        boolean hasCertificate = certificateText != null && !certificateText.isBlank();
        boolean hasKey = keyText != null && !keyText.isBlank();
        if (!hasCertificate && !hasKey) {
            return FieldCheck.OK;
        }
        if (hasCertificate != hasKey) {
            return FieldCheck.error(hasCertificate ? "The client certificate needs its private key file" : "The private key needs its client certificate file");
        }
        try {
            List<X509Certificate> chain = TlsContextFactory.readCertificates(Path.of(certificateText.strip()), "Client certificate file");
            PrivateKey key = TlsContextFactory.readPrivateKey(Path.of(keyText.strip()), keyPassword);
            if (!TlsContextFactory.keyMatchesCertificate(key, chain.get(0))) {
                return FieldCheck.error("This key does not belong to the client certificate");
            }
            X509Certificate certificate = chain.get(0);
            if (certificate.getNotAfter().toInstant().isBefore(Instant.now())) {
                return FieldCheck.warning("The client certificate expired on " + certificate.getNotAfter().toInstant());
            }
            return FieldCheck.info("Certificate for " + subject(certificate) + ", key matches");
        } catch (ConnectionException e) {
            return FieldCheck.error(e.getMessage());
        } catch (InvalidPathException e) {
            return notAPath(e.getInput());
        }
    }

    /** A file chosen for the editor exists and can be read. */
    public static FieldCheck readableFile(String text) {
        if (text == null || text.isBlank()) {
            return FieldCheck.OK;
        }
        Path file;
        try {
            file = Path.of(text.strip());
        } catch (InvalidPathException e) {
            return notAPath(text);
        }
        if (!Files.exists(file)) {
            return FieldCheck.error(file + " does not exist");
        }
        return Files.isReadable(file) ? FieldCheck.OK : FieldCheck.error(file + " cannot be read");
    }

    private static FieldCheck notAPath(String text) {
        return FieldCheck.error("'" + text.strip() + "' is not a valid file path");
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
