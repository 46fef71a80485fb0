package io.mqttworkbench.ui.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.ui.common.Texts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A connection's event lines and status reasons: unchanged in English (the command line's words), in Chinese phrase by phrase. */
class ConnectionTextsTest {
    private final ConnectionTexts english = new ConnectionTexts(Texts.english());
    private final ConnectionTexts chinese = new ConnectionTexts(Texts.simplifiedChinese());

    /** Lines as the MQTT layer writes them (ConnectionStateMachine, SubscriptionRegistry, PublishFlow, BrokerCapabilities). */
    private static final List<String> LINES = List.of(
            "attempt 2, connecting to tcp://127.0.0.1:1883",
            "connection lost: 0x8B Server shutting down; retrying in 5 s (attempt 2)",
            "connection lost: socket closed; retrying now (attempt 1)",
            "0x8E Session taken over (another client connected with client id 'mqttwb-1')",
            "Connecting to tcp://127.0.0.1:1883 with MQTT 5 (HiveMQ) as client id 'mqttwb-1', user 'alice'",
            "Reconnecting to tcp://127.0.0.1:1883 with MQTT 3.1.1 (Eclipse Paho) as client id 'mqttwb-1'",
            "CONNACK 0x00 Success: session present no, max QoS 2, retain yes, topic aliases 10, receive maximum 100, max packet 268435460 bytes,"
                    + " no shared subscriptions, no wildcard subscriptions, assigned client id auto-1, server keep-alive 30 s",
            "CONNACK 0x00 Success: session present yes, max QoS 1, retain no",
            "Reconnect attempt 3 in 500 ms",
            "Reconnect attempt 1 now",
            "Disconnected",
            "Disconnected (DISCONNECT 0x00 Success)",
            "Connect cancelled",
            "Connection lost: 0x8B Server shutting down",
            "SUBSCRIBE a/# (QoS 1, identifier 3), b (QoS 0)",
            "SUBSCRIBE reply/1 (QoS 1), temporary: until the reply or the timeout",
            "SUBACK a/#: Granted QoS 1",
            "SUBACK secret/#: 0x87 Not authorized",
            "UNSUBACK a/#: 0x00 Success",
            "Session resumed: the broker kept 2 subscription(s)",
            "Restoring 2 subscription(s): a/# (QoS 1), b (QoS 0)",
            "PUBLISH t/1 (12 bytes, QoS 1, retained): PUBACK 0x00 Success",
            "PUBLISH t/1 (12 bytes, QoS 0): Sent (QoS 0, no acknowledgement)",
            "PUBLISH t/1 (0 bytes, QoS 2) failed: timed out",
            "Connect failed: No answer from tcp://127.0.0.1:1883 within 12 s: is it an MQTT broker, and is the transport (TCP/TLS/WebSocket) right?",
            "No answer from tcp://127.0.0.1:1883 within 12 s: is it an MQTT broker, and is the transport (TCP/TLS/WebSocket) right?",
            "Subscription identifier 7 of a/# is not sent: HiveMQ numbers subscriptions itself (pick Eclipse Paho as the profile's client library to send your own)");

    @Test
    void englishStaysAsTheCommandLineWritesIt() {
        for (String line : LINES) {
            assertThat(english.of(line)).isEqualTo(line);
        }
    }

    @Test
    void everyLineReadsInChinese() {
        for (String line : LINES) {
            String zh = chinese.of(line);
            assertThat(zh).as(line).containsPattern("\\p{IsHan}");
            // left in English: names, addresses, the engine and what a library said ("socket closed", "timed out")
            String rest = zh.replaceAll("tcp://\\S+|mqttwb-1|auto-1|alice|Eclipse Paho|HiveMQ|socket closed|timed out|WebSocket|reply/1|secret/#", "");
            assertThat(rest).as(line).doesNotContainPattern("[a-z]{4,}");
        }
        assertThat(chinese.of(LINES.get(1))).isEqualTo("连接断开：0x8B 服务器正在关闭；5 s 后重试（第 2 次尝试）");
        assertThat(chinese.of("SUBACK a/#: Granted QoS 1")).isEqualTo("SUBACK a/#：已授予 QoS 1");
        assertThat(chinese.of("Disconnected (DISCONNECT 0x00 Success)")).isEqualTo("已断开（DISCONNECT 0x00 成功）");
        assertThat(chinese.of(LINES.get(7))).isEqualTo("CONNACK 0x00 成功：会话已存在，最高 QoS 1，不支持保留消息");
    }
}
