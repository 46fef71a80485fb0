package io.mqttworkbench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.TlsSettings;
import io.mqttworkbench.testsupport.InMemoryKeyring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords and key passwords in a keyring (one kept in memory here), profiles.json holding only a mark
 * that they are there; and what happens where the keyring is gone or refuses.
 */
class KeyringProfileStoreTest {

    private static final String PASSWORD = "eyJhbGciOiJIUzI1NiJ9.e30.signature";
    private static final String KEY_PASSWORD = "keypass";

    @TempDir
    Path dir;
    private final InMemoryKeyring keyring = new InMemoryKeyring();

    private ProfileStore withKeyring() {
        return new ProfileStore(dir, () -> new SecretStore.Keyring(keyring));
    }

    private ProfileStore withoutKeyring() {
        return new ProfileStore(dir, () -> new SecretStore.ProfilesFile("none was found"));
    }

    private String file() throws IOException {
        return Files.readString(dir.resolve(ProfileStore.FILE_NAME));
    }

    @Test
    void passwordsGoToTheKeyringAndTheFileOnlyMarksThem() throws IOException {
        Profile profile = ProfileStoreTest.everything();
        withKeyring().save(List.of(Profile.sandbox(), profile));

        assertThat(file()).doesNotContain(PASSWORD).doesNotContain(KEY_PASSWORD)
                .contains("\"passwordInKeyring\": true").contains("\"keyPasswordInKeyring\": true");
        assertThat(keyring.entries).containsOnly(
                java.util.Map.entry(profile.id() + "/password", PASSWORD), java.util.Map.entry(profile.id() + "/key-password", KEY_PASSWORD));

        Profile back = withKeyring().load().profiles().get(1);
        assertThat(back.settings().password()).isEqualTo(PASSWORD.toCharArray());
        assertThat(back.settings().tls().keyPassword()).isEqualTo(KEY_PASSWORD.toCharArray());
        // an export leaves them out, marks included, unless asked for them
        assertThat(ProfileJson.write(List.of(back), false)).doesNotContain(PASSWORD).doesNotContain(KEY_PASSWORD).doesNotContain("InKeyring");
        assertThat(ProfileJson.write(List.of(back), true)).contains(PASSWORD).contains(KEY_PASSWORD);
    }

    @Test
    void passwordsWrittenOutInTheFileMoveIntoTheKeyringWithTheNextSaveBackupIncluded() throws IOException {
        ProfileStore before = withoutKeyring();
        before.save(List.of(Profile.sandbox(), ProfileStoreTest.everything()));
        before.save(List.of(Profile.sandbox(), ProfileStoreTest.everything()));
        assertThat(file()).contains(PASSWORD);

        ProfileStore store = withKeyring();
        List<Profile> loaded = store.load().profiles();
        assertThat(store.secretsToMove()).isTrue();
        store.save(loaded);

        assertThat(file()).doesNotContain(PASSWORD).doesNotContain(KEY_PASSWORD);
        assertThat(Files.readString(dir.resolve(ProfileStore.FILE_NAME + ".bak"))).doesNotContain(PASSWORD).doesNotContain(KEY_PASSWORD);
        assertThat(keyring.entries).hasSize(2);
        assertThat(store.secretsToMove()).isFalse();
        assertThat(withKeyring().load().profiles().get(1).settings().password()).isEqualTo(PASSWORD.toCharArray());
    }

    @Test
    void unchangedPasswordsAreNotWrittenAgainAndRemovedOnesLeaveTheKeyring() throws IOException {
        Profile profile = ProfileStoreTest.everything();
        Profile other = profile.duplicate();
        ProfileStore store = withKeyring();
        store.save(List.of(profile, other));
        store.save(List.of(profile.toBuilder().name("renamed").build(), other));
        assertThat(keyring.writes.get()).isEqualTo(4);

        TlsSettings t = profile.settings().tls();
        Profile withoutKeyPassword = profile.toBuilder().settings(profile.settings().toBuilder()
                .tls(new TlsSettings(t.caFile(), t.clientCertificateFile(), t.clientKeyFile(), null, t.verifyHostname(), t.trustAnyCertificate()))
                .build()).build();
        store.save(List.of(withoutKeyPassword));
        assertThat(keyring.entries).containsOnlyKeys(profile.id() + "/password");
        assertThat(file()).doesNotContain("keyPasswordInKeyring");

        Profile asking = withoutKeyPassword.toBuilder().askForPassword(true).build();
        store.save(List.of(asking));
        assertThat(keyring.entries).isEmpty();
    }

    @Test
    void marksWhoseKeyringDoesNotAnswerStaySoThePasswordsAreFoundWhereItDoes() throws IOException {
        Profile profile = ProfileStoreTest.everything();
        withKeyring().save(List.of(profile));

        ProfileStore headless = withoutKeyring();
        List<Profile> loaded = headless.load().profiles();
        assertThat(loaded.get(1).settings().password()).isNull();
        assertThat(headless.unreadableSecrets(profile.id())).containsExactly(SecretStore.Field.PASSWORD, SecretStore.Field.KEY_PASSWORD);

        // a change elsewhere is saved without losing the marks; a password typed now goes to the file
        List<Profile> edited = new ArrayList<>(loaded);
        edited.add(Profile.forUrl(new io.mqttworkbench.mqtt.BrokerUrl.WithCredentials(
                io.mqttworkbench.mqtt.BrokerUrl.parse("mqtt://h:1883"), "bob", "typed-here".toCharArray())));
        headless.save(edited);
        assertThat(file()).contains("\"passwordInKeyring\": true").contains("\"keyPasswordInKeyring\": true").contains("typed-here");

        Profile back = withKeyring().load().profiles().get(1);
        assertThat(back.settings().password()).isEqualTo(PASSWORD.toCharArray());
    }

    @Test
    void aKeyringThatRefusesTurnsTheSessionToTheFileAndSaysSo() throws IOException {
        List<String> told = new ArrayList<>();
        ProfileStore store = withKeyring();
        store.save(List.of(Profile.sandbox()));
        keyring.refuseWrites = true;
        try (ProfileLibrary library = new ProfileLibrary(store, told::add)) {
            library.saveLater(List.of(Profile.sandbox(), ProfileStoreTest.everything()));
        }
        assertThat(file()).contains(PASSWORD);
        assertThat(store.secrets()).isInstanceOf(SecretStore.ProfilesFile.class);
        assertThat(told).containsExactly("No keyring answered (the test keyring refused a write: locked): "
                + "passwords are kept in profiles.json, readable only by you.");
    }

    @Test
    void aFileWithoutPasswordsNeverAsksTheKeyring() throws IOException {
        withoutKeyring().save(List.of(Profile.sandbox()));
        ProfileStore store = new ProfileStore(dir, () -> {
            throw new AssertionError("the keyring was asked");
        });
        assertThat(store.load()).isInstanceOf(ProfileStore.Loaded.class);
        assertThat(store.secretsIfKnown()).isEmpty();
    }
}
