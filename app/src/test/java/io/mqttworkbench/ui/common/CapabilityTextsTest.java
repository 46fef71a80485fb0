package io.mqttworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerCapabilities;
import io.mqttworkbench.mqtt.ReasonCodes;
import io.mqttworkbench.profile.ConnectionProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A test connection's answer and the broker's CONNACK in the window's language, and in English as the probe words it. */
class CapabilityTextsTest {
    private final CapabilityTexts english = new CapabilityTexts(Texts.english());
    private final CapabilityTexts chinese = new CapabilityTexts(Texts.simplifiedChinese());

    @Test
    void everyAnnouncementReadsInEnglishAsTheProbeSaysItAndInChinese() {
        for (BrokerCapabilities c : List.of(BrokerCapabilities.v3Defaults(false), BrokerCapabilities.v3Defaults(true),
                new BrokerCapabilities(true, 1, false, 10, 268435460L, 20, false, false, false, "auto-3F2A", 30))) {
            ConnectionProbe.Result result = new ConnectionProbe.Result(true, "CONNACK " + ReasonCodes.describe(0) + ": " + c.summary(), c);
            assertThat(english.probe(result)).isEqualTo(result.message());
            String zh = chinese.probe(result);
            assertThat(zh).startsWith("CONNACK 0x00 ").containsPattern("\\p{IsHan}");
            assertThat(zh.replace("auto-3F2A", "")).doesNotContainPattern("\\b[a-z]{4,}\\b");
        }
        assertThat(chinese.summary(BrokerCapabilities.v3Defaults(false))).isEqualTo("已有会话：否，最高 QoS 2，保留消息：是");
        ConnectionProbe.Result refused = new ConnectionProbe.Result(false, "The broker refused the connection: " + ReasonCodes.describe(0x86));
        assertThat(english.probe(refused)).isEqualTo(refused.message());
        assertThat(chinese.probe(refused)).endsWith("0x86 用户名或密码错误");
    }

    @Test
    void aFailedTestConnectionSaysWhyInChinese() {
        ConnectionProbe.Result failed = new ConnectionProbe.Result(false,
                "Connection refused by 127.0.0.1:1: is the broker running and listening on that port?");
        assertThat(new CapabilityTexts(Texts.english()).probe(failed)).isEqualTo(failed.message());
        assertThat(new CapabilityTexts(Texts.simplifiedChinese()).probe(failed)).isEqualTo("127.0.0.1:1 拒绝了连接：服务器是否在运行并监听该端口？");
    }
}
