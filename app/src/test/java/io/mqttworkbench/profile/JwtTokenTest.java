package io.mqttworkbench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JwtTokenTest {

    private static final String SECRET = JwtGeneratorTest.SECRET_32;
    private static final Instant T = Instant.parse("2025-11-26T10:00:00Z");

    private static String hs256(Instant at, String subject, Duration lifetime) {
        return new JwtGenerator(Clock.fixed(at, ZoneOffset.UTC))
                .generate(new JwtRequest(SECRET, JwtRequest.Algorithm.HS256, subject, Map.of("role", "admin"), lifetime));
    }

    @Test
    void decodesAGeneratedToken() {
        JwtToken token = JwtToken.tryParse(hs256(T, "alice", Duration.ofHours(1))).orElseThrow();

        assertThat(token.algorithm()).isEqualTo("HS256");
        assertThat(token.header()).containsEntry("alg", "HS256").containsEntry("typ", "JWT");
        assertThat(token.headerJson()).contains("\"alg\": \"HS256\"");
        assertThat(token.subject()).isEqualTo("alice");
        assertThat(token.issuer()).isNull();
        assertThat(token.audience()).isEmpty();
        assertThat(token.issuedAt()).isEqualTo(T);
        assertThat(token.notBefore()).isNull();
        assertThat(token.expiresAt()).isEqualTo(T.plusSeconds(3600));
        assertThat(token.encrypted()).isFalse();
        assertThat(token.claimsJson()).isEqualTo("""
                {
                  "sub": "alice",
                  "iat": 1764151200,
                  "exp": 1764154800,
                  "role": "admin"
                }""");
    }

    @Test
    void aFreshTokenIsValidAndSaysWhenItExpires() {
        JwtToken token = JwtToken.tryParse(hs256(T, "alice", Duration.ofHours(1))).orElseThrow();
        Instant now = T.plusSeconds(30);

        assertThat(token.isExpired(now)).isFalse();
        assertThat(token.notYetValid(now)).isFalse();
        assertThat(token.expiresIn(now)).contains(Duration.ofSeconds(3570));
        assertThat(token.summary(now)).isEqualTo("JWT (HS256) for alice, expires in 59 min");
    }

    @Test
    void anExpiredTokenIsFlagged() {
        // made four hours ago with a lifetime of one: expired three hours ago
        JwtToken token = JwtToken.tryParse(hs256(T.minus(Duration.ofHours(4)), "alice", Duration.ofHours(1))).orElseThrow();

        assertThat(token.isExpired(T)).isTrue();
        assertThat(token.expiresIn(T)).contains(Duration.ofHours(-3));
        assertThat(token.summary(T)).contains("expired").isEqualTo("JWT (HS256) for alice, expired 3 h ago");
    }

    @Test
    void expiresAtTheVeryInstantOfExp() {
        JwtToken token = JwtToken.tryParse(hs256(T, "alice", Duration.ofMinutes(10))).orElseThrow();

        assertThat(token.isExpired(T.plusSeconds(599))).isFalse();
        assertThat(token.isExpired(T.plusSeconds(600))).isTrue();
    }

    @Test
    void aTokenWithoutExpiryNeverExpires() {
        JwtToken token = JwtToken.tryParse(hs256(T, null, null)).orElseThrow();

        assertThat(token.isExpired(T.plus(Duration.ofDays(10_000)))).isFalse();
        assertThat(token.expiresIn(T)).isEmpty();
        assertThat(token.summary(T)).isEqualTo("JWT (HS256) without an expiry");
        assertThat(JwtToken.tryParse(hs256(T, "alice", null)).orElseThrow().summary(T)).isEqualTo("JWT (HS256) for alice without an expiry");
    }

    @Test
    void aTokenBeforeItsNotBeforeTimeIsNotYetValid() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject("alice").notBeforeTime(Date.from(T.plusSeconds(300))).expirationTime(Date.from(T.plusSeconds(7200))).build());
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        JwtToken token = JwtToken.tryParse(jwt.serialize()).orElseThrow();

        assertThat(token.notYetValid(T)).isTrue();
        assertThat(token.notYetValid(T.plusSeconds(300))).isFalse();
        assertThat(token.summary(T)).isEqualTo("JWT (HS256) for alice, not valid for another 5 min, expires in 2 h");
    }

    @Test
    void decodesAnRs256TokenWithoutItsKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("key-1").build(), new JWTClaimsSet.Builder()
                .subject("svc-orders").issuer("https://auth.example.com").audience(List.of("mqtt", "orders"))
                .issueTime(Date.from(T.minus(Duration.ofHours(4)))).expirationTime(Date.from(T.minus(Duration.ofHours(3))))
                .claim("scope", List.of("publish", "subscribe")).build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));

        JwtToken token = JwtToken.tryParse(jwt.serialize()).orElseThrow();

        assertThat(token.algorithm()).isEqualTo("RS256");
        assertThat(token.header()).containsEntry("kid", "key-1");
        assertThat(token.subject()).isEqualTo("svc-orders");
        assertThat(token.issuer()).isEqualTo("https://auth.example.com");
        assertThat(token.audience()).containsExactly("mqtt", "orders");
        assertThat(token.claimsJson()).contains("\"iss\": \"https://auth.example.com\"", "\"publish\"");
        assertThat(token.summary(T)).isEqualTo("JWT (RS256) for svc-orders, expired 3 h ago");
    }

    @Test
    void acceptsABearerPrefixAndSurroundingWhitespace() {
        String jwt = hs256(T, "alice", Duration.ofHours(1));

        assertThat(JwtToken.tryParse("Bearer " + jwt)).map(JwtToken::subject).contains("alice");
        assertThat(JwtToken.tryParse("  bearer   " + jwt + "\n")).map(JwtToken::subject).contains("alice");
        assertThat(JwtToken.tryParse("\t" + jwt + " \r\n")).map(JwtToken::subject).contains("alice");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"secret", "a.b", "a.b.c", "hunter2.with.dots", "...", "a.b.c.d", "Bearer", "Bearer secret",
            "correct horse battery staple", "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln", "W10.e30.c2ln", "e30.e30.c2ln"})
    void ordinaryPasswordsAreNotTokens(String password) {
        // "bm90IGpzb24" is "not json"; "W10" is "[]", a header that is no object; "e30" is "{}", a header without "alg"
        assertThat(JwtToken.tryParse(password)).isEmpty();
    }

    @Test
    void aTokenWhoseClaimsAreNotJsonIsNotAToken() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString("[1,2]".getBytes(StandardCharsets.UTF_8));
        assertThat(JwtToken.tryParse(header + "." + body + ".c2ln")).isEmpty();
    }

    @Test
    void decodesAnUnsecuredToken() {
        String jwt = new PlainJWT(new JWTClaimsSet.Builder().subject("anonymous").build()).serialize();

        JwtToken token = JwtToken.tryParse(jwt).orElseThrow();
        assertThat(token.algorithm()).isEqualTo("none");
        assertThat(token.summary(T)).isEqualTo("JWT (none) for anonymous without an expiry");
    }

    @Test
    void anEncryptedTokenIsRecognisedThoughItsClaimsAreHidden() throws Exception {
        EncryptedJWT jwt = new EncryptedJWT(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM),
                new JWTClaimsSet.Builder().subject("hidden").build());
        jwt.encrypt(new DirectEncrypter(SECRET.getBytes(StandardCharsets.UTF_8)));

        JwtToken token = JwtToken.tryParse(jwt.serialize()).orElseThrow();
        assertThat(token.encrypted()).isTrue();
        assertThat(token.subject()).isNull();
        assertThat(token.claimsJson()).isEqualTo("{}");
        assertThat(token.isExpired(T)).isFalse();
        assertThat(token.summary(T)).isEqualTo("encrypted JWT (dir, A256GCM); its claims need the key");
    }

    @Test
    void roundsDurationsDownToTheirLargestUnit() {
        assertThat(JwtToken.roughly(Duration.ofSeconds(0))).isEqualTo("0 s");
        assertThat(JwtToken.roughly(Duration.ofSeconds(59))).isEqualTo("59 s");
        assertThat(JwtToken.roughly(Duration.ofSeconds(60))).isEqualTo("1 min");
        assertThat(JwtToken.roughly(Duration.ofSeconds(3599))).isEqualTo("59 min");
        assertThat(JwtToken.roughly(Duration.ofHours(1))).isEqualTo("1 h");
        assertThat(JwtToken.roughly(Duration.ofHours(47))).isEqualTo("47 h");
        assertThat(JwtToken.roughly(Duration.ofDays(30))).isEqualTo("30 d");
    }
}
