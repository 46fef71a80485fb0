package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.profile.SecretStore;
import io.mqttworkbench.testsupport.InMemoryKeyring;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's use of what the window saved: profiles, and the files they live in. No broker is reached. */
class SavedSettingsCliTest {

    @Test
    void aProfilesFileOfGigabytesIsAUsageErrorWithTheReasonNotAnOutOfMemoryError(@TempDir Path config) throws Exception {
        Path file = config.resolve("profiles.json");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(3L * 1024 * 1024 * 1024);
        }
        Cli.Run run = Cli.run("pub", "--config-dir", config.toString(), "--profile", "Anything", "-t", "a", "-m", "x");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).hasLineCount(1).contains("cannot be read").contains("3.0 GB, more than the 64.0 MB");
    }

    @Test
    void aProfileFindsItsPasswordInTheKeyringAndSaysWhatToDoWhereNoneAnswers(@TempDir Path config) throws Exception {
        InMemoryKeyring keyring = new InMemoryKeyring();
        Profile profile = Profile.forUrl(new BrokerUrl.WithCredentials(BrokerUrl.parse("mqtt://127.0.0.1:1883"), "alice", "wonderland".toCharArray()))
                .toBuilder().name("Staging").build();
        new ProfileStore(config, () -> new SecretStore.Keyring(keyring)).save(List.of(profile));
        assertThat(keyring.entries).containsValue("wonderland");

        ConnectionSettings settings = new SavedItems(config, () -> new SecretStore.Keyring(keyring)).profileSettings("Staging", null);
        assertThat(settings.username()).isEqualTo("alice");
        assertThat(settings.password()).isEqualTo("wonderland".toCharArray());

        SavedItems headless = new SavedItems(config, () -> new SecretStore.ProfilesFile("none was found"));
        assertThatThrownBy(() -> headless.profileSettings("Staging", null)).isInstanceOf(CliFailure.class)
                .hasMessage("profile 'Staging' keeps its password in the keyring, which does not answer here (none was found): "
                        + "give it with --password or --password-env");
        assertThat(headless.profileSettings("Staging", "typed".toCharArray()).password()).isEqualTo("typed".toCharArray());
    }
}
