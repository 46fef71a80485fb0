package io.mqttworkbench.profile;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens a file of connection profiles whatever wrote it: MQTT Workbench itself, MQTTX or MQTT Explorer.
 * The format is told from the document's shape, so the user does not have to say where the file came from.
 */
public final class ProfileImport {

    /** Where a document came from. */
    public enum Format {
        MQTT_WORKBENCH("MQTT Workbench"),
        MQTTX("MQTTX"),
        MQTT_EXPLORER("MQTT Explorer"),
        UNKNOWN("unknown");

        private final String displayName;

        Format(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    private ProfileImport() {
    }

    /** Which format the text is in; {@link Format#UNKNOWN} for anything else, including text that is not JSON. */
    public static Format detect(String json) {
        try {
            return detect(ForeignJson.parse(json));
        } catch (ProfileFormatException e) {
            return Format.UNKNOWN;
        }
    }

    /**
     * Reads the profiles in the text, in whichever format it is. Certificates embedded in the file (MQTT
     * Explorer does that) are written to {@code certificateFolder}. Throws {@link ProfileFormatException}
     * with the reason when the text is not JSON or not a format this class knows.
     */
    public static ImportResult read(String json, Path certificateFolder) {
        JsonElement root = ForeignJson.parse(json);
        return switch (detect(root)) {
            case MQTT_WORKBENCH -> new ImportResult(readOwn(json), List.of());
            case MQTTX -> MqttxImporter.read(root);
            case MQTT_EXPLORER -> MqttExplorerImporter.read(root, certificateFolder);
            case UNKNOWN -> throw new ProfileFormatException(
                    "not a file of connection profiles: expected an MQTT Workbench profiles file, an MQTTX export or MQTT Explorer's settings");
        };
    }

    private static List<Profile> readOwn(String json) {
        try {
            return ProfileJson.read(json);
        } catch (IllegalArgumentException e) {
            // Migrating a version 1 file parses its URLs, which may fail with a plain IllegalArgumentException.
            throw new ProfileFormatException(e.getMessage());
        }
    }

    private static Format detect(JsonElement root) {
        if (isOwnFormat(root)) {
            return Format.MQTT_WORKBENCH;
        }
        if (MqttExplorerImporter.recognises(root)) {
            return Format.MQTT_EXPLORER;
        }
        if (MqttxImporter.recognises(root)) {
            return Format.MQTTX;
        }
        return Format.UNKNOWN;
    }

    /** Our own file in any schema version: version 1 had no format marker, only "version" and URL-based "connections". */
    private static boolean isOwnFormat(JsonElement root) {
        if (!root.isJsonObject()) {
            return false;
        }
        JsonObject document = root.getAsJsonObject();
        JsonElement format = document.get("format");
        if (format != null && format.isJsonPrimitive() && ProfileJson.FORMAT.equals(format.getAsString())) {
            return true;
        }
        if (document.has("schemaVersion") && document.has("profiles")) {
            return true;
        }
        JsonElement connections = document.get("connections");
        if (!document.has("version") || connections == null || !connections.isJsonArray()) {
            return false;
        }
        for (JsonElement connection : connections.getAsJsonArray()) {
            if (connection.isJsonObject() && connection.getAsJsonObject().has("url")) {
                return true;
            }
        }
        return connections.getAsJsonArray().isEmpty();
    }
}
