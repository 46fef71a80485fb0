package io.mqttworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Why a connection failed, in the window's language: English as the MQTT layer wrote it, Chinese without English words. */
class FailureTextsTest {

    /** Sentences as NetworkErrors, HiveMqErrors, PahoClientErrors, ProtocolViolations, ConnectionThread and the state machine write them. */
    private static final List<String> ENGLISH = List.of(
            "Unknown host 'brokr.local': check the broker address",
            "Connection refused by 127.0.0.1:1883: is the broker running and listening on that port?",
            "Cannot reach 127.0.0.1:1883 (Network is unreachable): is the network up?",
            "Timed out connecting to 127.0.0.1:1883",
            "Timed out waiting for an answer from 127.0.0.1:1883",
            "TLS: the broker's certificate is not trusted (PKIX path building failed). Set the CA certificate file, or switch on 'trust any certificate' for test brokers",
            "TLS: the broker's certificate does not name host 'localhost' (No subject alternative DNS name matching localhost found.). Turn off hostname verification only for test brokers",
            "TLS: the broker at 127.0.0.1:8883 wants a client certificate it trusts (set the client certificate and private key)",
            "TLS failed: 127.0.0.1:1883 closed the connection during the TLS handshake. It probably does not speak TLS on this port: plain MQTT is usually on 1883 (mqtt://) and plain WebSocket on ws://; TLS on 8883 (mqtts://)",
            "TLS handshake with 127.0.0.1:8883 failed: Received fatal alert: handshake_failure",
            "TLS failed: 127.0.0.1:1883 does not seem to speak TLS (Unsupported or unrecognized SSL message)",
            "TLS error with 127.0.0.1:8883: Tag mismatch",
            "Certificate problem: Could not parse certificate",
            "File not found: /tmp/ca.pem",
            "WebSocket handshake with ws://127.0.0.1:8080/mqtt failed (Invalid handshake response getStatus: 404 Not Found): check the port and the path, for example /mqtt",
            "The broker closed the connection",
            "The connection to 127.0.0.1:1883 was reset",
            "TLS: the broker at 127.0.0.1:8883 probably refused the client certificate client.pem (is it signed by a CA the broker trusts, and still valid?). The broker's answer: The connection to 127.0.0.1:8883 was reset",
            "Broker disconnected: 0x8E Session taken over",
            "Closed by the client: the broker broke the protocol: 0x82 Protocol error",
            "The broker sent a malformed PUBLISH: QoS 3 (the client closed the connection)",
            "The client closed the connection: Timeout while waiting for PINGRESP",
            "The broker sent a malformed PUBLISH: its topic holds a wildcard, a NUL character or bytes that are not UTF-8",
            "the broker sent a malformed packet: a topic or text with a NUL character or bytes that are not UTF-8",
            "The broker sent a malformed SUBACK",
            "the broker sent a packet the client library could not read (MqttException)",
            "The broker sent a message on topic 'a/+/b', which holds the wildcard '+': topic names of messages must not contain wildcards",
            "The broker sent a message on a topic with a NUL character ('a\\u0000b'), which MQTT forbids",
            "The broker sent a message on topic 'a/\uFFFD', whose name is not valid UTF-8 (the undecodable bytes are shown as \uFFFD)",
            "The broker sent a QoS 1 message on 'a/b' with packet identifier 0, which MQTT forbids (further ones on this connection are not listed)",
            "Cannot connect to 127.0.0.1:1883: Connection refused",
            "Cannot connect to 127.0.0.1:1883",
            "Not connected: connect before publishing (state: Disconnected)",
            "Not connected: connect before subscribing (state: Failed: Connection refused by 127.0.0.1:1: is the broker running and listening on that port?)",
            "Already connected", "Already disconnected", "Currently disconnecting", "Not connected",
            "The broker URL ws://127.0.0.1 is not valid for this client",
            "The broker sent a packet this client does not understand",
            "Connection to 127.0.0.1:1883 lost",
            "A connect is already in progress",
            "The client is closed",
            "Publishing is paused while too many messages wait for acknowledgement",
            "Too many messages in flight: the broker has not acknowledged the earlier ones yet",
            "Connecting stopped because another connect was requested",
            "MQTT client error 32199",
            "The connection 'sensors' is closed",
            "Internal error: java.lang.IllegalStateException");

    @Test
    void englishStaysAsTheCommandLinePrintsIt() {
        FailureTexts english = new FailureTexts(Texts.english());
        for (String sentence : ENGLISH) {
            assertThat(english.of(sentence)).isEqualTo(sentence);
        }
    }

    @Test
    void chineseLeavesNoEnglishWordsButTheLibrarysOwnDetail() {
        FailureTexts chinese = new FailureTexts(Texts.simplifiedChinese());
        for (String sentence : ENGLISH) {
            String zh = chinese.of(sentence);
            assertThat(zh).as(sentence).containsPattern("\\p{IsHan}");
            // what a library or the JDK said, names and addresses stay as they are
            String rest = zh.replaceAll("[a-z]+://\\S*|'[^']*'|“[^”]*”|\\S+\\.pem", "")
                    .replaceAll("Received fatal alert: handshake_failure|Tag mismatch|Could not parse certificate|PKIX path building failed"
                            + "|Network is unreachable|Unsupported or unrecognized SSL message|No subject alternative DNS name matching localhost found\\."
                            + "|Invalid handshake response getStatus: 404 Not Found|Timeout while waiting for PINGRESP|Connection refused$|java\\.lang\\.\\w+|MqttException|WebSocket|/mqtt", "");
            assertThat(rest).as(zh).doesNotContainPattern("[a-z]{4,}");
        }
    }

    @Test
    void theTlsHandshakeOnAPlainPortReadsChinese() {
        assertThat(new FailureTexts(Texts.simplifiedChinese()).of("Connect failed: TLS failed: 127.0.0.1:1883 closed the connection during the TLS handshake."
                + " It probably does not speak TLS on this port: plain MQTT is usually on 1883 (mqtt://) and plain WebSocket on ws://; TLS on 8883 (mqtts://)"))
                .isEqualTo("Connect failed: TLS 失败：127.0.0.1:1883 在 TLS 握手期间关闭了连接。该端口可能不使用 TLS：普通 MQTT 通常在 1883（mqtt://），"
                        + "普通 WebSocket 用 ws://；TLS 在 8883（mqtts://）");
        assertThat(new FailureTexts(Texts.simplifiedChinese()).of("Not connected: connect before publishing (state: Disconnected)"))
                .isEqualTo("未连接：发布前请先连接（状态：已断开）");
    }
}
