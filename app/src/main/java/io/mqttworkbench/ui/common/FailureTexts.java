package io.mqttworkbench.ui.common;

import static io.mqttworkbench.ui.common.PhraseTable.phrase;

import java.util.List;

/**
 * Why a connection failed or ended ("Connection refused by 127.0.0.1:1883: is the broker running…", a TLS
 * handshake that a plain port hung up on, Paho's and HiveMQ's client errors, a broker breaking the protocol)
 * in the window's language. The MQTT layer writes these in English for the command line and passes them on as
 * the text of its exceptions, wrapped in further sentences in many places; the window puts each phrase in its
 * own words and keeps addresses, topics, figures and a library's own detail as they are.
 */
public final class FailureTexts {

    private static final PhraseTable PHRASES = new PhraseTable(List.of(
            phrase("Unknown host '(.*?)': check the broker address", "domain.errors.unknown_host"), // untranslated: the connection's English, matched
            phrase("Connection refused by (\\S+): is the broker running and listening on that port\\?", "domain.errors.refused"), // untranslated: the connection's English, matched
            phrase("Cannot reach (\\S+) \\((.*)\\): is the network up\\?", "domain.errors.unreachable"), // untranslated: the connection's English, matched
            phrase("Timed out connecting to (\\S+)", "domain.errors.connect_timeout"), // untranslated: the connection's English, matched
            phrase("Timed out waiting for an answer from (\\S+)", "domain.errors.answer_timeout"), // untranslated: the connection's English, matched
            phrase("TLS: the broker's certificate is not trusted \\((.*)\\)\\. Set the CA certificate file, or switch on 'trust any certificate' for test brokers", "domain.errors.untrusted"), // untranslated: the connection's English, matched
            phrase("TLS: the broker's certificate does not name host '(.*?)' \\((.*)\\)\\. Turn off hostname verification only for test brokers", "domain.errors.wrong_host"), // untranslated: the connection's English, matched
            phrase("TLS: the broker at (\\S+) probably refused the client certificate (.+?) \\(is it signed by a CA the broker trusts, and still valid\\?\\)\\. The broker's answer: ", "domain.errors.client_cert_refused"), // untranslated: the connection's English, matched
            phrase("TLS: the broker at (\\S+) wants a client certificate it trusts \\(set the client certificate and private key\\)", "domain.errors.client_cert_wanted"), // untranslated: the connection's English, matched
            phrase("TLS failed: (\\S+) closed the connection during the TLS handshake\\. It probably does not speak TLS on this port: plain MQTT is usually on 1883 \\(mqtt://\\) and plain WebSocket on ws://; TLS on 8883 \\(mqtts://\\)", "domain.errors.plain_port"), // untranslated: the connection's English, matched
            phrase("TLS handshake with (\\S+) failed: ", "domain.errors.handshake"), // untranslated: the connection's English, matched
            phrase("TLS failed: (\\S+) does not seem to speak TLS \\((.*)\\)", "domain.errors.no_tls"), // untranslated: the connection's English, matched
            phrase("TLS error with (\\S+): ", "domain.errors.tls_error"), // untranslated: the connection's English, matched
            phrase("Certificate problem: ", "domain.errors.certificate"), // untranslated: the connection's English, matched
            phrase("File not found: ", "domain.errors.file_not_found"), // untranslated: the connection's English, matched
            phrase("WebSocket handshake with (\\S+) failed \\((.*)\\): check the port and the path, for example /mqtt", "domain.errors.websocket"), // untranslated: the connection's English, matched
            phrase("The connection to (\\S+) was reset", "domain.errors.reset"), // untranslated: the connection's English, matched
            phrase("Broker disconnected: ", "domain.errors.broker_disconnected"), // untranslated: the connection's English, matched
            phrase("Closed by the client: the broker broke the protocol: ", "domain.errors.broke_protocol"), // untranslated: the connection's English, matched
            phrase(" \\(the client closed the connection\\)", "domain.errors.client_closed_after"), // untranslated: the connection's English, matched
            phrase("The client closed the connection: ", "domain.errors.client_closed"), // untranslated: the connection's English, matched
            phrase("The broker closed the connection", "domain.errors.broker_closed"), // untranslated: the connection's English, matched
            phrase("[Tt]he broker sent a malformed (\\S+?): QoS 3", "domain.errors.malformed_qos"), // untranslated: the connection's English, matched
            phrase("[Tt]he broker sent a malformed (\\S+?): its topic holds a wildcard, a NUL character or bytes that are not UTF-8", "domain.errors.malformed_topic"), // untranslated: the connection's English, matched
            phrase("[Tt]he broker sent a malformed packet: a topic or text with a NUL character or bytes that are not UTF-8", "domain.errors.malformed_text"), // untranslated: the connection's English, matched
            phrase("[Tt]he broker sent a malformed (\\S+?): ", "domain.errors.malformed_detail"), // untranslated: the connection's English, matched
            phrase("[Tt]he broker sent a malformed (\\S+)", "domain.errors.malformed"), // untranslated: the connection's English, matched
            phrase("[Tt]he broker sent a packet the client library could not read \\((.*)\\)", "domain.errors.unreadable"), // untranslated: the connection's English, matched
            phrase("The broker sent a message on topic '(.*)', which holds the wildcard '(.)': topic names of messages must not contain wildcards", "domain.errors.wildcard_topic"), // untranslated: the connection's English, matched
            phrase("The broker sent a message on a topic with a NUL character \\('(.*)'\\), which MQTT forbids", "domain.errors.nul_topic"), // untranslated: the connection's English, matched
            phrase("The broker sent a message on topic '(.*)', whose name is not valid UTF-8 \\(the undecodable bytes are shown as \\uFFFD\\)", "domain.errors.utf8_topic"), // untranslated: the connection's English, matched
            phrase("The broker sent a QoS (\\d) message on '(.*)' with packet identifier 0, which MQTT forbids \\(further ones on this connection are not listed\\)", "domain.errors.packet_id_zero"), // untranslated: the connection's English, matched
            phrase("Cannot connect to (\\S+): ", "domain.errors.cannot_connect_detail"), // untranslated: the connection's English, matched
            phrase("Cannot connect to (\\S+)$", "domain.errors.cannot_connect"), // untranslated: the connection's English, matched
            phrase("Not connected: connect before subscribing \\(state: (.*)\\)$", "domain.errors.not_connected_subscribing"), // untranslated: the connection's English, matched
            phrase("Not connected: connect before publishing \\(state: (.*)\\)$", "domain.errors.not_connected_publishing"), // untranslated: the connection's English, matched
            phrase("(?<=（状态：)Disconnected", "domain.errors.state_disconnected"), // untranslated: the connection's English, matched
            phrase("(?<=（状态：)Connecting", "domain.errors.state_connecting"), // untranslated: the connection's English, matched
            phrase("(?<=（状态：)Connected", "domain.errors.state_connected"), // untranslated: the connection's English, matched
            phrase("(?<=（状态：)Reconnecting", "domain.errors.state_reconnecting"), // untranslated: the connection's English, matched
            phrase("(?<=（状态：)Failed", "domain.errors.state_failed"), // untranslated: the connection's English, matched
            phrase("(?<=^|：|: )Already connected$", "domain.errors.already_connected"), // untranslated: the connection's English, matched
            phrase("(?<=^|：|: )Already disconnected$", "domain.errors.already_disconnected"), // untranslated: the connection's English, matched
            phrase("(?<=^|：|: )Currently disconnecting$", "domain.errors.disconnecting"), // untranslated: the connection's English, matched
            phrase("(?<=^|：|: )Not connected$", "domain.errors.not_connected"), // untranslated: the connection's English, matched
            phrase("The broker URL (\\S+) is not valid for this client", "domain.errors.bad_url"), // untranslated: the connection's English, matched
            phrase("The broker sent a packet this client does not understand", "domain.errors.not_understood"), // untranslated: the connection's English, matched
            phrase("Connection to (\\S+) lost", "domain.errors.lost_to"), // untranslated: the connection's English, matched
            phrase("A connect is already in progress", "domain.errors.in_progress"), // untranslated: the connection's English, matched
            phrase("The client is closed", "domain.errors.client_closed_state"), // untranslated: the connection's English, matched
            phrase("Publishing is paused while too many messages wait for acknowledgement", "domain.errors.paused"), // untranslated: the connection's English, matched
            phrase("Too many messages in flight: the broker has not acknowledged the earlier ones yet", "domain.errors.in_flight"), // untranslated: the connection's English, matched
            phrase("Connecting stopped because another connect was requested", "domain.errors.superseded"), // untranslated: the connection's English, matched
            phrase("MQTT client error (\\d+)", "domain.errors.client_error"), // untranslated: the connection's English, matched
            phrase("The connection '(.*)' is closed", "domain.errors.connection_closed"), // untranslated: the connection's English, matched
            phrase("Internal error: ", "domain.errors.internal"))); // untranslated: the connection's English, matched

    private static final PhraseTable NONE = new PhraseTable(List.of());

    private final Texts texts;
    private final ProblemTexts reasons;

    public FailureTexts(Texts texts) {
        this.texts = texts;
        this.reasons = new ProblemTexts(texts);
    }

    /** {@code english} with each known failure phrase and reason code in the window's language; as written in English. */
    public String of(String english) {
        return of(english, NONE);
    }

    /** {@code english} with {@code first}'s phrases (a caller's own, such as an event line's), then these, in the window's language. */
    public String of(String english, PhraseTable first) {
        if (english == null || english.isEmpty() || !texts.isChinese()) {
            return english;
        }
        return reasons.reasons(PHRASES.apply(first.apply(english, texts), texts));
    }
}
