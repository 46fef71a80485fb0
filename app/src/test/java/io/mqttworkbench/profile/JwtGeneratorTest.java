package io.mqttworkbench.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class JwtGeneratorTest {

    static final String SECRET_32 = "0123456789abcdef0123456789abcdef";
    static final String SECRET_64 = SECRET_32 + SECRET_32;
    static final Instant NOW = Instant.parse("2025-11-26T10:00:00.750Z");

    private final JwtGenerator generator = new JwtGenerator(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void tokenVerifiesWithTheSecretAndCarriesSubjectTimesAndTypedClaims() throws Exception {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("role", "admin");
        extra.put("level", "3");
        extra.put("ratio", "0.5");
        extra.put("active", "true");
        extra.put("banned", "false");
        extra.put("zip", "007");
        extra.put("huge", "123456789012345678901234567890");
        extra.put("empty", "");
        String token = generator.generate(new JwtRequest(SECRET_32, JwtRequest.Algorithm.HS256, "alice", extra, Duration.ofHours(1)));

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new MACVerifier(SECRET_32.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.verify(new MACVerifier(SECRET_32.toUpperCase().getBytes(StandardCharsets.UTF_8)))).isFalse();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
        // whole seconds: the fraction of the clock's second is dropped, and exp - iat is exactly the lifetime
        assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(Instant.parse("2025-11-26T10:00:00Z"));
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(Instant.parse("2025-11-26T11:00:00Z"));

        JsonObject claims = JsonParser.parseString(jwt.getPayload().toString()).getAsJsonObject();
        assertThat(claims.get("iat").getAsLong()).isEqualTo(1764151200L);
        assertThat(claims.get("exp").getAsLong()).isEqualTo(1764151200L + 3600);
        assertThat(claims.getAsJsonPrimitive("role").isString()).isTrue();
        assertThat(claims.getAsJsonPrimitive("level").isNumber()).isTrue();
        assertThat(claims.get("level").getAsLong()).isEqualTo(3);
        assertThat(claims.getAsJsonPrimitive("ratio").isNumber()).isTrue();
        assertThat(claims.get("ratio").getAsDouble()).isEqualTo(0.5);
        assertThat(claims.getAsJsonPrimitive("active").isBoolean()).isTrue();
        assertThat(claims.get("active").getAsBoolean()).isTrue();
        assertThat(claims.get("banned").getAsBoolean()).isFalse();
        assertThat(claims.getAsJsonPrimitive("zip").isString()).isTrue();
        assertThat(claims.get("zip").getAsString()).isEqualTo("007");
        assertThat(claims.get("huge").getAsBigInteger()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(claims.get("empty").getAsString()).isEmpty();
        // the extra claims keep the order they were given in
        assertThat(claims.keySet()).containsSubsequence("role", "level", "ratio", "active", "banned", "zip", "huge", "empty");
    }

    @ParameterizedTest
    @EnumSource(JwtRequest.Algorithm.class)
    void everyAlgorithmSignsWithItsNameInTheHeader(JwtRequest.Algorithm algorithm) throws Exception {
        String token = generator.generate(new JwtRequest(SECRET_64, algorithm, null, Map.of(), null));

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo(algorithm.name());
        assertThat(jwt.verify(new MACVerifier(SECRET_64.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isNull();
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).as("no lifetime, no expiry").isNull();
        assertThat(jwt.getJWTClaimsSet().getIssueTime()).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({"HS256, 32, HmacSHA256", "HS384, 48, HmacSHA384", "HS512, 64, HmacSHA512"})
    void signsWithASecretShorterThanTheHashButWarnsCitingTheRfc(JwtRequest.Algorithm algorithm, int bytes, String jca) throws Exception {
        JwtRequest request = new JwtRequest("twelve bytes", algorithm, "alice", null, null);
        assertThat(request.warning()).hasValue(algorithm + " wants a secret of at least " + bytes + " bytes and this one has 12: "
                + "RFC 7518 (section 3.2) says shorter keys MUST NOT be used. Signed anyway, as many brokers accept them.");

        String token = generator.generate(request);
        int lastDot = token.lastIndexOf('.');
        Mac mac = Mac.getInstance(jca);
        mac.init(new SecretKeySpec("twelve bytes".getBytes(StandardCharsets.UTF_8), jca));
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(token.substring(lastDot + 1));
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo(algorithm.name());
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");

        String justLongEnough = "x".repeat(bytes);
        assertThat(new JwtRequest(justLongEnough, algorithm, null, null, null).warning()).isEmpty();
        assertThat(generator.generate(new JwtRequest(justLongEnough, algorithm, null, null, null))).isNotBlank();
    }

    @Test
    void countsTheSecretInUtf8Bytes() {
        String sixteenUmlauts = "ü".repeat(16); // 16 characters, 32 bytes
        assertThat(new JwtRequest(sixteenUmlauts, JwtRequest.Algorithm.HS256, null, null, null).warning()).isEmpty();
    }

    @Test
    void refusesAnEmptySecret() {
        assertThatThrownBy(() -> new JwtRequest("", JwtRequest.Algorithm.HS256, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the secret is empty");
        assertThatThrownBy(() -> new JwtRequest(null, JwtRequest.Algorithm.HS256, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the secret is empty");
    }

    @Test
    void refusesExtraClaimsThatItSetsItself() {
        assertThatThrownBy(() -> new JwtRequest(SECRET_32, JwtRequest.Algorithm.HS256, null, Map.of("exp", "1"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'exp'");
        assertThatThrownBy(() -> new JwtRequest(SECRET_32, JwtRequest.Algorithm.HS256, null, Map.of("sub", "bob"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sub'");
        assertThatThrownBy(() -> new JwtRequest(SECRET_32, JwtRequest.Algorithm.HS256, null, Map.of(" ", "x"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a claim needs a name");
    }

    @Test
    void refusesAnAbsurdLifetime() {
        assertThatThrownBy(() -> new JwtRequest(SECRET_32, JwtRequest.Algorithm.HS256, null, null, Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the lifetime must be within 100 years");
    }

    @Test
    void aNegativeLifetimeMakesATokenThatHasAlreadyExpired() {
        String token = generator.generate(new JwtRequest(SECRET_32, JwtRequest.Algorithm.HS256, "alice", null, Duration.ofMinutes(-5)));

        JwtToken decoded = JwtToken.tryParse(token).orElseThrow();
        assertThat(decoded.isExpired(NOW)).isTrue();
        assertThat(decoded.summary(NOW)).isEqualTo("JWT (HS256) for alice, expired 5 min ago");
    }

    @Test
    void parsesAlgorithmNamesInAnyCase() {
        assertThat(JwtRequest.Algorithm.parse(" hs384 ")).isEqualTo(JwtRequest.Algorithm.HS384);
        assertThatThrownBy(() -> JwtRequest.Algorithm.parse("RS256"))
                .hasMessage("the algorithm must be HS256, HS384 or HS512 (signed with a shared secret), not 'RS256'");
    }

    @Test
    void typesClaimValuesLikeJson() {
        assertThat(JwtGenerator.claimValue("42")).isEqualTo(42L);
        assertThat(JwtGenerator.claimValue("-7")).isEqualTo(-7L);
        assertThat(JwtGenerator.claimValue("0")).isEqualTo(0L);
        assertThat(JwtGenerator.claimValue("2.5")).isEqualTo(2.5);
        assertThat(JwtGenerator.claimValue("1e3")).isEqualTo(1000.0);
        assertThat(JwtGenerator.claimValue("true")).isEqualTo(Boolean.TRUE);
        assertThat(JwtGenerator.claimValue("false")).isEqualTo(Boolean.FALSE);
        assertThat(JwtGenerator.claimValue("True")).isEqualTo("True");
        assertThat(JwtGenerator.claimValue("007")).isEqualTo("007");
        assertThat(JwtGenerator.claimValue("1.")).isEqualTo("1.");
        assertThat(JwtGenerator.claimValue("+1")).isEqualTo("+1");
        assertThat(JwtGenerator.claimValue("null")).isEqualTo("null");
        assertThat(JwtGenerator.claimValue("1e999")).as("not a finite double").isEqualTo("1e999");
        assertThat(JwtGenerator.claimValue("")).isEqualTo("");
    }

    @Test
    void requestsDoNotShowTheirSecret() {
        JwtRequest request = new JwtRequest(SECRET_32, JwtRequest.Algorithm.HS256, "alice", Map.of("role", "admin"), Duration.ofHours(1));
        assertThat(request.toString()).doesNotContain(SECRET_32).contains("alice", "role", "32 bytes");
    }
}
