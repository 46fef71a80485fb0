package io.mqttworkbench.profile;

import com.nimbusds.jose.JWSAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to put in a test token signed with a shared secret. An invalid request cannot be built: the constructor
 * throws {@link IllegalArgumentException} with a message fit to show the user as it is. A secret shorter than the
 * hash is valid but comes with a {@link #warning()}.
 *
 * @param secret      the shared secret, used as its UTF-8 bytes (not base64-decoded)
 * @param algorithm   the HMAC algorithm
 * @param subject     the {@code sub} claim, or null for none
 * @param extraClaims further claims in order; see {@link JwtGenerator#claimValue(String)} for how values are typed
 * @param lifetime    from now to {@code exp}, or null for a token that never expires; a negative lifetime makes a
 *                    token that has already expired, for seeing how a broker refuses one
 */
public record JwtRequest(String secret, Algorithm algorithm, String subject, Map<String, String> extraClaims, Duration lifetime) {

    /** Claims the generator sets itself, from the clock, the lifetime and the subject. */
    private static final Set<String> OWN_CLAIMS = Set.of("iat", "exp", "sub");

    /** Far enough for any test, near enough that {@code exp} stays a sane date. */
    private static final Duration LONGEST = Duration.ofDays(100 * 365L);

    /** The shared-secret (HMAC) algorithms; RFC 7518 asks for a key at least as long as the hash. */
    public enum Algorithm {
        HS256(JWSAlgorithm.HS256, "HmacSHA256", 32),
        HS384(JWSAlgorithm.HS384, "HmacSHA384", 48),
        HS512(JWSAlgorithm.HS512, "HmacSHA512", 64);

        private final JWSAlgorithm jws;
        private final String jcaName;
        private final int minimumSecretBytes;

        Algorithm(JWSAlgorithm jws, String jcaName, int minimumSecretBytes) {
            this.jws = jws;
            this.jcaName = jcaName;
            this.minimumSecretBytes = minimumSecretBytes;
        }

        public JWSAlgorithm jws() {
            return jws;
        }

        /** The name {@link javax.crypto.Mac} knows it by. */
        public String jcaName() {
            return jcaName;
        }

        public int minimumSecretBytes() {
            return minimumSecretBytes;
        }

        /** Accepts "HS256", "hs256" and so on; anything else is refused with the choices. */
        public static Algorithm parse(String text) {
            String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
            for (Algorithm algorithm : values()) {
                if (algorithm.name().equals(name)) {
                    return algorithm;
                }
            }
            throw new CheckProblemException(CheckProblem.Rule.JWT_ALGORITHM, text);
        }
    }

    public JwtRequest {
        Objects.requireNonNull(algorithm, "algorithm");
        if (secret == null || secret.isEmpty()) {
            throw new CheckProblemException(CheckProblem.Rule.JWT_SECRET_EMPTY);
        }
        if (subject != null && subject.isEmpty()) {
            subject = null;
        }
        Map<String, String> claims = new LinkedHashMap<>();
        if (extraClaims != null) {
            extraClaims.forEach((name, value) -> {
                if (name == null || name.isBlank()) {
                    throw new CheckProblemException(CheckProblem.Rule.JWT_CLAIM_NAME);
                }
                if (OWN_CLAIMS.contains(name)) {
                    throw new CheckProblemException(name.equals("sub") ? CheckProblem.Rule.JWT_CLAIM_FROM_SUBJECT : CheckProblem.Rule.JWT_CLAIM_FROM_CLOCK,
                            name);
                }
                claims.put(name, Objects.requireNonNull(value, "claim value"));
            });
        }
        extraClaims = Collections.unmodifiableMap(claims);
        if (lifetime != null && (lifetime.compareTo(LONGEST) > 0 || lifetime.compareTo(LONGEST.negated()) < 0)) {
            throw new CheckProblemException(CheckProblem.Rule.JWT_LIFETIME, lifetime.toDays());
        }
    }

    /**
     * Why the token may be refused, when the secret is shorter than the hash: RFC 7518 (section 3.2) forbids
     * such keys, yet brokers take them and EMQX's own examples use them, so the token is made all the same.
     */
    public Optional<String> warning() {
        return warningProblem().map(CheckProblem::message);
    }

    /** {@link #warning()} in parts, for the window's language. */
    public Optional<CheckProblem> warningProblem() {
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes >= algorithm.minimumSecretBytes()) {
            return Optional.empty();
        }
        return Optional.of(CheckProblem.of(CheckProblem.Rule.JWT_SHORT_SECRET, algorithm, algorithm.minimumSecretBytes(), bytes));
    }

    /** Never shows the secret, so a request can be logged. */
    @Override
    public String toString() {
        return "JwtRequest[algorithm=" + algorithm + ", subject=" + subject + ", extraClaims=" + extraClaims
                + ", lifetime=" + lifetime + ", secret=(" + secret.getBytes(StandardCharsets.UTF_8).length + " bytes)]";
    }
}
