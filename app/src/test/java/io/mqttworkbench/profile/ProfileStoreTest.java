package io.mqttworkbench.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.LastWill;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.mqtt.ReconnectPolicy;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.TlsSettings;
import io.mqttworkbench.mqtt.Transport;
import io.mqttworkbench.mqtt.UserProperty;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    @TempDir
    Path dir;

    /** A profile with every field away from its default. */
    static Profile everything() {
        ConnectionSettings settings = ConnectionSettings.builder(new BrokerUrl(Transport.SECURE_WEBSOCKET, "bus.example.com", 8084, "/mqtt"))
                .version(MqttVersion.V5)
                .clientId("orders-debug")
                .cleanStart(false)
                .sessionExpiry(Duration.ofHours(1))
                .keepAlive(Duration.ofSeconds(25))
                .connectTimeout(Duration.ofSeconds(7))
                .username("alice")
                .password("eyJhbGciOiJIUzI1NiJ9.e30.signature".toCharArray())
                .reconnect(new ReconnectPolicy(false, Duration.ofMillis(500), Duration.ofSeconds(20)))
                .tls(new TlsSettings(Path.of("/certs/ca.pem"), Path.of("/certs/client.pem"), Path.of("/certs/client.key"),
                        "keypass".toCharArray(), false, true))
                .lastWill(new LastWill("clients/orders-debug/status", "offline".getBytes(StandardCharsets.UTF_8), 1, true,
                        new MessageProperties("text/plain", true, 600L, "clients/replies", "corr-1".getBytes(StandardCharsets.UTF_8),
                                List.of(new UserProperty("k", "v"), new UserProperty("k", "w")), List.of(), null), 5L))
                .build();
        return Profile.builder("Orders (staging)", settings)
                .folder("Customers/ACME")
                .color("#D1242F")
                .randomClientIdSuffix(true)
                .subscriptions(List.of(new SavedSubscription(new SubscriptionRequest("orders/#", 2, true, true, 2, 17), "#D6338A", false, "cbor"),
                        new SavedSubscription(SubscriptionRequest.of("$SYS/#", 0), "#2DA44E", true)))
                .topicDecoders(java.util.Map.of("orders/raw/frame", "hex"))
                .history(new HistorySettings(false, Duration.ofHours(36), 300 * HistorySettings.MIB))
                .build();
    }

    @Test
    void roundTripsEveryField() throws IOException {
        ProfileStore store = new ProfileStore(dir);
        Profile original = everything();
        store.save(List.of(Profile.sandbox(), original));

        ProfileStore.LoadResult result = new ProfileStore(dir).load();

        assertThat(result).isInstanceOf(ProfileStore.Loaded.class);
        Profile loaded = result.profiles().get(1);
        assertThat(loaded.id()).isEqualTo(original.id());
        assertThat(loaded.name()).isEqualTo("Orders (staging)");
        assertThat(loaded.folder()).isEqualTo("Customers/ACME");
        assertThat(loaded.color()).isEqualTo("#D1242F");
        assertThat(loaded.randomClientIdSuffix()).isTrue();
        assertThat(loaded.askForPassword()).isFalse();
        assertThat(loaded.subscriptions()).isEqualTo(original.subscriptions());
        assertThat(loaded.subscriptions().get(0).decoder()).isEqualTo("cbor");
        assertThat(loaded.topicDecoders()).containsExactly(java.util.Map.entry("orders/raw/frame", "hex"));
        ConnectionSettings s = loaded.settings();
        ConnectionSettings o = original.settings();
        assertThat(s.url()).isEqualTo(o.url());
        assertThat(s.version()).isEqualTo(o.version());
        assertThat(s.clientId()).isEqualTo("orders-debug");
        assertThat(s.cleanStart()).isFalse();
        assertThat(s.sessionExpiry()).isEqualTo(Duration.ofHours(1));
        assertThat(s.keepAlive()).isEqualTo(Duration.ofSeconds(25));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(s.username()).isEqualTo("alice");
        assertThat(s.password()).isEqualTo(o.password());
        assertThat(s.reconnect()).isEqualTo(o.reconnect());
        assertThat(s.tls().toString()).isEqualTo(o.tls().toString());
        assertThat(s.tls().keyPassword()).isEqualTo("keypass".toCharArray());
        assertThat(s.lastWill()).isEqualTo(o.lastWill());
        assertThat(loaded.history()).isEqualTo(new HistorySettings(false, Duration.ofHours(36), 300 * HistorySettings.MIB));
        assertThat(result.profiles().get(0).isSandbox()).isTrue();
        assertThat(result.profiles().get(0).history()).isEqualTo(HistorySettings.DEFAULT);
    }

    /** Files written before the history had settings, or with only some of them, read with a week and 2 GiB kept on disk. */
    @Test
    void aFileWithoutHistorySettingsGetsTheDefaults() throws IOException {
        Files.writeString(dir.resolve(ProfileStore.FILE_NAME), """
                {"format": "mqtt-workbench-profiles", "schemaVersion": 2, "profiles": [
                  {"name": "Old", "connection": {"transport": "mqtt", "host": "a", "port": 1883}},
                  {"name": "Half", "connection": {"transport": "mqtt", "host": "b", "port": 1883}, "history": {"maxAgeHours": 5}}
                ]}""");
        List<Profile> profiles = new ProfileStore(dir).load().profiles();
        assertThat(profiles.get(1).history()).isEqualTo(new HistorySettings(true, Duration.ofDays(7), 2L * 1024 * 1024 * 1024));
        assertThat(profiles.get(2).history()).isEqualTo(new HistorySettings(true, Duration.ofHours(5), 2L * 1024 * 1024 * 1024));
    }

    /** "Subscribe to # on connect" is off in files written before it existed, and kept when on. */
    @Test
    void subscribeToAllOnConnectIsOffInOldFilesAndSurvivesARoundTrip() throws IOException {
        Files.writeString(dir.resolve(ProfileStore.FILE_NAME), """
                {"format": "mqtt-workbench-profiles", "schemaVersion": 2, "profiles": [
                  {"name": "Old", "connection": {"transport": "mqtt", "host": "a", "port": 1883}, "subscriptions": [{"filter": "x/+"}]}
                ]}""");
        List<Profile> profiles = new ProfileStore(dir).load().profiles();
        Profile old = profiles.get(1);
        assertThat(old.subscribeAllOnConnect()).isFalse();

        new ProfileStore(dir).save(List.of(old, old.toBuilder().id("all").name("All").subscribeAllOnConnect(true).build()));
        assertThat(Files.readString(dir.resolve(ProfileStore.FILE_NAME))).containsOnlyOnce("\"subscribeToAllOnConnect\": true");
        List<Profile> again = new ProfileStore(dir).load().profiles();
        assertThat(again).extracting(Profile::name, Profile::subscribeAllOnConnect).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Local sandbox", false), org.assertj.core.groups.Tuple.tuple("Old", false),
                org.assertj.core.groups.Tuple.tuple("All", true));
        assertThat(again.get(2).subscriptions()).extracting(SavedSubscription::filter).containsExactly("x/+");
    }

    @Test
    void aHistoryLimitThatMakesNoSenseNamesTheProfile() throws IOException {
        Files.writeString(dir.resolve(ProfileStore.FILE_NAME), """
                {"format": "mqtt-workbench-profiles", "schemaVersion": 2, "profiles": [
                  {"name": "Zero", "connection": {"transport": "mqtt", "host": "a", "port": 1883}, "history": {"maxSizeMiB": 0}}
                ]}""");
        ProfileStore.LoadResult result = new ProfileStore(dir).load();
        assertThat(((ProfileStore.Unreadable) result).reason()).contains("profile 1 ('Zero')").contains("largest size must be between 1 MiB");
    }

    @Test
    void topicDecoderChoicesAreBoundedKeepingTheMostRecent() {
        java.util.Map<String, String> many = new java.util.LinkedHashMap<>();
        for (int i = 0; i < Profile.MAX_TOPIC_DECODERS + 5; i++) {
            many.put("t/" + i, "hex");
        }
        Profile profile = everything().toBuilder().topicDecoders(many).build();
        assertThat(profile.topicDecoders()).hasSize(Profile.MAX_TOPIC_DECODERS).doesNotContainKey("t/4").containsKey("t/5")
                .containsKey("t/" + (Profile.MAX_TOPIC_DECODERS + 4));
        assertThat(Profile.sandbox().topicDecoders()).isEmpty();
        assertThat(ProfileJson.write(List.of(Profile.sandbox()), false)).doesNotContain("topicDecoders");
    }

    @Test
    void aProfileThatAsksForItsPasswordNeverStoresOne() throws IOException {
        Profile asking = everything().toBuilder().askForPassword(true).build();
        new ProfileStore(dir).save(List.of(asking));
        assertThat(Files.readString(dir.resolve(ProfileStore.FILE_NAME))).doesNotContain("eyJhbGciOiJIUzI1NiJ9");
        assertThat(new ProfileStore(dir).load().profiles().get(1).askForPassword()).isTrue();
    }

    @Test
    void exportsLeaveSecretsOutUnlessAsked() {
        String withoutSecrets = ProfileJson.write(List.of(everything()), false);
        assertThat(withoutSecrets).doesNotContain("eyJhbGciOiJIUzI1NiJ9").doesNotContain("keypass").contains("alice");
        assertThat(ProfileJson.write(List.of(everything()), true)).contains("eyJhbGciOiJIUzI1NiJ9").contains("keypass");
    }

    @Test
    void aFirstStartHasTheSandbox() {
        ProfileStore.LoadResult result = new ProfileStore(dir).load();
        assertThat(result).isInstanceOf(ProfileStore.FirstStart.class);
        assertThat(result.profiles()).singleElement().satisfies(p -> assertThat(p.isSandbox()).isTrue());
    }

    @Test
    void keepsThePreviousVersionAsBackup() throws IOException {
        ProfileStore store = new ProfileStore(dir);
        store.save(List.of(Profile.sandbox(), everything()));
        store.save(List.of(Profile.sandbox()));
        assertThat(store.loadBackup()).extracting(Profile::name).containsExactly("Local sandbox", "Orders (staging)");
    }

    @Test
    void aCrashBetweenWriteAndRenameLeavesTheOldFile() throws IOException {
        Path file = dir.resolve(ProfileStore.FILE_NAME);
        new ProfileStore(dir).save(List.of(Profile.sandbox(), everything()));
        String before = Files.readString(file);

        ProfileStore crashing = new ProfileStore(new AtomicFile(file, () -> {
            throw new IOException("simulated power cut");
        }));
        assertThatThrownBy(() -> crashing.save(List.of(Profile.sandbox()))).hasMessageContaining("simulated power cut");

        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(new ProfileStore(dir).load().profiles()).extracting(Profile::name).containsExactly("Local sandbox", "Orders (staging)");
        // The next save goes through although a temporary file was left behind.
        new ProfileStore(dir).save(List.of(Profile.sandbox()));
        assertThat(new ProfileStore(dir).load().profiles()).hasSize(1);
    }

    @Test
    void aCorruptFileIsReportedKeptAsideUntouchedAndDoesNotReplaceTheBackup() throws IOException {
        ProfileStore store = new ProfileStore(dir);
        store.save(List.of(Profile.sandbox(), everything()));
        store.save(List.of(Profile.sandbox(), everything(), Profile.forUrl(BrokerUrl.parse("mqtt://a:1"))));
        Path file = dir.resolve(ProfileStore.FILE_NAME);
        String garbage = "{\"format\":\"mqtt-workbench-profiles\",\"schemaVersion\":2,\"profiles\":[{\"name\":";
        Files.writeString(file, garbage);

        ProfileStore reopened = new ProfileStore(dir);
        ProfileStore.LoadResult result = reopened.load();

        assertThat(result).isInstanceOf(ProfileStore.Unreadable.class);
        ProfileStore.Unreadable unreadable = (ProfileStore.Unreadable) result;
        assertThat(unreadable.reason()).contains(file.toString()).contains("not valid JSON");
        assertThat(unreadable.backupAvailable()).isTrue();
        assertThat(Files.readString(file)).isEqualTo(garbage);
        assertThat(Files.readString(unreadable.keptAside())).isEqualTo(garbage);
        assertThat(unreadable.profiles()).singleElement().satisfies(p -> assertThat(p.isSandbox()).isTrue());

        // Saving after an unreadable load must not push the good backup out: not with the broken file,
        // and not with the session's second save either (the user may not have restored it yet).
        reopened.save(unreadable.profiles());
        reopened.save(unreadable.profiles());
        assertThat(reopened.loadBackup()).hasSize(2);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("profiles.json.bak.at-failure-"));
        }
    }

    @Test
    void aBrokenFileThatCannotBeCopiedAsideIsNotOverwritten() throws IOException {
        Path file = dir.resolve(ProfileStore.FILE_NAME);
        Files.writeString(file, "{broken");
        boolean[] asideFails = {true};
        ProfileStore store = new ProfileStore(new AtomicFile(file, new AtomicFile.Steps() {
            @Override
            public void beforeRename() {
            }

            @Override
            public void beforeCopyAside() throws IOException {
                if (asideFails[0]) {
                    throw new IOException("disk full");
                }
            }
        }));
        ProfileStore.Unreadable result = (ProfileStore.Unreadable) store.load();
        assertThat(result.keptAside()).isNull();

        assertThatThrownBy(() -> store.save(result.profiles())).isInstanceOf(IOException.class).hasMessageContaining("could not be read at start");
        assertThat(Files.readString(file)).isEqualTo("{broken");

        asideFails[0] = false;
        store.save(result.profiles());
        assertThat(new ProfileStore(dir).load()).isInstanceOf(ProfileStore.Loaded.class);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("profiles.json.unreadable-"));
        }
    }

    @Test
    void aFileWhoseShapeConfusesTheMigrationIsReportedNotThrown() throws IOException {
        Files.writeString(dir.resolve(ProfileStore.FILE_NAME),
                "{\"version\": 1, \"connections\": [{\"name\": \"a\", \"protocolVersion\": {}}]}");
        ProfileStore.LoadResult result = new ProfileStore(dir).load();
        assertThat(result).isInstanceOf(ProfileStore.Unreadable.class);
        assertThat(((ProfileStore.Unreadable) result).reason()).contains("cannot be read");
    }

    @Test
    void binaryCorrelationDataSurvivesARoundTrip() throws IOException {
        byte[] binary = {0, (byte) 0xff, (byte) 0xc3, 0x28, 7};
        Profile profile = Profile.builder("Binary", ConnectionSettings.builder(BrokerUrl.parse("mqtt://localhost:1883"))
                .lastWill(new LastWill("t/will", binary, 0, false,
                        new MessageProperties(null, false, null, null, binary, List.of(), List.of(), null), null))
                .build()).build();
        ProfileStore store = new ProfileStore(dir);
        store.save(List.of(profile));
        Profile back = new ProfileStore(dir).load().profiles().get(1);
        assertThat(back.settings().lastWill().payload()).isEqualTo(binary);
        assertThat(back.settings().lastWill().properties().correlationData()).isEqualTo(binary);
        assertThat(back.settings().lastWill().properties().payloadFormatUtf8()).isFalse();
    }

    @Test
    void aValueThatMakesNoSenseNamesTheProfile() throws IOException {
        Files.writeString(dir.resolve(ProfileStore.FILE_NAME), """
                {"format": "mqtt-workbench-profiles", "schemaVersion": 2, "profiles": [
                  {"name": "Good", "connection": {"transport": "mqtt", "host": "a", "port": 1883}},
                  {"name": "Broken", "connection": {"transport": "mqtt", "host": "b", "port": 70000}}
                ]}""");
        ProfileStore.LoadResult result = new ProfileStore(dir).load();
        assertThat(((ProfileStore.Unreadable) result).reason()).contains("profile 2 ('Broken')").contains("port 70000 is outside 1-65535");
    }

    @Test
    void aFileFromANewerVersionIsNotGuessedAt() throws IOException {
        Files.writeString(dir.resolve(ProfileStore.FILE_NAME), "{\"format\":\"mqtt-workbench-profiles\",\"schemaVersion\":9,\"profiles\":[]}");
        assertThat(((ProfileStore.Unreadable) new ProfileStore(dir).load()).reason()).contains("newer MQTT Workbench (schema version 9)");
    }

    @Test
    void migratesSchemaVersion1() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/profiles/profiles-v1.json")) {
            Files.write(dir.resolve(ProfileStore.FILE_NAME), in.readAllBytes());
        }
        List<Profile> profiles = new ProfileStore(dir).load().profiles();

        assertThat(profiles).extracting(Profile::name).containsExactly("Local sandbox", "Factory floor", "Staging bus");
        Profile floor = profiles.get(1);
        assertThat(floor.id()).isEqualTo("9b2f6a1e-0000-4000-8000-000000000001");
        assertThat(floor.folder()).isEqualTo("Plants/Berlin");
        assertThat(floor.settings().url()).isEqualTo(BrokerUrl.parse("mqtt://broker.plant.example:1884"));
        assertThat(floor.settings().version()).isEqualTo(MqttVersion.V3_1_1);
        assertThat(floor.settings().clientId()).isEqualTo("floor-monitor");
        assertThat(floor.settings().username()).isEqualTo("monitor");
        assertThat(floor.settings().password()).isEqualTo("s3cret".toCharArray());
        assertThat(floor.settings().cleanStart()).isFalse();
        assertThat(floor.settings().keepAlive()).isEqualTo(Duration.ofSeconds(30));
        assertThat(floor.subscriptionRequests()).containsExactly(SubscriptionRequest.of("plant/+/status", 0), SubscriptionRequest.of("plant/#", 1));
        Profile staging = profiles.get(2);
        assertThat(staging.settings().url()).isEqualTo(new BrokerUrl(Transport.SECURE_WEBSOCKET, "bus.staging.example", 443, "/mqtt"));
        assertThat(staging.settings().version()).isEqualTo(MqttVersion.V5);
        assertThat(staging.settings().tls().caFile()).isEqualTo(Path.of("/etc/ssl/staging-ca.pem"));
        assertThat(staging.settings().tls().trustAnyCertificate()).isTrue();
        assertThat(profiles).extracting(Profile::history).containsOnly(HistorySettings.DEFAULT);
    }

    @Test
    void credentialsThatVersion1KeptInTheUrlAreMigratedAndTheFieldsWin() throws IOException {
        Files.writeString(dir.resolve(ProfileStore.FILE_NAME), """
                {"version": 1, "connections": [
                  {"name": "In the URL", "url": "mqtt://bob:b%40r@h:1883"},
                  {"name": "Both", "url": "mqtt://bob:old@h:1883", "username": "carol", "password": "new"}
                ]}""");
        List<Profile> profiles = new ProfileStore(dir).load().profiles();

        assertThat(profiles.get(1).settings().url()).isEqualTo(BrokerUrl.parse("mqtt://h:1883"));
        assertThat(profiles.get(1).settings().username()).isEqualTo("bob");
        assertThat(profiles.get(1).settings().password()).isEqualTo("b@r".toCharArray());
        assertThat(profiles.get(2).settings().username()).isEqualTo("carol");
        assertThat(profiles.get(2).settings().password()).isEqualTo("new".toCharArray());
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws IOException {
        new ProfileStore(dir).save(List.of(everything()));
        Path file = dir.resolve(ProfileStore.FILE_NAME);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void profilesNeverPrintTheirSecrets() {
        assertThat(everything().toString()).doesNotContain("eyJhbGciOiJIUzI1NiJ9").doesNotContain("keypass");
    }
}
