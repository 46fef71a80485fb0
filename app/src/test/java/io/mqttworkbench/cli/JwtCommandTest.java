package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code jwt}, run in-process the way a shell would. */
class JwtCommandTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void printsATokenThatVerifiesWithTheSecret() throws Exception {
        Cli.Run run = Cli.run("jwt", "--secret", SECRET, "--sub", "alice", "--claim", "role=admin", "--claim", "level=3",
                "--claim", "active=true", "--ttl", "3600");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).endsWith("\n").hasLineCount(1);
        SignedJWT jwt = SignedJWT.parse(run.out().strip());
        assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        JsonObject claims = JsonParser.parseString(jwt.getPayload().toString()).getAsJsonObject();
        assertThat(claims.get("sub").getAsString()).isEqualTo("alice");
        assertThat(claims.get("role").getAsString()).isEqualTo("admin");
        assertThat(claims.getAsJsonPrimitive("level").isNumber()).isTrue();
        assertThat(claims.getAsJsonPrimitive("active").isBoolean()).isTrue();
        assertThat(claims.get("exp").getAsLong() - claims.get("iat").getAsLong()).isEqualTo(3600);
    }

    @Test
    void signsWithTheAlgorithmAskedFor() throws Exception {
        String secret = SECRET + SECRET;
        Cli.Run run = Cli.run("jwt", "--secret", secret, "--alg", "hs512");

        assertThat(run.exitCode()).as(run.err()).isZero();
        SignedJWT jwt = SignedJWT.parse(run.out().strip());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS512");
        assertThat(jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).as("no --ttl, no expiry").isNull();
    }

    @Test
    void aNegativeTtlMakesAnExpiredToken() throws Exception {
        Cli.Run run = Cli.run("jwt", "--secret", SECRET, "--ttl", "-60");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(SignedJWT.parse(run.out().strip()).getJWTClaimsSet().getExpirationTime()).isBefore(Instant.now());
    }

    @Test
    void decodesWhatItMade() {
        String token = Cli.run("jwt", "--secret", SECRET, "--sub", "alice", "--ttl", "3600").out().strip();

        Cli.Run run = Cli.run("jwt", "--decode", "Bearer " + token);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Header:\n{\n").contains("  \"alg\": \"HS256\"")
                .contains("Claims:\n{\n  \"sub\": \"alice\",\n  \"iat\": ", "\"exp\": ");
        assertThat(run.out().lines().reduce((first, second) -> second).orElseThrow())
                .matches("JWT \\(HS256\\) for alice, expires in (59 min|1 h)");
    }

    @Test
    void decodingSomethingElseIsOneLineThatDoesNotRepeatIt() {
        Cli.Run run = Cli.run("jwt", "--decode", "hunter2.is.mypassword");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).hasLineCount(1).startsWith("mqtt-workbench jwt: --decode: not a JWT").doesNotContain("hunter2");
    }

    @Test
    void readsTheSecretFromTheEnvironmentAndTheTimeFromItsClock() throws Exception {
        Instant now = Instant.parse("2025-11-26T10:00:00Z");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        JwtCommand command = new JwtCommand(new CliStreams(out, new PrintStream(err, true, StandardCharsets.UTF_8)),
                Map.of("JWT_SECRET", SECRET)::get, Clock.fixed(now, ZoneOffset.UTC));

        int code = new CommandLine(command).execute("--secret-env", "JWT_SECRET", "--sub", "bob", "--ttl", "60");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        SignedJWT jwt = SignedJWT.parse(out.toString(StandardCharsets.UTF_8).strip());
        assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(now);
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(now.plusSeconds(60));
    }

    @Test
    void hasHelp() {
        Cli.Run run = Cli.run("jwt", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: mqtt-workbench jwt", "--secret-env", "--decode");
    }

    @Test
    void aShortSecretStillSignsAndWarnsOnStandardErrorCitingTheRfc() throws Exception {
        // EMQX's documentation uses secrets like this one, and brokers accept them
        String shortSecret = "emqxsecret_example";
        Cli.Run run = Cli.run("jwt", "--secret", shortSecret, "--sub", "alice");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("\n").hasLineCount(1);
        String token = run.out().strip();
        assertThat(hmacVerifies(token, "HmacSHA256", shortSecret)).isTrue();
        assertThat(hmacVerifies(token, "HmacSHA256", shortSecret + "x")).isFalse();
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getSubject()).isEqualTo("alice");
        assertThat(run.err()).hasLineCount(1).startsWith("mqtt-workbench jwt: warning: ")
                .contains("HS256", "32 bytes", "this one has 18", "RFC 7518");

        Cli.Run hs512 = Cli.run("jwt", "--secret", SECRET, "--alg", "HS512");
        assertThat(hs512.exitCode()).as(hs512.err()).isZero();
        assertThat(hmacVerifies(hs512.out().strip(), "HmacSHA512", SECRET)).isTrue();
        assertThat(hs512.err()).contains("HS512", "64 bytes", "this one has 32", "RFC 7518");
    }

    /** By hand: Nimbus's MACVerifier refuses secrets shorter than 256 bits, as its signer did. */
    private static boolean hmacVerifies(String token, String jcaAlgorithm, String secret) throws Exception {
        int lastDot = token.lastIndexOf('.');
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance(jcaAlgorithm);
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jcaAlgorithm));
        byte[] expected = mac.doFinal(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return java.util.Arrays.equals(expected, java.util.Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
    }

    @Test
    void aClaimWithoutEqualsIsOneLineWithExitCode2() {
        assertUsageError(Cli.run("jwt", "--secret", SECRET, "--claim", "role"), "--claim expects KEY=VALUE, not 'role'");
        assertUsageError(Cli.run("jwt", "--secret", SECRET, "--claim", "=admin"), "--claim needs a name");
        assertUsageError(Cli.run("jwt", "--secret", SECRET, "--claim", "a=1", "--claim", "a=2"), "--claim a is given twice");
        assertUsageError(Cli.run("jwt", "--secret", SECRET, "--claim", "exp=1"), "--ttl");
        assertUsageError(Cli.run("jwt", "--secret", SECRET, "--claim", "sub=bob"), "--sub");
    }

    @Test
    void aMissingSecretIsOneLineWithExitCode2() {
        assertUsageError(Cli.run("jwt", "--sub", "alice"), "a shared secret is needed");
        assertUsageError(Cli.run("jwt", "--secret-env", "MQTT_WORKBENCH_TEST_SURELY_UNSET_42"), "is not set");
        assertUsageError(Cli.run("jwt", "--secret", "", "--sub", "alice"), "the secret is empty");
    }

    @Test
    void otherMisuseIsOneLineWithExitCode2() {
        assertUsageError(Cli.run("jwt", "--secret", SECRET, "--secret-env", "JWT_SECRET"), "mutually exclusive");
        assertUsageError(Cli.run("jwt", "--secret", SECRET, "--alg", "RS256"), "HS256, HS384 or HS512");
        assertUsageError(Cli.run("jwt", "--decode", "a.b.c", "--secret", SECRET), "--decode reads a token");
        assertUsageError(Cli.run("jwt", "--secret", SECRET, "--ttl", "soon"), "--ttl");
    }

    private static void assertUsageError(Cli.Run run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).hasLineCount(1).startsWith("mqtt-workbench jwt: ").contains(message);
    }
}
