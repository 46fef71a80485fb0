package io.mqttworkbench.profile;

import io.mqttworkbench.mqtt.ConnectionException;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.mqtt.TlsContextFactory;
import io.mqttworkbench.mqtt.TopicValidator;
import io.mqttworkbench.profile.CheckProblem.Quantity;
import io.mqttworkbench.profile.CheckProblem.Rule;
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
        return text == null || text.isBlank() ? FieldCheck.error(Rule.NAME_MISSING) : FieldCheck.OK;
    }

    public static FieldCheck host(String text) {
        if (text == null || text.isBlank()) {
            return FieldCheck.error(Rule.HOST_MISSING);
        }
        String host = text.strip();
        if (host.contains("://")) {
            return FieldCheck.error(Rule.HOST_IS_URL);
        }
        if (host.chars().anyMatch(Character::isWhitespace)) {
            return FieldCheck.error(Rule.HOST_SPACES);
        }
        if (host.contains("/")) {
            return FieldCheck.error(Rule.HOST_SLASH);
        }
        return FieldCheck.OK;
    }

    public static FieldCheck port(String text) {
        return wholeNumber(text, 1, 65535, Quantity.PORT);
    }

    /** A whole number in [min, max]; {@code what} is the field the message names. */
    public static FieldCheck wholeNumber(String text, long min, long max, Quantity what) {
        if (text == null || text.isBlank()) {
            return FieldCheck.error(Rule.NUMBER_MISSING, what);
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value < min || value > max) {
                return FieldCheck.error(Rule.NUMBER_OUT_OF_RANGE, what, min, max);
            }
            return FieldCheck.OK;
        } catch (NumberFormatException e) {
            return FieldCheck.error(Rule.NUMBER_NOT_WHOLE, what, text.strip());
        }
    }

    /** Like {@link #wholeNumber} but empty means "not set". */
    public static FieldCheck optionalWholeNumber(String text, long min, long max, Quantity what) {
        return text == null || text.isBlank() ? FieldCheck.OK : wholeNumber(text, min, max, what);
    }

    public static FieldCheck websocketPath(String text) {
        if (text == null || text.isBlank()) {
            return FieldCheck.warning(Rule.NO_WEBSOCKET_PATH);
        }
        return text.strip().chars().anyMatch(Character::isWhitespace) ? FieldCheck.error(Rule.PATH_SPACES) : FieldCheck.OK;
    }

    public static FieldCheck clientId(String text, MqttVersion version) {
        if (text == null || text.isEmpty()) {
            return FieldCheck.info(Rule.CLIENT_ID_GENERATED);
        }
        if (text.length() > 65535) {
            return FieldCheck.error(Rule.CLIENT_ID_TOO_LONG);
        }
        if (version == MqttVersion.V3_1_1 && !STRICT_CLIENT_ID.matcher(text).matches()) {
            return FieldCheck.warning(Rule.CLIENT_ID_STRICT);
        }
        return FieldCheck.OK;
    }

    public static FieldCheck willTopic(String text) {
        return text == null || text.isEmpty() ? FieldCheck.error(Rule.WILL_TOPIC_MISSING)
                : TopicValidator.topicProblem(text).map(p -> FieldCheck.error(Rule.TOPIC, p)).orElse(FieldCheck.OK);
    }

    public static FieldCheck subscriptionFilter(String text) {
        return TopicValidator.filterProblem(text == null ? "" : text).map(p -> FieldCheck.error(Rule.TOPIC, p)).orElse(FieldCheck.OK);
    }

    /** What the password field holds: nothing to say for a password; for a JWT, who it is for and whether it still works. */
    public static FieldCheck password(String text, Instant now) {
        if (text == null || text.isEmpty()) {
            return FieldCheck.OK;
        }
        return JwtToken.tryParse(text).map(token -> {
            if (token.isExpired(now)) {
                return FieldCheck.warning(Rule.JWT_EXPIRED, token.summaryOf(now));
            }
            if (token.notYetValid(now)) {
                return FieldCheck.warning(Rule.JWT_NOT_YET_VALID, token.summaryOf(now));
            }
            return FieldCheck.info(Rule.JWT, token.summaryOf(now));
        }).orElse(FieldCheck.OK);
    }

    /** The CA file exists and holds certificates. Reads the file. */
    public static FieldCheck caFile(String text) {
        if (text == null || text.isBlank()) {
            return FieldCheck.info(Rule.CA_SYSTEM);
        }
        Path file;
        try {
            file = Path.of(text.strip());
        } catch (InvalidPathException e) {
            return notAPath(text);
        }
        try {
            List<X509Certificate> certificates = TlsContextFactory.readCertificates(file, "CA certificate file");
            return certificates.size() == 1 ? FieldCheck.info(Rule.CA_ONE, subject(certificates.get(0)))
                    : FieldCheck.info(Rule.CA_MANY, certificates.size());
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
            return FieldCheck.error(hasCertificate ? Rule.CERTIFICATE_NEEDS_KEY : Rule.KEY_NEEDS_CERTIFICATE);
        }
        try {
            List<X509Certificate> chain = TlsContextFactory.readCertificates(Path.of(certificateText.strip()), "Client certificate file");
            PrivateKey key = TlsContextFactory.readPrivateKey(Path.of(keyText.strip()), keyPassword);
            if (!TlsContextFactory.keyMatchesCertificate(key, chain.get(0))) {
                return FieldCheck.error(Rule.KEY_MISMATCH);
            }
            X509Certificate certificate = chain.get(0);
            if (certificate.getNotAfter().toInstant().isBefore(Instant.now())) {
                return FieldCheck.warning(Rule.CERTIFICATE_EXPIRED, certificate.getNotAfter().toInstant());
            }
            return FieldCheck.info(Rule.CERTIFICATE_OK, subject(certificate));
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
            return FieldCheck.error(Rule.FILE_MISSING, file);
        }
        return Files.isReadable(file) ? FieldCheck.OK : FieldCheck.error(Rule.FILE_UNREADABLE, file);
    }

    private static FieldCheck notAPath(String text) {
        return FieldCheck.error(Rule.NOT_A_PATH, text.strip());
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
