package io.mqttworkbench.profile;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs HS256/HS384/HS512 tokens for test brokers that check JWT passwords against a shared secret. The clock
 * sets {@code iat} and {@code exp}, so tests can make tokens at a fixed time (or already expired ones).
 */
public final class JwtGenerator {

    /** A JSON number as RFC 8259 writes it: no leading zeros, so "007" or "0042" (ids, postcodes) stay text. */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern JSON_INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

    private final Clock clock;

    public JwtGenerator(Clock clock) {
        this.clock = clock;
    }

    /** The signed token in its compact form, {@code header.claims.signature}. */
    public String generate(JwtRequest request) {
        // JWT times are whole seconds; truncating first keeps exp - iat equal to the lifetime.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // JWTClaimsSet (and Payload built from a map) would serialize the claims in hash order; serializing our
        // ordered map ourselves, with Nimbus's JSON writer, makes the token read sub, iat, exp, then the extra
        // claims in the order they were given.
        Map<String, Object> claims = new LinkedHashMap<>();
        if (request.subject() != null) {
            claims.put("sub", request.subject());
        }
        claims.put("iat", now.getEpochSecond());
        if (request.lifetime() != null) {
            claims.put("exp", now.plusSeconds(request.lifetime().getSeconds()).getEpochSecond());
        }
        request.extraClaims().forEach((name, value) -> claims.put(name, claimValue(value)));

        JWSHeader header = new JWSHeader.Builder(request.algorithm().jws()).type(JOSEObjectType.JWT).build();
        JWSObject jwt = new JWSObject(header, new Payload(JSONObjectUtils.toJSONString(claims)));
        // Signed with the JCA rather than Nimbus's MACSigner, which refuses a secret shorter than the hash; the
        // request carries a warning for that case instead (see JwtRequest#warning).
        String algorithm = request.algorithm().jcaName();
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(request.secret().getBytes(StandardCharsets.UTF_8), algorithm));
            byte[] signature = mac.doFinal(jwt.getSigningInput());
            return new String(jwt.getSigningInput(), StandardCharsets.US_ASCII) + "." + Base64URL.encode(signature);
        } catch (GeneralSecurityException e) {
            // Every Java runtime has HmacSHA256/384/512, and JwtRequest refuses an empty secret.
            throw new IllegalStateException("could not sign the token: " + e.getMessage(), e);
        }
    }

    /**
     * The JSON value for a claim typed as text: {@code true} and {@code false} become booleans, JSON numbers
     * become numbers, everything else stays a string ("007", "1e", "null", "").
     */
    public static Object claimValue(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (!JSON_NUMBER.matcher(text).matches()) {
            return text;
        }
        if (JSON_INTEGER.matcher(text).matches()) {
            BigInteger integer = new BigInteger(text);
            return integer.bitLength() < 64 ? (Object) integer.longValueExact() : integer;
        }
        double number = Double.parseDouble(text);
        return Double.isFinite(number) ? number : text;
    }
}
