package io.mqttworkbench.profile;

import static io.mqttworkbench.profile.MqttxImporterTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.profile.ProfileImport.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileImportTest {

    @TempDir
    Path folder;

    @Test
    void tellsTheFormatsApart() throws IOException {
        assertThat(ProfileImport.detect(resource("mqttx-export.json"))).isEqualTo(Format.MQTTX);
        assertThat(ProfileImport.detect(resource("mqtt-explorer-settings.json"))).isEqualTo(Format.MQTT_EXPLORER);
        assertThat(ProfileImport.detect(ProfileJson.write(List.of(Profile.sandbox()), false))).isEqualTo(Format.MQTT_WORKBENCH);
        assertThat(ProfileImport.detect("{\"version\": 1, \"connections\": [{\"name\": \"a\", \"url\": \"mqtt://h:1883\"}]}"))
                .as("our schema version 1").isEqualTo(Format.MQTT_WORKBENCH);
        assertThat(ProfileImport.detect("{\"clientId\": \"c\", \"host\": \"h\", \"port\": 1883, \"mqttVersion\": \"5.0\"}"))
                .as("one MQTTX connection").isEqualTo(Format.MQTTX);
        assertThat(ProfileImport.detect("{\"x\": {\"configVersion\": 1, \"host\": \"h\", \"encryption\": false}}"))
                .as("MQTT Explorer's connections export").isEqualTo(Format.MQTT_EXPLORER);
        assertThat(Format.MQTT_EXPLORER.displayName()).isEqualTo("MQTT Explorer");
    }

    @Test
    void callsAnythingElseUnknown() {
        assertThat(ProfileImport.detect("not json {")).isEqualTo(Format.UNKNOWN);
        assertThat(ProfileImport.detect("")).isEqualTo(Format.UNKNOWN);
        assertThat(ProfileImport.detect(null)).isEqualTo(Format.UNKNOWN);
        assertThat(ProfileImport.detect("[]")).isEqualTo(Format.UNKNOWN);
        assertThat(ProfileImport.detect("{}")).isEqualTo(Format.UNKNOWN);
        assertThat(ProfileImport.detect("[{\"topic\": \"a\"}]")).isEqualTo(Format.UNKNOWN);
        assertThat(ProfileImport.detect("42")).isEqualTo(Format.UNKNOWN);
    }

    @Test
    void readsOurOwnFileWithoutNotes() {
        Profile original = Profile.forUrl(BrokerUrl.parse("mqtts://broker.example.com:8883")).toBuilder().folder("Work").build();
        ImportResult result = ProfileImport.read(ProfileJson.write(List.of(original), true), folder);

        assertThat(result.profiles()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(original.id());
            assertThat(p.settings().url()).isEqualTo(original.settings().url());
            assertThat(p.folder()).isEqualTo("Work");
        });
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void sendsEachFormatToItsReader() throws IOException {
        ImportResult mqttx = ProfileImport.read(resource("mqttx-export.json"), folder);
        assertThat(mqttx.profiles()).extracting(Profile::name).containsExactly("Plant sensors", "Cloud broker (mTLS)", "Browser gateway");
        assertThat(mqttx.notes()).isEqualTo(MqttxImporter.read(resource("mqttx-export.json")).notes());

        ImportResult explorer = ProfileImport.read(resource("mqtt-explorer-settings.json"), folder);
        assertThat(explorer.profiles()).extracting(Profile::name).containsExactly("Factory gateway", "Home Assistant");
        assertThat(explorer.profiles().get(0).settings().tls().caFile()).isEqualTo(folder.toAbsolutePath().resolve("Factory-gateway-ca.pem"));
        assertThat(Files.exists(folder.resolve("Factory-gateway-ca.pem"))).isTrue();
    }

    @Test
    void explainsWhyAFileCannotBeRead() {
        assertThatThrownBy(() -> ProfileImport.read("{\"theme\": \"dark\"}", folder))
                .isInstanceOf(ProfileFormatException.class)
                .hasMessage("not a file of connection profiles: expected an MQTT Workbench profiles file, an MQTTX export or "
                        + "MQTT Explorer's settings");
        assertThatThrownBy(() -> ProfileImport.read("{\"host\": ", folder))
                .isInstanceOf(ProfileFormatException.class).hasMessageStartingWith("not valid JSON (");
        assertThatThrownBy(() -> ProfileImport.read("", folder))
                .isInstanceOf(ProfileFormatException.class).hasMessage("the file is empty");
        assertThatThrownBy(() -> ProfileImport.read("{\"format\": \"mqtt-workbench-profiles\", \"schemaVersion\": 99, \"profiles\": []}", folder))
                .isInstanceOf(ProfileFormatException.class).hasMessageContaining("newer MQTT Workbench");
        assertThatThrownBy(() -> ProfileImport.read("{\"version\": 1, \"connections\": [{\"name\": \"a\", \"url\": \"http://h\"}]}", folder))
                .isInstanceOf(ProfileFormatException.class).hasMessageContaining("Unknown scheme 'http'");
    }
}
