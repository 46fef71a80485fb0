package io.mqttworkbench.profile;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a JSON Web Token used as a password says about itself, decoded without verifying its signature: the
 * workbench never has the broker's key, but "this token expired 3 h ago" explains many a refused connection.
 *
 * <p>The claims of an encrypted token (JWE) cannot be read without the key: such a token has {@link #encrypted()}
 * set, an empty {@link #claimsJson()} of {@code {}} and no subject or times.
 *
 * @param algorithm  the header's {@code alg}, such as {@code HS256}, {@code RS256} or {@code none}
 * @param header     the header parameters, in the token's order
 * @param headerJson the header as pretty-printed JSON, for display
 * @param subject    {@code sub}, or null
 * @param issuer     {@code iss}, or null
 * @param audience   {@code aud}: one entry when the token names a single audience, empty when it names none
 * @param issuedAt   {@code iat}, or null
 * @param notBefore  {@code nbf}, or null
 * @param expiresAt  {@code exp}, or null for a token that never expires
 * @param claimsJson every claim as pretty-printed JSON, for display
 * @param encrypted  whether the token is a JWE, whose claims are hidden
 */
public record JwtToken(String algorithm, Map<String, Object> header, String headerJson, String subject, String issuer,
                       List<String> audience, Instant issuedAt, Instant notBefore, Instant expiresAt, String claimsJson,
                       boolean encrypted) {

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    public JwtToken {
        Objects.requireNonNull(algorithm, "algorithm");
        // Header values may be JSON null, which Map.copyOf refuses; keep the order the token gave.
        header = header == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(header));
        headerJson = headerJson == null ? PRETTY.toJson(header) : headerJson;
        audience = audience == null ? List.of() : List.copyOf(audience);
        claimsJson = claimsJson == null ? "{}" : claimsJson;
    }

    /**
     * Decodes {@code text} as a JWT (signed, unsecured or encrypted) if it is one. Surrounding whitespace and a
     * {@code Bearer } prefix, as copied from an HTTP header, are ignored. Anything else, an ordinary password
     * included, gives an empty result: this never throws.
     */
    public static Optional<JwtToken> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String token = text.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        // A signed or unsecured JWT has three parts, an encrypted one five; counting the dots spares the parser
        // (and its exceptions) for most passwords.
        long dots = token.chars().filter(c -> c == '.').count();
        if (dots != 2 && dots != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(JWTParser.parse(token)));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty(); // not base64url JSON, or JSON that is not a JWT: an ordinary password after all
        }
    }

    private static JwtToken of(JWT jwt) throws ParseException {
        // Nimbus's header and claims objects keep their parameters in hash order; for display, parse the decoded
        // parts again into maps that keep the order the token's issuer wrote.
        Map<String, Object> header = JSONObjectUtils.parse(jwt.getHeader().getParsedBase64URL().decodeToString());
        String algorithm = jwt.getHeader().getAlgorithm().getName();
        if (jwt instanceof EncryptedJWT) {
            return new JwtToken(algorithm, header, null, null, null, List.of(), null, null, null, "{}", true);
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet(); // refuses a payload that is not a JSON object of well-typed claims
        String claimsJson = PRETTY.toJson(JSONObjectUtils.parse(jwt.getParsedParts()[1].decodeToString()));
        return new JwtToken(algorithm, header, null, claims.getSubject(), claims.getIssuer(), claims.getAudience(),
                instant(claims.getIssueTime()), instant(claims.getNotBeforeTime()), instant(claims.getExpirationTime()),
                claimsJson, false);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** Whether the token has expired at {@code now}: RFC 7519 accepts it only strictly before {@code exp}. */
    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** How long the token remains valid from {@code now}; negative once it has expired, empty if it never expires. */
    public Optional<Duration> expiresIn(Instant now) {
        return expiresAt == null ? Optional.empty() : Optional.of(Duration.between(now, expiresAt));
    }

    /** Whether {@code now} is before the token's {@code nbf}, so a broker would refuse it for now. */
    public boolean notYetValid(Instant now) {
        return notBefore != null && now.isBefore(notBefore);
    }

    /**
     * One sentence for a status line or tooltip, such as "JWT (HS256) for alice, expires in 59 min",
     * "JWT (RS256) for svc-orders, expired 3 h ago" or "JWT (HS256) without an expiry".
     */
    public String summary(Instant now) {
        return summaryOf(now).message();
    }

    /** {@link #summary} in parts, for the window's language. */
    public Summary summaryOf(Instant now) {
        if (encrypted) {
            Object method = header.get("enc");
            return new Summary(algorithm, method == null ? null : method.toString(), true, null, null, Expiry.NONE, null);
        }
        boolean early = notYetValid(now);
        Rough wait = early ? Rough.of(Duration.between(now, notBefore)) : null;
        String sub = subject == null || subject.isEmpty() ? null : subject;
        if (expiresAt == null) {
            return new Summary(algorithm, null, false, sub, wait, Expiry.NONE, null);
        }
        return isExpired(now) ? new Summary(algorithm, null, false, sub, wait, Expiry.EXPIRED, Rough.of(Duration.between(expiresAt, now)))
                : new Summary(algorithm, null, false, sub, wait, Expiry.EXPIRES, Rough.of(Duration.between(now, expiresAt)));
    }

    public enum Expiry { NONE, EXPIRED, EXPIRES }

    /**
     * What {@link #summary} says: for an encrypted token only its algorithm and method (may be null); else
     * the subject (null for none), how long until {@code nbf} (null unless not valid yet), and the expiry with
     * how long ago or from now (null for {@link Expiry#NONE}).
     */
    public record Summary(String algorithm, String method, boolean encrypted, String subject, Rough notValidFor, Expiry expiry, Rough span) {

        public String message() {
            if (encrypted) {
                return "encrypted JWT (" + algorithm + (method == null ? "" : ", " + method) + "); its claims need the key";
            }
            StringBuilder text = new StringBuilder("JWT (").append(algorithm).append(')');
            if (subject != null) {
                text.append(" for ").append(subject);
            }
            if (notValidFor != null) {
                text.append(", not valid for another ").append(notValidFor);
            }
            switch (expiry) {
                case NONE -> text.append(notValidFor != null ? ", without an expiry" : " without an expiry");
                case EXPIRED -> text.append(", expired ").append(span).append(" ago");
                case EXPIRES -> text.append(", expires in ").append(span);
            }
            return text.toString();
        }
    }

    /** A duration in its largest whole unit, rounded down: "45 s", "59 min", "3 h", "12 d". */
    public record Rough(long amount, Unit unit) {

        public enum Unit { S, MIN, H, D }

        static Rough of(Duration duration) {
            long seconds = duration.getSeconds();
            if (seconds < 60) {
                return new Rough(seconds, Unit.S);
            }
            if (seconds < 3600) {
                return new Rough(seconds / 60, Unit.MIN);
            }
            if (seconds < 2 * 86400) {
                return new Rough(seconds / 3600, Unit.H);
            }
            return new Rough(seconds / 86400, Unit.D);
        }

        @Override
        public String toString() {
            return amount + " " + unit.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static String roughly(Duration duration) {
        return Rough.of(duration).toString();
    }
}
