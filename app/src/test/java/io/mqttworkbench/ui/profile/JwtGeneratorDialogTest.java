package io.mqttworkbench.ui.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.profile.FieldCheck;
import io.mqttworkbench.profile.JwtRequest;
import io.mqttworkbench.ui.common.Texts;
import org.junit.jupiter.api.Test;

/** The token dialog's logic, without the dialog: which fields make a token, and what it says about them. */
class JwtGeneratorDialogTest {

    @Test
    void aSecretShorterThanTheHashMakesATokenWithAWarningCitingTheRfc() {
        Object request = JwtGeneratorDialog.request("emqxsecret_example", JwtRequest.Algorithm.HS256, "alice", "", "3600", Texts.english());

        assertThat(request).as("'Use this token' is enabled only for a request").isInstanceOf(JwtRequest.class);
        FieldCheck verdict = JwtGeneratorDialog.verdict(request, Texts.english());
        assertThat(verdict.severity()).isEqualTo(FieldCheck.Severity.WARNING);
        assertThat(verdict.message()).contains("HS256", "32 bytes", "this one has 18", "RFC 7518", "Signed anyway");
        assertThat(verdict.message().lines()).as("short lines, so that the dialog makes room for all of them").hasSize(3)
                .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(70));
    }

    @Test
    void aLongEnoughSecretSaysNothingAndMistakesAreErrors() {
        assertThat(JwtGeneratorDialog.verdict(JwtGeneratorDialog.request("x".repeat(32), JwtRequest.Algorithm.HS256, "", "", "", Texts.english()), Texts.english()))
                .isEqualTo(FieldCheck.OK);
        assertThat(JwtGeneratorDialog.verdict(JwtGeneratorDialog.request("", JwtRequest.Algorithm.HS256, "", "", "", Texts.english()), Texts.english()))
                .isEqualTo(FieldCheck.error("the secret is empty"));
        assertThat(JwtGeneratorDialog.verdict(JwtGeneratorDialog.request("x".repeat(32), JwtRequest.Algorithm.HS256, "", "", "soon", Texts.english()), Texts.english()))
                .isEqualTo(FieldCheck.error("The lifetime must be a whole number of seconds"));
    }

    @Test
    void inChineseTheWarningAndTheMistakesReadInChineseOneClausePerLine() {
        FieldCheck verdict = JwtGeneratorDialog.verdict(JwtGeneratorDialog.request("emqxsecret_example", JwtRequest.Algorithm.HS256, "alice", "", "3600",
                Texts.simplifiedChinese()), Texts.simplifiedChinese());
        assertThat(verdict.message().lines()).containsExactly("HS256 要求共享密钥至少 32 字节，而这个只有 18 字节：", "RFC 7518（第 3.2 节）规定不得使用更短的密钥。",
                "仍然签名，因为许多服务器接受这样的密钥。");
        assertThat(JwtGeneratorDialog.request("", JwtRequest.Algorithm.HS256, "", "", "", Texts.simplifiedChinese())).isEqualTo(FieldCheck.error("共享密钥为空"));
    }
}
