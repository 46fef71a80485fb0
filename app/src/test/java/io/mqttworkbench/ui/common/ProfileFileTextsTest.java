package io.mqttworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.ConnectionException;
import io.mqttworkbench.mqtt.TlsContextFactory;
import io.mqttworkbench.profile.FieldCheck;
import io.mqttworkbench.profile.KeyringAccess;
import io.mqttworkbench.profile.ProfileChecks;
import io.mqttworkbench.profile.ProfileFormatException;
import io.mqttworkbench.profile.ProfileImport;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.SecretStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the profile layer says about files (import notes, unreadable files, keyring, certificates) in the window's language. */
class ProfileFileTextsTest {
    /** An English word of four or more small letters, once names, paths and quoted values are taken out. */
    private static final Pattern ENGLISH = Pattern.compile("\\b[a-z]{4,}\\b");

    @TempDir
    Path folder;

    private final ProfileFileTexts english = new ProfileFileTexts(Texts.english());
    private final ProfileFileTexts chinese = new ProfileFileTexts(Texts.simplifiedChinese());

    @Test
    void importNotesReadAsTheCommandLinePrintsThemAndInChinese() throws IOException {
        List<String> notes = importNotes();
        assertThat(notes).hasSizeGreaterThanOrEqualTo(15);
        for (String note : notes) {
            assertThat(english.of(note)).isEqualTo(note);
            assertChinese(note, chinese.of(note));
        }
        assertThat(chinese.of("Connection 2 'Half a pair': client key 'k.pem' embedded in the export is not valid base64 and was left out"))
                .isEqualTo("连接 2“Half a pair”：客户端私钥 'k.pem'内嵌于导出文件中，但不是有效的 Base64，已略去");
    }

    @Test
    void reasonsAFileCannotBeReadAreInChinese() throws IOException {
        List<String> reasons = new ArrayList<>();
        for (String json : List.of("", "{ not json", "[1]", "{\"schemaVersion\": 99, \"profiles\": []}", "{\"profiles\": []}",
                "{\"schemaVersion\": \"x\"}", "{\"schemaVersion\": 2, \"profiles\": [null]}", "{\"a\": 1}")) {
            try {
                ProfileImport.read(json, folder);
            } catch (ProfileFormatException e) {
                reasons.add(e.getMessage());
            }
        }
        Path file = folder.resolve(ProfileStore.FILE_NAME);
        Files.writeString(file, "{\"schemaVersion\": 99}");
        ProfileStore.LoadResult loaded = new ProfileStore(folder).load();
        assertThat(loaded).isInstanceOf(ProfileStore.Unreadable.class);
        reasons.add(((ProfileStore.Unreadable) loaded).reason());
        assertThat(reasons).hasSizeGreaterThanOrEqualTo(8);
        for (String reason : reasons) {
            assertThat(english.of(reason)).isEqualTo(reason);
            assertChinese(reason, chinese.of(reason));
        }
    }

    @Test
    void theKeyringNoteIsInChinese() {
        CheckTexts checks = new CheckTexts(Texts.simplifiedChinese());
        FieldCheck none = new SecretStore.ProfilesFile("no keyring was asked").note();
        assertThat(new CheckTexts(Texts.english()).explain(none)).isEqualTo(none);
        assertThat(checks.explain(none).message()).isEqualTo("没有密钥环应答（未询问密钥环）：密码保存在 profiles.json 中，只有你本人可读。");
        assertThat(checks.explain(none).severity()).isEqualTo(FieldCheck.Severity.WARNING);
        for (String reason : List.of("none was found", "none was found: DBus", "the keyring did not answer within 3 s",
                "interrupted while asking the keyring", "asking for it failed: LockedException")) {
            FieldCheck note = new SecretStore.ProfilesFile(reason).note();
            assertChinese(note.message(), checks.explain(note).message());
        }
        FieldCheck keyring = new SecretStore.Keyring(new KeyringAccess() {
            @Override
            public String name() {
                return "GNOME Keyring";
            }

            @Override
            public String read(String account) {
                return null;
            }

            @Override
            public void write(String account, String secret) {
            }

            @Override
            public void delete(String account) {
            }
        }).note();
        assertThat(checks.explain(keyring).message()).isEqualTo("密码保存在 GNOME Keyring 中，而不在 profiles.json 中。");
    }

    @Test
    void certificateAndKeyErrorsAreInChineseInTheChecksAndAConnect() throws Exception {
        Path notPem = Files.writeString(folder.resolve("not.pem"), "hello");
        Path missing = folder.resolve("missing.pem");
        List<FieldCheck> verdicts = List.of(ProfileChecks.caFile(missing.toString()), ProfileChecks.caFile(notPem.toString()),
                ProfileChecks.clientCertificate(missing.toString(), notPem.toString(), null),
                ProfileChecks.clientCertificate(notPem.toString(), notPem.toString(), null));
        CheckTexts inEnglish = new CheckTexts(Texts.english());
        CheckTexts inChinese = new CheckTexts(Texts.simplifiedChinese());
        List<String> errors = new ArrayList<>();
        for (FieldCheck verdict : verdicts) {
            assertThat(inEnglish.explain(verdict)).isEqualTo(verdict);
            assertChinese(verdict.message(), inChinese.explain(verdict).message());
            errors.add(verdict.message());
        }
        try {
            TlsContextFactory.readPrivateKey(notPem, null);
        } catch (ConnectionException e) {
            errors.add(e.getMessage());
        }
        assertThat(errors).contains("CA certificate file " + missing + " does not exist");
        assertThat(inChinese.explain(verdicts.get(0)).message()).isEqualTo("CA 证书文件 " + missing + " 不存在");
        assertChinese(errors.get(errors.size() - 1), chinese.of(errors.get(errors.size() - 1)));
        // A failed connect shows the reader's sentence after the connection's own words.
        String status = "Connect failed: CA certificate file " + missing + " does not exist";
        assertThat(new io.mqttworkbench.ui.connection.ConnectionTexts(Texts.simplifiedChinese()).of(status))
                .isEqualTo("连接失败：CA 证书文件 " + missing + " 不存在");
    }

    private List<String> importNotes() throws IOException {
        List<String> notes = new ArrayList<>();
        for (String resource : List.of("mqttx-export.json", "mqtt-explorer-settings.json")) {
            try (InputStream in = getClass().getResourceAsStream("/imports/" + resource)) {
                notes.addAll(ProfileImport.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), folder).notes());
            }
        }
        String explorer = """
                {"ConnectionManager_connections": {
                  "a": {"configVersion": 1, "type": "mqtt", "name": "No folder", "host": "h", "port": 8883, "protocol": "mqtt",
                        "encryption": true, "certValidation": true, "selfSignedCertificate": {"name": "ca.pem", "data": "LS0tLS1CRUdJTg=="},
                        "subscriptions": [{"qos": 1}, {"topic": "a/#/b", "qos": 0}]},
                  "b": {"configVersion": 1, "type": "mqtt", "name": "Half a pair", "host": "h", "port": 8883, "protocol": "mqtt",
                        "encryption": true, "certValidation": true, "clientKey": {"name": "k.pem", "data": "not base64!"},
                        "clientCertificate": {"name": "c.pem", "data": "LS0tLS1CRUdJTg=="}, "subscriptions": []},
                  "c": {"configVersion": 1, "type": "mqtt", "name": "Plain", "host": "h", "port": 1883, "protocol": "mqtt",
                        "encryption": false, "certValidation": true, "selfSignedCertificate": {"name": "ca.pem", "data": "LS0tLS1CRUdJTg=="},
                        "subscriptions": []},
                  "d": {"configVersion": 1, "type": "mqtt", "name": "Empty", "host": "h", "port": 8883, "protocol": "mqtt",
                        "encryption": true, "certValidation": true, "selfSignedCertificate": {"name": "e.pem", "data": ""}},
                  "s": {"configVersion": 1, "type": "sparkplug", "name": "Other", "host": "h", "port": 1883},
                  "t": {"configVersion": 1, "type": "mqtt", "name": "No host", "host": "", "port": 1883},
                  "u": {"configVersion": 1, "type": "mqtt", "name": "Odd", "host": "h", "port": 1883, "protocol": "ftp"},
                  "v": 7}}
                """;
        notes.addAll(ProfileImport.read(explorer, null).notes());
        notes.addAll(ProfileImport.read(explorer, folder).notes());
        String mqttx = """
                [{"id": "x1", "name": "Old", "host": "h", "port": 8883, "protocol": "mqtts", "mqttVersion": "3.1", "parentId": "gone",
                  "ssl": true, "certType": "self", "ca": "-----BEGIN CERTIFICATE-----", "cert": "/c.pem", "clientId": "c",
                  "will": {"lastWillTopic": "a/#/b", "lastWillPayload": "x"},
                  "subscriptions": [7, {"qos": 1}, {"topic": "a/#/b", "qos": 0}]},
                 {"id": "x2", "name": "Bad port", "host": "h", "port": "many", "protocol": "mqtt"}]
                """;
        notes.addAll(ProfileImport.read(mqttx, folder).notes());
        return notes;
    }

    private static void assertChinese(String english, String chinese) {
        String rest = chinese.replaceAll("'[^']*'|\"[^\"]*\"|“[^”]*”|\\S*/\\S*|\\w+\\.json|[A-Za-z]*[a-z][A-Z]\\w*|\\([^)]*\\)|（[A-Z][^（）]*）|（\\w+(\\.\\w+)+[^（）]*）", " ") // a library's own detail stays as it words it
                .replaceAll("\\b(mqtt|true|false)\\b", " "); // protocol words the format itself spells so
        assertThat(ENGLISH.matcher(rest).find()).as("%s%n  -> %s", english, chinese).isFalse();
        assertThat(chinese).as(english).isNotEqualTo(english);
    }
}
