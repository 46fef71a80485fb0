package io.mqttworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.profile.CheckProblem.Quantity;
import io.mqttworkbench.profile.CheckProblemException;
import io.mqttworkbench.profile.FieldCheck;
import io.mqttworkbench.profile.JwtGenerator;
import io.mqttworkbench.profile.JwtRequest;
import io.mqttworkbench.profile.JwtToken;
import io.mqttworkbench.profile.ProfileChecks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile editor's field checks read in the window's language, and in English exactly as they were written. */
class CheckTextsTest {
    /** English words of four or more small letters; names and paths the sentences quote are removed first. */
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b[a-z]{4,}\\b");
    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    private final CheckTexts english = new CheckTexts(Texts.english());
    private final CheckTexts chinese = new CheckTexts(Texts.simplifiedChinese());

    private static String token(String subject, Duration lifetime) {
        return new JwtGenerator(Clock.fixed(NOW, ZoneOffset.UTC)).generate(new JwtRequest("x".repeat(32), JwtRequest.Algorithm.HS256, subject, Map.of(), lifetime));
    }

    private List<FieldCheck> everyKind(Path dir) {
        List<FieldCheck> checks = new ArrayList<>(List.of(ProfileChecks.name(""), ProfileChecks.host(""), ProfileChecks.host("mqtt://x"),
                ProfileChecks.host("a b"), ProfileChecks.host("a/b"), ProfileChecks.port(""), ProfileChecks.port("0"), ProfileChecks.port("x1"),
                ProfileChecks.websocketPath(""), ProfileChecks.websocketPath("/a b"), ProfileChecks.clientId("", MqttVersion.V5),
                ProfileChecks.clientId("x".repeat(65536), MqttVersion.V5), ProfileChecks.clientId("a-b", MqttVersion.V3_1_1),
                ProfileChecks.willTopic(""), ProfileChecks.willTopic("a/+"), ProfileChecks.subscriptionFilter("a/#/b"),
                ProfileChecks.password(token("alice", Duration.ofHours(1)), NOW.plusSeconds(60)),
                ProfileChecks.password(token("alice", Duration.ofHours(1)), NOW.plusSeconds(4 * 3600)),
                ProfileChecks.password(token(null, null), NOW), ProfileChecks.caFile(""), ProfileChecks.clientCertificate("a.pem", "", null),
                ProfileChecks.clientCertificate("", "a.key", null), ProfileChecks.readableFile(dir.resolve("missing.pem").toString())));
        for (Quantity q : Quantity.values()) {
            checks.add(ProfileChecks.wholeNumber("1.5", 0, 10, q));
        }
        return checks;
    }

    @Test
    void everyCheckReadsInEnglishAsWrittenAndInChinese(@TempDir Path dir) {
        for (FieldCheck check : everyKind(dir)) {
            assertThat(check.problem()).as(check.message()).isNotNull();
            assertThat(english.explain(check)).isEqualTo(check);
            String zh = chinese.explain(check).message();
            assertThat(zh).as(check.message()).containsPattern("\\p{IsHan}").doesNotContain("!domain");
            assertThat(ENGLISH_WORD.matcher(zh.replace("/mqtt", "").replace("alice", "").replace(dir.resolve("missing.pem").toString(), "")).find()).as(zh).isFalse();
        }
        // the English sentences the checks wrote before they were given in parts
        assertThat(ProfileChecks.wholeNumber("99999", 0, 65535, Quantity.KEEP_ALIVE).message()).isEqualTo("The keep-alive must be between 0 and 65535");
        assertThat(ProfileChecks.optionalWholeNumber("x", 0, 9, Quantity.SIZE_GIB).message()).isEqualTo("The size limit in GiB must be a whole number, not 'x'");
        assertThat(ProfileChecks.password(token("alice", Duration.ofHours(1)), NOW.plusSeconds(60)).message())
                .isEqualTo("JWT (HS256) for alice, expires in 59 min");
        assertThat(ProfileChecks.password(token("alice", Duration.ofHours(1)), NOW.plusSeconds(4 * 3600)).message())
                .isEqualTo("JWT (HS256) for alice, expired 3 h ago: the broker will refuse it");
        assertThat(chinese.explain(ProfileChecks.wholeNumber("99999", 0, 65535, Quantity.KEEP_ALIVE)).message()).isEqualTo("保活时间必须在 0 到 65535 之间");
        assertThat(chinese.explain(ProfileChecks.password(token("alice", Duration.ofHours(1)), NOW.plusSeconds(60))).message())
                .isEqualTo("JWT（HS256），主体 alice，59 分钟后过期");
    }

    @Test
    void jwtRequestProblemsAndTheShortSecretWarningReadInChinese() {
        JwtRequest weak = new JwtRequest("short", JwtRequest.Algorithm.HS384, null, Map.of(), null);
        assertThat(english.explain(weak.warningProblem().orElseThrow())).isEqualTo(weak.warning().orElseThrow())
                .isEqualTo("HS384 wants a secret of at least 48 bytes and this one has 5: RFC 7518 (section 3.2) says shorter keys MUST NOT be used. "
                        + "Signed anyway, as many brokers accept them.");
        assertThat(chinese.explain(weak.warningProblem().orElseThrow())).startsWith("HS384 要求共享密钥至少 48 字节，而这个只有 5 字节");
        for (Runnable bad : List.<Runnable>of(() -> new JwtRequest("", JwtRequest.Algorithm.HS256, null, Map.of(), null),
                () -> new JwtRequest("s", JwtRequest.Algorithm.HS256, null, Map.of(" ", "v"), null),
                () -> new JwtRequest("s", JwtRequest.Algorithm.HS256, null, Map.of("sub", "v"), null),
                () -> new JwtRequest("s", JwtRequest.Algorithm.HS256, null, Map.of("exp", "v"), null),
                () -> new JwtRequest("s", JwtRequest.Algorithm.HS256, null, Map.of(), Duration.ofDays(40000)),
                () -> JwtRequest.Algorithm.parse("RS256"))) {
            try {
                bad.run();
                throw new AssertionError("accepted");
            } catch (CheckProblemException e) {
                assertThat(english.explain(e.problem())).isEqualTo(e.getMessage());
                String zh = chinese.explain(e.problem());
                assertThat(zh).as(e.getMessage()).containsPattern("\\p{IsHan}");
                assertThat(ENGLISH_WORD.matcher(zh).find()).as(zh).isFalse();
            }
        }
    }

    @Test
    void aTokensSummaryReadsInChineseForEveryShape() {
        JwtToken early = JwtToken.tryParse(token("svc", Duration.ofDays(3))).orElseThrow();
        assertThat(chinese.summary(early.summaryOf(NOW.plusSeconds(30)))).isEqualTo("JWT（HS256），主体 svc，2 天后过期");
        assertThat(english.summary(early.summaryOf(NOW.plusSeconds(30)))).isEqualTo(early.summary(NOW.plusSeconds(30)));
        JwtToken forever = JwtToken.tryParse(token(null, null)).orElseThrow();
        assertThat(english.summary(forever.summaryOf(NOW))).isEqualTo("JWT (HS256) without an expiry");
        assertThat(chinese.summary(forever.summaryOf(NOW))).isEqualTo("JWT（HS256），不会过期");
    }
}
