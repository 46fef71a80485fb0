package io.mqttworkbench.profile;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.TlsSettings;
import io.mqttworkbench.mqtt.Transport;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads the connections MQTT Explorer keeps: its settings.json (a lowdb document in which the key
 * {@value #SETTINGS_KEY} holds the connections by id) or the file its "Export connections" writes (that
 * dictionary alone). Certificates come embedded, as base64 of the PEM file the user picked; because a
 * profile refers to certificate files, each one is written to a file in the folder the caller names.
 *
 * <p>The mapping is based on the thomasnordquist/MQTT-Explorer sources of the 0.4.0 beta line (package.json
 * 0.4.0-beta.5, MQTT.js 4.3):
 * <ul>
 * <li>app/src/model/ConnectionOptions.ts: ConnectionOptions (configVersion 1), CertificateParameters
 *     {name, data: base64}, and {@code toMqttConnection}, which builds {@code protocol://host:port/basePath};</li>
 * <li>app/src/actions/ConnectionManager.ts: the storage key, {@code exportConnections}/{@code importConnections}
 *     (the export is the dictionary itself) and {@code openCertificate} (the file's bytes as base64);</li>
 * <li>app/src/actions/migrations/Connection.ts: before configVersion 1 subscriptions were plain topic strings;</li>
 * <li>backend/src/DataSource/MqttSource.ts: encryption turns mqtt/ws into mqtts/wss, certValidation is
 *     rejectUnauthorized, the certificates are decoded from base64, and nothing else is set, so MQTT.js 4
 *     defaults apply: MQTT 3.1.1, keep-alive 60 s, clean session;</li>
 * <li>backend/src/ConfigStorage.ts: settings.json holds one entry per store id.</li>
 * </ul>
 * MQTT Explorer has no last will, folders, colours or MQTT 5 settings, so imported profiles have none.
 */
public final class MqttExplorerImporter {

    /** The key of the connections in MQTT Explorer's settings.json. */
    public static final String SETTINGS_KEY = "ConnectionManager_connections";

    private MqttExplorerImporter() {
    }

    /**
     * Reads a settings.json or connections export. Embedded certificates are written to
     * {@code certificateFolder} (created if needed); with a null folder they are left out with a note.
     * Throws {@link ProfileFormatException} when the text is not such a file.
     */
    public static ImportResult read(String json, Path certificateFolder) {
        return read(ForeignJson.parse(json), certificateFolder);
    }

    static ImportResult read(JsonElement root, Path certificateFolder) {
        JsonObject connections = connections(root);
        if (connections.isEmpty()) {
            throw new ProfileFormatException("the MQTT Explorer file holds no connections");
        }
        List<Profile> profiles = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int number = 0;
        for (Map.Entry<String, JsonElement> entry : connections.entrySet()) {
            number++;
            if (!entry.getValue().isJsonObject()) {
                notes.add("Connection " + number + " ('" + entry.getKey() + "') was not imported: it is not an object");
                continue;
            }
            JsonObject connection = entry.getValue().getAsJsonObject();
            String label = ForeignJson.label(number, connection);
            List<String> own = new ArrayList<>();
            try {
                profiles.add(toProfile(connection, certificateFolder, own::add));
                own.forEach(note -> notes.add(label + ": " + note));
            } catch (IllegalArgumentException | NullPointerException e) {
                notes.add(label + " was not imported: " + e.getMessage());
            }
        }
        return new ImportResult(profiles, notes);
    }

    /** Whether the document has the shape of MQTT Explorer's settings or connections export. */
    static boolean recognises(JsonElement root) {
        if (!root.isJsonObject()) {
            return false;
        }
        JsonObject object = root.getAsJsonObject();
        JsonElement wrapped = object.get("connections");
        return object.has(SETTINGS_KEY) || looksLikeConnection(object) || isDictionary(object)
                || wrapped != null && wrapped.isJsonObject() && isDictionary(wrapped.getAsJsonObject());
    }

    private static JsonObject connections(JsonElement root) {
        if (!root.isJsonObject()) {
            throw new ProfileFormatException("not an MQTT Explorer settings or connections file: expected a JSON object");
        }
        JsonObject object = root.getAsJsonObject();
        if (object.has(SETTINGS_KEY)) {
            JsonElement stored = object.get(SETTINGS_KEY);
            if (stored.isJsonNull()) {
                return new JsonObject();
            }
            if (!stored.isJsonObject()) {
                throw new ProfileFormatException("'" + SETTINGS_KEY + "' in the MQTT Explorer settings is not a set of connections");
            }
            return stored.getAsJsonObject();
        }
        JsonElement wrapped = object.get("connections");
        if (wrapped != null && wrapped.isJsonObject() && isDictionary(wrapped.getAsJsonObject())) {
            return wrapped.getAsJsonObject();
        }
        if (looksLikeConnection(object)) {
            JsonObject single = new JsonObject();
            single.add("connection", object);
            return single;
        }
        if (isDictionary(object)) {
            return object;
        }
        throw new ProfileFormatException("not an MQTT Explorer settings or connections file");
    }

    private static boolean looksLikeConnection(JsonObject object) {
        return object.has("host") && (object.has("encryption") || object.has("certValidation") || object.has("configVersion")
                || object.has("basePath"));
    }

    private static boolean isDictionary(JsonObject object) {
        boolean any = false;
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            if (!entry.getValue().isJsonObject()) {
                return false;
            }
            any |= looksLikeConnection(entry.getValue().getAsJsonObject());
        }
        return any;
    }

    private static Profile toProfile(JsonObject c, Path certificateFolder, Consumer<String> note) {
        String type = ForeignJson.nonBlank(c, "type");
        if (type != null && !type.equals("mqtt")) {
            throw new IllegalArgumentException("it is of type '" + type + "', not an MQTT connection");
        }
        String host = ForeignJson.nonBlank(c, "host");
        if (host == null) {
            throw new IllegalArgumentException("it has no host");
        }
        String protocol = Objects.requireNonNullElse(ForeignJson.nonBlank(c, "protocol"), "mqtt");
        Transport plain = Transport.fromScheme(protocol)
                .orElseThrow(() -> new IllegalArgumentException("protocol '" + protocol + "' is not mqtt or ws"));
        Transport transport = ForeignJson.bool(c, "encryption", false) ? secure(plain) : plain;
        Integer port = ForeignJson.integer(c, "port");
        // MQTT Explorer writes protocol://host:port/basePath: the base path comes without its leading slash.
        String basePath = Objects.requireNonNullElse(ForeignJson.string(c, "basePath"), "").strip().replaceFirst("^/+", "");
        BrokerUrl url = new BrokerUrl(transport, host, port == null ? transport.defaultPort() : port, "/" + basePath);
        String name = Objects.requireNonNullElse(ForeignJson.nonBlank(c, "name"), host);
        String password = ForeignJson.string(c, "password");
        String username = ForeignJson.string(c, "username");

        ConnectionSettings settings = ConnectionSettings.builder(url)
                // MQTT Explorer never sets a protocol version: MQTT.js 4 connects with 3.1.1.
                .version(MqttVersion.V3_1_1)
                // No client id means a random one per connection, in MQTT Explorer and here alike.
                .clientId(Objects.requireNonNullElse(ForeignJson.string(c, "clientId"), "").strip())
                .username(username == null || username.isEmpty() ? null : username)
                .password(password == null || password.isEmpty() ? null : password.toCharArray())
                .tls(tls(c, transport, name, certificateFolder, note))
                .build();
        return Profile.builder(name, settings)
                .subscriptionRequests(subscriptions(c, note))
                .build();
    }

    private static Transport secure(Transport plain) {
        return switch (plain) {
            case TCP -> Transport.TLS;
            case WEBSOCKET -> Transport.SECURE_WEBSOCKET;
            default -> plain;
        };
    }

    private static TlsSettings tls(JsonObject c, Transport transport, String profileName, Path folder, Consumer<String> note) {
        boolean hasCertificates = ForeignJson.has(c, "selfSignedCertificate") || ForeignJson.has(c, "clientCertificate")
                || ForeignJson.has(c, "clientKey");
        if (!transport.secure()) {
            if (hasCertificates) {
                note.accept("its certificates were not imported: encryption is off for it, so MQTT Explorer did not use them either");
            }
            return TlsSettings.DEFAULT;
        }
        boolean verify = ForeignJson.bool(c, "certValidation", true);
        Path ca = save(c, "selfSignedCertificate", "CA certificate", profileName + "-ca", folder, note);
        Path certificate = save(c, "clientCertificate", "client certificate", profileName + "-cert", folder, note);
        Path key = save(c, "clientKey", "client key", profileName + "-key", folder, note);
        if ((certificate == null) != (key == null)) {
            note.accept("a client certificate needs its key and a key its certificate; the " + (certificate != null ? "certificate" : "key")
                    + " without its partner is not used: set both in the TLS section");
            certificate = null;
            key = null;
        }
        // Node's rejectUnauthorized=false skips both the chain and the host name check.
        return new TlsSettings(ca, certificate, key, null, verify, !verify);
    }

    /** Writes one embedded certificate to a file and returns it, or says in a note why it could not. */
    private static Path save(JsonObject c, String field, String what, String fileName, Path folder, Consumer<String> note) {
        JsonObject parameters = ForeignJson.object(c, field);
        if (parameters == null) {
            return null;
        }
        String originalName = ForeignJson.nonBlank(parameters, "name");
        String label = originalName == null ? what : what + " '" + originalName + "'";
        String data = ForeignJson.string(parameters, "data");
        if (data == null || data.isBlank()) {
            note.accept(label + " is empty in the export and was left out");
            return null;
        }
        byte[] content;
        try {
            content = Base64.getDecoder().decode(data.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            note.accept(label + " embedded in the export is not valid base64 and was left out");
            return null;
        }
        if (folder == null) {
            note.accept(label + " embedded in the export was not saved (no folder for certificates was given): "
                    + "save it to a file and set it in the TLS section");
            return null;
        }
        try {
            Path file = CertificateFiles.save(folder, CertificateFiles.safeName(fileName), content);
            note.accept(label + " embedded in the export was written to " + file);
            return file;
        } catch (IOException | RuntimeException e) {
            note.accept(label + " embedded in the export could not be written to " + folder + " (" + reason(e)
                    + "): save it to a file and set it in the TLS section");
            return null;
        }
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "access denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static List<SubscriptionRequest> subscriptions(JsonObject c, Consumer<String> note) {
        List<SubscriptionRequest> result = new ArrayList<>();
        for (JsonElement element : ForeignJson.array(c, "subscriptions")) {
            String topic = null;
            try {
                int qos = 0;
                if (element.isJsonPrimitive()) {
                    // configVersion 0 kept plain topics, subscribed with QoS 0.
                    topic = element.getAsString();
                } else if (element.isJsonObject()) {
                    topic = ForeignJson.string(element.getAsJsonObject(), "topic");
                    Integer level = ForeignJson.integer(element.getAsJsonObject(), "qos");
                    qos = level == null ? 0 : level;
                }
                if (topic == null || topic.isEmpty()) {
                    note.accept("a subscription without a topic was left out: " + element);
                    continue;
                }
                result.add(SubscriptionRequest.of(topic, qos));
            } catch (IllegalArgumentException e) {
                note.accept("subscription " + (topic == null ? element.toString() : "'" + topic + "'") + " was left out: " + e.getMessage());
            }
        }
        return result;
    }
}
