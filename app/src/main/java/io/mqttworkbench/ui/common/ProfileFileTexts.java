package io.mqttworkbench.ui.common;

import static io.mqttworkbench.ui.common.PhraseTable.phrase;

import io.mqttworkbench.mqtt.TopicProblem;
import io.mqttworkbench.mqtt.TopicValidator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the profile layer says about files in the window's language: an import's notes, why a profiles file or an
 * import cannot be read, where passwords are kept, and why a certificate or private key cannot be read. The profile
 * and MQTT layers write these in English for the command line, assembled from a small set of phrases around
 * exception messages of other phrases; the window puts each phrase in its own words and keeps names, paths and a
 * library's own detail as they are.
 */
public final class ProfileFileTexts {

    /** A subscription or will an import left out for its topic: the topic rules say why, in words of their own. */
    private static final Pattern SUBSCRIPTION_LEFT_OUT = Pattern.compile("^(.*subscription '(.*)' was left out: )(.+)$"); // untranslated: the profile layer's English, matched
    private static final Pattern WILL_LEFT_OUT = Pattern.compile("^(.*the last will on '(.*)' was left out: )(.+)$"); // untranslated: the profile layer's English, matched

    private static final PhraseTable PHRASES = new PhraseTable(List.of(
            phrase("(?<=^|：)TLS set-up failed: ", "domain.tls.setup.failed"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)(CA certificate file|Client certificate file) (.+) contains no certificate$", "domain.tls.no.certificate"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)(CA certificate file|Client certificate file) (.+) is not a PEM certificate \\((.*)\\)$", "domain.tls.not.pem.certificate"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)(CA certificate file|Client certificate file) (.+) does not exist$", "domain.tls.missing"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)(CA certificate file|Client certificate file) (.+) cannot be read: ", "domain.tls.unreadable"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)Private key file (.+) contains no private key in PEM form$", "domain.tls.key.none"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)Private key file (.+) could not be decrypted: wrong key password\\?$", "domain.tls.key.decrypt"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)Private key file (.+) could not be read: ", "domain.tls.key.read"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)Private key file (.+) is not a PEM file \\((.*)\\)$", "domain.tls.key.not.pem"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)Private key file (.+) is encrypted: a key password is needed$", "domain.tls.key.encrypted"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)Private key file (.+) does not exist$", "domain.tls.key.missing"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)Private key file (.+) cannot be read: ", "domain.tls.key.unreadable"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)Private key (.+) does not match client certificate (.+)$", "domain.tls.key.mismatch"), // untranslated: the profile layer's English, matched
            phrase("^not saved: (.+) could not be read at start and cannot be copied aside, so saving would destroy it\\. Move it away or fix its permissions, then save again\\.$", "domain.store.not.saved"), // untranslated: the profile layer's English, matched
            phrase("^(.+) is (.+?), more than the (.+?) such a file can be, so it is not read$", "domain.store.too.large"), // untranslated: the profile layer's English, matched
            phrase("^(.+?) cannot be read: ", "domain.store.unreadable"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)not valid JSON \\((.*)\\)$", "domain.store.not.json"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)not a profiles file: the document is not a JSON object$", "domain.store.not.object"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)not a profiles file: no schemaVersion$", "domain.store.no.version"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)written by a newer MQTT Workbench \\(schema version (\\d+)\\); this version reads up to (\\d+)$", "domain.store.newer"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)a value has the wrong type \\((.*)\\)$", "domain.store.wrong.type"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)unexpected value \\((.*)\\)$", "domain.store.unexpected"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)profile (\\d+) is empty$", "domain.store.profile.empty"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)profile (\\d+) \\('(.*?)'\\): ", "domain.store.profile.named"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)profile (\\d+): ", "domain.store.profile"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)connection '(.*?)': ", "domain.store.connection"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)unknown transport '(.*)'$", "domain.store.transport"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)(\\S+) is not valid Base64$", "domain.store.base64"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)(\\S+) is missing$", "domain.store.missing"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)(\\S+) is not a number$", "domain.store.not.number"), // untranslated: the profile layer's English, matched
            phrase("^Passwords are kept in (.+), not in profiles\\.json\\.$", "domain.store.keyring"), // untranslated: the profile layer's English, matched
            phrase("^No keyring answered \\((.*)\\): passwords are kept in profiles\\.json, readable only by you\\.$", "domain.store.no.keyring"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|（)no keyring was asked(?=）)", "domain.store.not.asked"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|（)none was found(?=）)", "domain.store.none.found"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|（)none was found: ", "domain.store.none.found.because"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|（)the keyring did not answer within (\\d+) s(?=）)", "domain.store.keyring.timeout"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|（)interrupted while asking the keyring(?=）)", "domain.store.keyring.interrupted"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|（)asking for it failed: ", "domain.store.keyring.failed"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)not a file of connection profiles: expected an MQTT Workbench profiles file, an MQTTX export or MQTT Explorer's settings$", "domain.import.unknown"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)the file is empty$", "domain.import.empty"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)the MQTTX export holds no connections$", "domain.import.mqttx.none"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)not an MQTTX export: expected one connection or a list of connections$", "domain.import.mqttx.shape"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)not an MQTTX export: ", "domain.import.mqttx.not"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)the MQTT Explorer file holds no connections$", "domain.import.explorer.none"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)not an MQTT Explorer settings or connections file: expected a JSON object$", "domain.import.explorer.object"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)'(.*)' in the MQTT Explorer settings is not a set of connections$", "domain.import.explorer.settings"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)not an MQTT Explorer settings or connections file$", "domain.import.explorer.not"), // untranslated: the profile layer's English, matched
            phrase("^Connection (\\d+) \\('(.*)'\\) was not imported: it is not an object$", "domain.import.not.object"), // untranslated: the profile layer's English, matched
            phrase("^Connection (\\d+) '(.*?)' was not imported: ", "domain.import.skipped.named"), // untranslated: the profile layer's English, matched
            phrase("^Connection (\\d+) was not imported: ", "domain.import.skipped"), // untranslated: the profile layer's English, matched
            phrase("^Connection (\\d+) '(.*?)': ", "domain.import.connection.named"), // untranslated: the profile layer's English, matched
            phrase("^Connection (\\d+): ", "domain.import.connection"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)it is of type '(.*)', not an MQTT connection$", "domain.import.type"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)it has no host$", "domain.import.no.host"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)protocol '(.*)' is not mqtt or ws$", "domain.import.protocol"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)it was in an MQTTX collection that is not part of this export, so it goes to the top level$", "domain.import.collection"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)MQTTX 'clientIdWithTime' \\(a timestamp appended to the client id on each connect\\) became the random client id suffix$", "domain.import.client.id.time"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)MQTT 5 connect properties (.+) have no profile setting and were left out$", "domain.import.connect.properties"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)MQTT 3\\.1 is not supported, the profile uses MQTT 3\\.1\\.1$", "domain.import.mqtt31"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)a client certificate needs its key and a key its certificate; the certificate given alone was left out: set both in the TLS section$", "domain.import.pair.certificate.alone"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)a client certificate needs its key and a key its certificate; the key given alone was left out: set both in the TLS section$", "domain.import.pair.key.alone"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)a client certificate needs its key and a key its certificate; the certificate without its partner is not used: set both in the TLS section$", "domain.import.pair.certificate.unused"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)a client certificate needs its key and a key its certificate; the key without its partner is not used: set both in the TLS section$", "domain.import.pair.key.unused"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)TLS ALPN protocols \\((.*)\\) have no profile setting and were left out$", "domain.import.alpn"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)(.+?) kept as text could not be used: save it to a file and set it in the TLS section$", "domain.import.pem.text"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)(.+?) path '(.*)' is not a valid path on this system: set it in the TLS section$", "domain.import.bad.path"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)its certificates were not imported: encryption is off for it, so MQTT Explorer did not use them either$", "domain.import.encryption.off"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)(.+?) is empty in the export and was left out$", "domain.import.embedded.empty"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)(.+?) embedded in the export is not valid base64 and was left out$", "domain.import.embedded.base64"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)(.+?) embedded in the export was not saved \\(no folder for certificates was given\\): save it to a file and set it in the TLS section$", "domain.import.embedded.no.folder"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)(.+?) embedded in the export could not be written to (.+?) \\((.*)\\): save it to a file and set it in the TLS section$", "domain.import.embedded.failed"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)(.+?) embedded in the export was written to (.+)$", "domain.import.embedded.written"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)a subscription without a topic was left out: (.*)$", "domain.import.subscription.no.topic.value"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)a subscription without a topic was left out$", "domain.import.subscription.no.topic"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)a subscription that is not an object was left out: (.*)$", "domain.import.subscription.not.object"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)subscription aliases have no place in a profile and were left out \\((.*)\\)$", "domain.import.subscription.aliases"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)subscription (.+?) was left out: ", "domain.import.subscription.left.out"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)the last will on '(.*?)' was left out: ", "domain.import.will.left.out"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)'correlationData' holds something that is not a byte: (.*)$", "domain.import.correlation.byte"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)'correlationData' is neither text nor a buffer$", "domain.import.correlation.type"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)'userProperties' is not readable: (.*)$", "domain.import.user.properties"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)'userProperties' holds something that is not a key and value: (.*)$", "domain.import.user.properties.pair"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)a user property value is not text: (.*)$", "domain.import.user.property.value"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)'(.+?)' is not text$", "domain.import.not.text"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)'(.+?)' \\((.*)\\) is out of range$", "domain.import.out.of.range"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)'(.+?)' is not a whole number: (.*)$", "domain.import.not.whole"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)'(.+?)' is not true or false: (.*)$", "domain.import.not.boolean"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)'(.+?)' is not an object$", "domain.import.field.not.object"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)'(.+?)' is not a list$", "domain.import.not.list"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)CA certificate file", "domain.tls.ca.file"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)Client certificate file", "domain.tls.client.file"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)CA certificate", "domain.import.ca"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)client certificate", "domain.import.client.certificate"), // untranslated: the profile layer's English, matched
            phrase("(?<=^|：)client key", "domain.import.client.key"))); // untranslated: the profile layer's English, matched

    private final Texts texts;
    private final ProblemTexts problems;

    public ProfileFileTexts(Texts texts) {
        this.texts = texts;
        this.problems = new ProblemTexts(texts);
    }

    /** {@code english} (an import note, a reason a file cannot be read, the keyring note) in the window's language. */
    public String of(String english) {
        if (english == null || english.isEmpty() || !texts.isChinese()) {
            return english;
        }
        String text = topicReason(topicReason(english, SUBSCRIPTION_LEFT_OUT, TopicValidator::filterProblem), WILL_LEFT_OUT,
                TopicValidator::topicProblem);
        return PHRASES.apply(text, texts);
    }

    /** {@code english} with the topic rule's sentence after "was left out: " put in the window's words, when it is one. */
    private String topicReason(String english, Pattern leftOut, Function<String, Optional<TopicProblem>> rules) {
        Matcher m = leftOut.matcher(english);
        if (!m.matches()) {
            return english;
        }
        return rules.apply(m.group(2)).filter(problem -> problem.message().equals(m.group(3)))
                .map(problem -> m.group(1) + problems.explain(problem)).orElse(english);
    }
}
