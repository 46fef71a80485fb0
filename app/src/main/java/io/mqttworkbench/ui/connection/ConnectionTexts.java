package io.mqttworkbench.ui.connection;

import static io.mqttworkbench.ui.common.PhraseTable.phrase;

import io.mqttworkbench.ui.common.PhraseTable;
import io.mqttworkbench.ui.common.FailureTexts;
import io.mqttworkbench.ui.common.ProfileFileTexts;
import io.mqttworkbench.ui.common.Texts;
import java.util.List;

/**
 * A connection's event lines and status reasons ("Reconnect attempt 2 in 5 s", "CONNACK 0x00 Success: session
 * present no, max QoS 2", "SUBACK a/#: Granted QoS 1") in the window's language. The MQTT layer writes English
 * for the command line and assembles these lines in many places from a small set of phrases; the window puts
 * each phrase in its own words ({@link FailureTexts} for why it failed) and keeps topics, addresses, figures and a library's own error detail as they are.
 */
public final class ConnectionTexts {
    private static final String WHEN = "(\\d+ (?:ms|s))";

    private static final PhraseTable PHRASES = new PhraseTable(List.of(
            phrase("^attempt (\\d+), connecting to (\\S+)$", "domain.connection.attempt"), // untranslated: the connection's English, matched
            phrase("; retrying now \\(attempt (\\d+)\\)$", "domain.connection.retrying.now"), // untranslated: the connection's English, matched
            phrase("; retrying in " + WHEN + " \\(attempt (\\d+)\\)$", "domain.connection.retrying"), // untranslated: the connection's English, matched
            phrase("^[Cc]onnection lost: ", "domain.connection.lost"), // untranslated: the connection's English, matched
            phrase(" \\(another client connected with client id '(.*)'\\)$", "domain.connection.taken.over"), // untranslated: the connection's English, matched
            phrase("^Connecting to (\\S+) with MQTT (\\S+) \\((.+?)\\) as client id '(.*?)'(?=, user '|$)", "domain.connection.connecting"), // untranslated: the connection's English, matched
            phrase("^Reconnecting to (\\S+) with MQTT (\\S+) \\((.+?)\\) as client id '(.*?)'(?=, user '|$)", "domain.connection.reconnecting"), // untranslated: the connection's English, matched
            phrase(", user '(.*)'$", "domain.connection.user"), // untranslated: the connection's English, matched
            phrase("(?<=^CONNACK 0x00 Success: )session present yes", "domain.connection.session.yes"), // untranslated: the connection's English, matched
            phrase("(?<=^CONNACK 0x00 Success: )session present no", "domain.connection.session.no"), // untranslated: the connection's English, matched
            phrase(", max QoS (\\d)", "domain.connection.max.qos"), // untranslated: the connection's English, matched
            phrase(", retain yes", "domain.connection.retain.yes"), // untranslated: the connection's English, matched
            phrase(", retain no", "domain.connection.retain.no"), // untranslated: the connection's English, matched
            phrase(", topic aliases (\\d+)", "domain.connection.aliases"), // untranslated: the connection's English, matched
            phrase(", receive maximum (\\d+)", "domain.connection.receive.maximum"), // untranslated: the connection's English, matched
            phrase(", max packet (\\d+) bytes", "domain.connection.max.packet"), // untranslated: the connection's English, matched
            phrase(", no shared subscriptions", "domain.connection.no.shared"), // untranslated: the connection's English, matched
            phrase(", no wildcard subscriptions", "domain.connection.no.wildcard"), // untranslated: the connection's English, matched
            phrase(", assigned client id (\\S+)", "domain.connection.assigned.id"), // untranslated: the connection's English, matched
            phrase(", server keep-alive (\\d+) s", "domain.connection.server.keep.alive"), // untranslated: the connection's English, matched
            phrase("^(CONNACK 0x[0-9A-F]{2} [^:]+): ", "domain.connection.packet"), // untranslated: the connection's English, matched
            phrase("^Connect failed: ", "domain.connection.connect.failed"), // untranslated: the connection's English, matched
            phrase("(?<=^|：)No answer from (\\S+) within (\\d+) s: is it an MQTT broker, and is the transport \\(TCP/TLS/WebSocket\\) right\\?$", // untranslated: the connection's English, matched
                    "domain.connection.no.answer"),
            phrase("^Subscription identifier (\\d+) of (.+) is not sent: (.+) numbers subscriptions itself " // untranslated: the connection's English, matched
                    + "\\(pick Eclipse Paho as the profile's client library to send your own\\)$", "domain.connection.identifier.not.sent"), // untranslated: the connection's English, matched
            phrase("^Reconnect attempt (\\d+) now$", "domain.connection.reconnect.now"), // untranslated: the connection's English, matched
            phrase("^Reconnect attempt (\\d+) in " + WHEN + "$", "domain.connection.reconnect"), // untranslated: the connection's English, matched
            phrase("^Disconnected$", "domain.connection.disconnected"), // untranslated: the connection's English, matched
            phrase("^Disconnected \\(DISCONNECT (0x[0-9A-F]{2} .*)\\)$", "domain.connection.disconnected.with"), // untranslated: the connection's English, matched
            phrase("^Connect cancelled$", "domain.connection.cancelled"), // untranslated: the connection's English, matched
            phrase(", temporary: until the reply or the timeout$", "domain.connection.temporary"), // untranslated: the connection's English, matched
            phrase(", identifier (\\d+)\\)", "domain.connection.identifier"), // untranslated: the connection's English, matched
            phrase("^((?:UN)?SUBACK .+?): (?=0x[0-9A-F]{2} |Granted QoS \\d$)", "domain.connection.packet"), // untranslated: the connection's English, matched
            phrase("Granted QoS (\\d)$", "domain.connection.granted"), // untranslated: the connection's English, matched
            phrase("^Subscribe failed: ", "domain.connection.subscribe.failed"), // untranslated: the connection's English, matched
            phrase("^Unsubscribe from (.+?) failed: ", "domain.connection.unsubscribe.failed"), // untranslated: the connection's English, matched
            phrase("^Session resumed: the broker kept (\\d+) subscription\\(s\\)$", "domain.connection.resumed"), // untranslated: the connection's English, matched
            phrase("^Restoring (\\d+) subscription\\(s\\): ", "domain.connection.restoring"), // untranslated: the connection's English, matched
            phrase("^Restoring subscriptions failed: ", "domain.connection.restoring.failed"), // untranslated: the connection's English, matched
            phrase("^(PUBLISH .+) \\((\\d+) bytes, QoS (\\d), retained\\) failed: ", "domain.connection.publish.retained.failed"), // untranslated: the connection's English, matched
            phrase("^(PUBLISH .+) \\((\\d+) bytes, QoS (\\d)\\) failed: ", "domain.connection.publish.failed"), // untranslated: the connection's English, matched
            phrase("^(PUBLISH .+) \\((\\d+) bytes, QoS (\\d), retained\\): ", "domain.connection.publish.retained"), // untranslated: the connection's English, matched
            phrase("^(PUBLISH .+) \\((\\d+) bytes, QoS (\\d)\\): ", "domain.connection.publish"), // untranslated: the connection's English, matched
            phrase("Sent \\(QoS 0, no acknowledgement\\)$", "domain.publish.outcome.sent"))); // untranslated: the connection's English, matched

    private final Texts texts;
    private final FailureTexts failures;
    private final ProfileFileTexts files;

    public ConnectionTexts(Texts texts) {
        this.texts = texts;
        this.failures = new FailureTexts(texts);
        this.files = new ProfileFileTexts(texts);
    }

    /** {@code english} (an event line or a status reason) with each known phrase and reason code in the window's language. */
    public String of(String english) {
        if (english == null || english.isEmpty() || !texts.isChinese()) {
            return english;
        }
        // the event's own phrases ("Connect failed: "), then a certificate that cannot be read, then the failure's phrases
        return failures.of(files.of(PHRASES.apply(english, texts)));
    }
}
