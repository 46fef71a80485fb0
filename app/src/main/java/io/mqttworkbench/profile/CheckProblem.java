package io.mqttworkbench.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a profile field's check found, as a rule and the values its sentence needs, so the window can say it in
 * its own language; {@link #message()} is the English sentence. A value is a {@link Quantity}, a
 * {@link io.mqttworkbench.mqtt.TopicProblem}, a {@link JwtToken.Summary} or plain text and numbers.
 */
public record CheckProblem(Rule rule, List<Object> values) {

    public enum Rule {
        NAME_MISSING("Give the profile a name"),
        HOST_MISSING("Enter the broker's host name or IP address"),
        HOST_IS_URL("Only the host goes here; paste a whole URL into the URL field above to fill every part"),
        HOST_SPACES("A host name has no spaces"),
        HOST_SLASH("A host name has no '/': the WebSocket path has its own field"),
        NUMBER_MISSING("%s is missing"),
        NUMBER_OUT_OF_RANGE("%s must be between %s and %s"),
        NUMBER_NOT_WHOLE("%s must be a whole number, not '%s'"),
        NO_WEBSOCKET_PATH("No path: most brokers serve WebSockets at /mqtt"),
        PATH_SPACES("A path has no spaces"),
        CLIENT_ID_GENERATED("Empty: a client id is generated for each connection"),
        CLIENT_ID_TOO_LONG("A client id has at most 65535 characters"),
        CLIENT_ID_STRICT("MQTT 3.1.1 brokers need only accept 1-23 letters and digits; some refuse this id"),
        WILL_TOPIC_MISSING("A last will needs a topic"),
        TOPIC("%s"),
        JWT("%s"),
        JWT_EXPIRED("%s: the broker will refuse it"),
        JWT_NOT_YET_VALID("%s: not valid yet"),
        CA_SYSTEM("Empty: the system's certificate authorities are trusted"),
        CA_ONE("1 certificate: %s"),
        CA_MANY("%s certificates"),
        CERTIFICATE_NEEDS_KEY("The client certificate needs its private key file"),
        KEY_NEEDS_CERTIFICATE("The private key needs its client certificate file"),
        KEY_MISMATCH("This key does not belong to the client certificate"),
        CERTIFICATE_EXPIRED("The client certificate expired on %s"),
        CERTIFICATE_OK("Certificate for %s, key matches"),
        FILE_MISSING("%s does not exist"),
        FILE_UNREADABLE("%s cannot be read"),
        NOT_A_PATH("'%s' is not a valid file path"),
        JWT_ALGORITHM("the algorithm must be HS256, HS384 or HS512 (signed with a shared secret), not '%s'"),
        JWT_SECRET_EMPTY("the secret is empty"),
        JWT_CLAIM_NAME("a claim needs a name"),
        JWT_CLAIM_FROM_SUBJECT("the claim '%s' comes from the subject; do not give it as an extra claim"),
        JWT_CLAIM_FROM_CLOCK("the claim '%s' comes from the lifetime and the clock; do not give it as an extra claim"),
        JWT_LIFETIME("the lifetime must be within 100 years, not %s days"),
        JWT_SHORT_SECRET("%s wants a secret of at least %s bytes and this one has %s: RFC 7518 (section 3.2) says shorter keys "
                + "MUST NOT be used. Signed anyway, as many brokers accept them.");

        private final String english;

        Rule(String english) {
            this.english = english;
        }
    }

    /** The number fields, as the sentences about them name them. */
    public enum Quantity {
        PORT("The port"), SESSION_EXPIRY("The session expiry"), KEEP_ALIVE("The keep-alive"), CONNECT_TIMEOUT("The connect timeout"),
        RECONNECT_MAX_DELAY("The longest wait between attempts"), WILL_DELAY("The will delay"), MESSAGE_EXPIRY("The message expiry"),
        AGE_DAYS("The age limit in days"), AGE_HOURS("The age limit in hours"), SIZE_MIB("The size limit in MiB"),
        SIZE_GIB("The size limit in GiB");

        private final String english;

        Quantity(String english) {
            this.english = english;
        }

        public String english() {
            return english;
        }
    }

    public CheckProblem {
        values = List.copyOf(values);
    }

    public static CheckProblem of(Rule rule, Object... values) {
        return new CheckProblem(rule, Arrays.asList(values));
    }

    /** The explanation in English. */
    public String message() {
        return String.format(Locale.ROOT, rule.english, values.stream().map(CheckProblem::english).toArray());
    }

    private static Object english(Object value) {
        return switch (value) {
            case Quantity q -> q.english();
            case io.mqttworkbench.mqtt.TopicProblem p -> p.message();
            case JwtToken.Summary s -> s.message();
            default -> value;
        };
    }
}
