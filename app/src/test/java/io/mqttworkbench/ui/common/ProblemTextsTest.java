package io.mqttworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.ReasonCodes;
import io.mqttworkbench.mqtt.TopicValidator;
import org.junit.jupiter.api.Test;

/** Topic rules and reason codes read in the window's language, and in English exactly as the command line prints them. */
class ProblemTextsTest {
    private final ProblemTexts english = new ProblemTexts(Texts.english());
    private final ProblemTexts chinese = new ProblemTexts(Texts.simplifiedChinese());

    @Test
    void everyTopicRuleReadsInEnglishAsTheCommandLineSaysItAndInChinese() {
        String tooLong = "a".repeat(TopicValidator.MAX_BYTES + 1);
        for (String filter : new String[] {"", "a/b#", "a/#/b", "$share/grp", "$share/g+/a", "$queue/", "$exclusive/a/b+", "x\0y", "\uD800x", tooLong}) {
            assertThat(english.filter(filter)).as(filter.length() > 40 ? filter.substring(0, 40) + "…" : filter).isEqualTo(TopicValidator.checkFilter(filter).orElseThrow());
            assertThat(chinese.filter(filter)).as(filter.length() > 40 ? filter.substring(0, 40) + "…" : filter).doesNotContain("!problem").containsPattern("\\p{IsHan}");
        }
        assertThat(english.topic("a/+/c")).isEqualTo(TopicValidator.checkTopicName("a/+/c").orElseThrow());
        assertThat(chinese.topic("工厂/+/温度")).isEqualTo("主题“工厂/+/温度”含有通配符（+ 或 #）：通配符只能用于订阅的主题过滤器");
        assertThat(chinese.filter("a/b+/c")).isEqualTo("主题过滤器“a/b+/c”：层级“b+”中的通配符必须单独位于两个斜杠之间（如 a/+/c 或 a/#）");
        assertThat(chinese.filter(tooLong)).isEqualTo("主题过滤器的 UTF-8 编码长 65,536 字节；MQTT 最多允许 65,535 字节");
        assertThat(chinese.filter("a/#")).isEmpty();
    }

    @Test
    void reasonCodesInAnExplanationAreNamedInTheWindowsLanguage() {
        String refused = "The broker refused the connection: " + ReasonCodes.describe(0x86) + " (check the user name)";
        assertThat(english.reasons(refused)).isEqualTo(refused);
        assertThat(chinese.reasons(refused)).isEqualTo("The broker refused the connection: 0x86 用户名或密码错误 (check the user name)");
        assertThat(chinese.reasons("DISCONNECT 0x8E Session taken over; 0x97 Quota exceeded")).isEqualTo("DISCONNECT 0x8E 会话被接管; 0x97 超出配额");
        assertThat(chinese.reasons("0x03 is not a reason code")).isEqualTo("0x03 is not a reason code");
        for (int code : ReasonCodes.codes()) {
            assertThat(chinese.reasons(ReasonCodes.describe(code))).as("0x%02X", code).doesNotContain(ReasonCodes.name(code).orElseThrow());
        }
    }

    @Test
    void brokerUrlMistakesReadInEnglishAsTheCommandLineSaysThemAndInChinese() {
        for (String url : new String[] {" ", "mqtt://a:b@host", "mqtt://host name", "http://host", "mqtt://:1883", "mqtt://host:", "mqtt://host:70000",
                "mqtt://host/path", "mqtt://bob:pa/ss@h", "mqtt://bob:p#w@host:1883", "mqtt://h%zz"}) {
            String cli;
            try {
                io.mqttworkbench.mqtt.BrokerUrl.parse(url);
                throw new AssertionError(url + " accepted");
            } catch (IllegalArgumentException e) {
                cli = e.getMessage();
            }
            if (url.contains("a:b@")) {
                assertThat(cli).isEqualTo("Broker URL 'mqtt://a:***@host' carries a user name or password, which is not taken here: "
                        + "give the credentials in their own fields");
                continue; // the window parses with credentials: this one is fine there
            }
            assertThat(english.url(url)).as(url).isEqualTo(cli);
            String zh = chinese.url(url);
            assertThat(zh).as(url).containsPattern("\\p{IsHan}").doesNotContain("!domain");
            assertThat(zh.replaceAll("'[^']*'|“[^”]*”|[a-z]+://|localhost", "")).as(zh).doesNotContainPattern("\\b[a-z]{4,}\\b");
        }
        assertThat(english.url("mqtt://host/path")).isEqualTo("A path ('/path') only makes sense for ws:// and wss:// URLs");
        assertThat(chinese.url("mqtt://host:70000")).isEqualTo("端口 70000 不在 1-65535 之内");
        assertThat(chinese.url("mqtt://bob:pa/ss@h")).endsWith("（用户名或密码中的 @ 要写成 %40，: 写成 %3A，/ 写成 %2F，# 写成 %23，% 写成 %25）");
        assertThat(chinese.url("mqtt://localhost:1883")).isEmpty();
    }
}
