package io.mqttworkbench.profile;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.mqtt.ReconnectPolicy;
import io.mqttworkbench.mqtt.TlsSettings;
import io.mqttworkbench.mqtt.Transport;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the connections MQTTX (the desktop client by EMQ) writes with "Export data" as JSON: one connection
 * as an object, all connections as a list. Newer releases put collections (MQTTX's folders) into that list
 * as flat records ({@code isCollection: true}) that connections point to with {@code parentId}.
 *
 * <p>The mapping is based on the emqx/MQTTX desktop sources, from the 1.9 releases (package.json 1.9.7) to the
 * later main-branch sources (with ALPN, subscription identifiers and the flat collection records):
 * <ul>
 * <li>src/types/global.d.ts: ConnectionModel, WillModel, WillPropertiesModel, ClientPropertiesModel,
 *     SubscriptionModel, CollectionModel, the field names and their types;</li>
 * <li>src/database/services/ConnectionService.ts ({@code entityToModel}): how an exported connection is built,
 *     which is why will and connect properties may appear both flat and under "properties";</li>
 * <li>src/database/models/ConnectionEntity.ts, WillEntity.ts, SubscriptionEntity.ts: defaults, and values stored
 *     as text (will user properties are a JSON string, QoS a "simple-enum");</li>
 * <li>src/utils/mqttUtils.ts ({@code getClientOptions}): what the fields mean on the wire. connectTimeout is in
 *     seconds, reconnectPeriod in milliseconds (0 turns reconnecting off), clientIdWithTime appends "_" and a
 *     timestamp, rejectUnauthorized defaults to true, ca/cert/key are file paths used only for certType 'self';</li>
 * <li>src/components/ExportData.vue, ImportData.vue and src/utils/connectionBackup.ts: the document shapes.</li>
 * </ul>
 * MQTTX has no colour for a connection, so imported profiles get none; the colours MQTTX gives subscriptions are
 * kept, and a subscription switched off in MQTTX comes in paused.
 */
public final class MqttxImporter {

    /** MQTTX's default, and the fixed period of releases before the setting existed. */
    private static final long DEFAULT_RECONNECT_PERIOD_MILLIS = 4000;
    private static final long DEFAULT_KEEP_ALIVE_SECONDS = 60;
    private static final long DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

    /** MQTT 5 CONNECT properties MQTTX can send that a profile has no setting for. */
    private static final List<String> UNSUPPORTED_CONNECT_PROPERTIES = List.of("receiveMaximum", "maximumPacketSize",
            "topicAliasMaximum", "requestResponseInformation", "requestProblemInformation", "userProperties",
            "authenticationMethod", "authenticationData");

    /** Fields only MQTTX writes on a connection; MQTT Explorer's have none of them. */
    private static final List<String> SIGNATURE_FIELDS = List.of("mqttVersion", "clientIdWithTime", "certType", "keepalive",
            "clean", "ssl");

    private MqttxImporter() {
    }

    private record CollectionRecord(String name, String parentId) {
    }

    /** A connection and, when the export nests collections, the folder it was found in. */
    private record Entry(JsonObject connection, String nestedFolder) {
    }

    /**
     * Reads an MQTTX export. Throws {@link ProfileFormatException} when the text is not one; a connection
     * that cannot be imported is left out with a note saying why.
     */
    public static ImportResult read(String json) {
        return read(ForeignJson.parse(json));
    }

    static ImportResult read(JsonElement root) {
        Map<String, CollectionRecord> collections = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        try {
            collect(records(root), null, collections, entries);
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException("not an MQTTX export: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new ProfileFormatException("the MQTTX export holds no connections");
        }
        List<Profile> profiles = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String label = ForeignJson.label(i + 1, entry.connection());
            List<String> own = new ArrayList<>();
            try {
                String folder = entry.nestedFolder() != null ? entry.nestedFolder() : folderOf(entry.connection(), collections, own::add);
                profiles.add(toProfile(entry.connection(), folder, own::add));
                own.forEach(note -> notes.add(label + ": " + note));
            } catch (IllegalArgumentException | NullPointerException e) {
                notes.add(label + " was not imported: " + e.getMessage());
            }
        }
        return new ImportResult(profiles, notes);
    }

    /** Whether the document has the shape of an MQTTX export; used to tell formats apart. */
    static boolean recognises(JsonElement root) {
        if (root.isJsonArray()) {
            for (JsonElement element : root.getAsJsonArray()) {
                if (element.isJsonObject() && (isCollection(element.getAsJsonObject()) || looksLikeConnection(element.getAsJsonObject()))) {
                    return true;
                }
            }
            return false;
        }
        if (!root.isJsonObject()) {
            return false;
        }
        JsonObject object = root.getAsJsonObject();
        if (looksLikeConnection(object)) {
            return true;
        }
        JsonElement wrapped = object.get("connections");
        return wrapped != null && wrapped.isJsonArray() && recognises(wrapped);
    }

    private static boolean looksLikeConnection(JsonObject object) {
        return object.has("host") && SIGNATURE_FIELDS.stream().anyMatch(object::has);
    }

    private static boolean isCollection(JsonObject object) {
        JsonElement flag = object.get("isCollection");
        return flag != null && flag.isJsonPrimitive() && flag.getAsJsonPrimitive().isBoolean() && flag.getAsBoolean();
    }

    /** The list of records: the export itself, a single exported connection, or a list wrapped in an object. */
    private static JsonArray records(JsonElement root) {
        if (root.isJsonArray()) {
            return root.getAsJsonArray();
        }
        if (root.isJsonObject()) {
            JsonObject object = root.getAsJsonObject();
            if (looksLikeConnection(object)) {
                JsonArray single = new JsonArray();
                single.add(object);
                return single;
            }
            JsonElement wrapped = object.get("connections");
            if (wrapped != null && wrapped.isJsonArray()) {
                return wrapped.getAsJsonArray();
            }
        }
        throw new ProfileFormatException("not an MQTTX export: expected one connection or a list of connections");
    }

    private static void collect(JsonArray records, String folder, Map<String, CollectionRecord> collections, List<Entry> entries) {
        for (int i = 0; i < records.size(); i++) {
            JsonElement element = records.get(i);
            if (!element.isJsonObject()) {
                throw new IllegalArgumentException("entry " + (i + 1) + " of the list is not an object");
            }
            JsonObject record = element.getAsJsonObject();
            if (!isCollection(record)) {
                entries.add(new Entry(record, folder));
                continue;
            }
            // Our folders split on '/', MQTTX collection names may contain one.
            String name = Objects.requireNonNullElse(ForeignJson.nonBlank(record, "name"), "Collection").replace('/', '-');
            String id = ForeignJson.nonBlank(record, "id");
            if (id != null) {
                collections.put(id, new CollectionRecord(name, ForeignJson.nonBlank(record, "parentId")));
            }
            if (record.has("children")) {
                // A collection exported as a tree holds its members itself.
                collect(ForeignJson.array(record, "children"), folder == null ? name : folder + "/" + name, collections, entries);
            }
        }
    }

    /** The folder path of the collection a flat connection record points to, "" at the top level. */
    private static String folderOf(JsonObject connection, Map<String, CollectionRecord> collections, Consumer<String> note) {
        String parentId = ForeignJson.nonBlank(connection, "parentId");
        if (parentId == null) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (String id = parentId; id != null && seen.add(id); ) {
            CollectionRecord collection = collections.get(id);
            if (collection == null) {
                note.accept("it was in an MQTTX collection that is not part of this export, so it goes to the top level");
                return "";
            }
            path.insert(0, path.isEmpty() ? collection.name() : collection.name() + "/");
            id = collection.parentId();
        }
        return path.toString();
    }

    private static Profile toProfile(JsonObject c, String folder, Consumer<String> note) {
        String host = ForeignJson.nonBlank(c, "host");
        if (host == null) {
            throw new IllegalArgumentException("it has no host");
        }
        Transport transport = transport(c);
        Integer port = ForeignJson.integer(c, "port");
        String path = ForeignJson.string(c, "path");
        BrokerUrl url = new BrokerUrl(transport, host, port == null ? transport.defaultPort() : port, path == null ? "/mqtt" : path);
        MqttVersion version = version(c, note);

        boolean clientIdWithTime = ForeignJson.bool(c, "clientIdWithTime", false);
        if (clientIdWithTime) {
            note.accept("MQTTX 'clientIdWithTime' (a timestamp appended to the client id on each connect) became the random client id suffix");
        }
        JsonObject properties = ForeignJson.object(c, "properties");
        long reconnectPeriod = or(ForeignJson.whole(c, "reconnectPeriod"), DEFAULT_RECONNECT_PERIOD_MILLIS);
        // MQTT.js retries at a fixed period; equal initial and maximum delays give the same rhythm.
        ReconnectPolicy reconnect = reconnectPeriod > 0
                ? new ReconnectPolicy(ForeignJson.bool(c, "reconnect", true), Duration.ofMillis(reconnectPeriod), Duration.ofMillis(reconnectPeriod))
                : ReconnectPolicy.NEVER;

        ConnectionSettings.Builder settings = ConnectionSettings.builder(url)
                .version(version)
                .clientId(Objects.requireNonNullElse(ForeignJson.string(c, "clientId"), "").strip())
                .cleanStart(ForeignJson.bool(c, "clean", true))
                .keepAlive(Duration.ofSeconds(or(ForeignJson.whole(c, "keepalive"), DEFAULT_KEEP_ALIVE_SECONDS)))
                .connectTimeout(Duration.ofSeconds(or(ForeignJson.whole(c, "connectTimeout"), DEFAULT_CONNECT_TIMEOUT_SECONDS)))
                .reconnect(reconnect)
                .username(emptyToNull(ForeignJson.string(c, "username")))
                .password(passwordOf(c))
                .tls(transport.secure() ? tls(c, note) : TlsSettings.DEFAULT)
                .lastWill(MqttxMessageFields.will(c, note));
        if (version == MqttVersion.V5) {
            // MQTTX sends CONNECT properties only with MQTT 5; with 3.1.1 they were never in effect.
            Long sessionExpiry = ForeignJson.whole(MqttxMessageFields.source(properties, c, "sessionExpiryInterval"), "sessionExpiryInterval");
            if (sessionExpiry != null) {
                settings.sessionExpiry(Duration.ofSeconds(sessionExpiry));
            }
            List<String> dropped = UNSUPPORTED_CONNECT_PROPERTIES.stream()
                    .filter(name -> MqttxMessageFields.meaningful(properties, name) || MqttxMessageFields.meaningful(c, name))
                    .toList();
            if (!dropped.isEmpty()) {
                note.accept("MQTT 5 connect properties " + String.join(", ", dropped) + " have no profile setting and were left out");
            }
        }
        String name = Objects.requireNonNullElse(ForeignJson.nonBlank(c, "name"), host);
        return Profile.builder(name, settings.build())
                .folder(folder)
                .randomClientIdSuffix(clientIdWithTime)
                .subscriptions(MqttxMessageFields.subscriptions(c, note))
                .build();
    }

    private static Transport transport(JsonObject c) {
        String protocol = ForeignJson.nonBlank(c, "protocol");
        if (protocol == null) {
            // Records from before the protocol field: MQTTX derives it from the TLS switch (getMQTTProtocol).
            return ForeignJson.bool(c, "ssl", false) ? Transport.TLS : Transport.TCP;
        }
        return Transport.fromScheme(protocol)
                .orElseThrow(() -> new IllegalArgumentException("protocol '" + protocol + "' is not one of mqtt, mqtts, ws, wss"));
    }

    private static MqttVersion version(JsonObject c, Consumer<String> note) {
        String text = ForeignJson.nonBlank(c, "mqttVersion");
        if (text == null) {
            // Releases before MQTT 5 support wrote no version: they spoke 3.1.1.
            return MqttVersion.V3_1_1;
        }
        if (text.equals("3.1")) {
            note.accept("MQTT 3.1 is not supported, the profile uses MQTT 3.1.1");
            return MqttVersion.V3_1_1;
        }
        return MqttVersion.parse(text);
    }

    private static char[] passwordOf(JsonObject c) {
        String password = ForeignJson.string(c, "password");
        return password == null || password.isEmpty() ? null : password.toCharArray();
    }

    private static TlsSettings tls(JsonObject c, Consumer<String> note) {
        // Node's rejectUnauthorized=false skips both the chain and the host name check.
        boolean verify = ForeignJson.bool(c, "rejectUnauthorized", true);
        Path ca = null;
        Path certificate = null;
        Path key = null;
        // 'server' means a certificate signed by a public CA: MQTTX then ignores the three paths, and so do we.
        if ("self".equals(ForeignJson.nonBlank(c, "certType"))) {
            ca = certificatePath(c, "ca", "CA certificate", note);
            certificate = certificatePath(c, "cert", "client certificate", note);
            key = certificatePath(c, "key", "client key", note);
            if ((certificate == null) != (key == null)) {
                note.accept("a client certificate needs its key and a key its certificate; the " + (certificate != null ? "certificate" : "key")
                        + " given alone was left out: set both in the TLS section");
                certificate = null;
                key = null;
            }
        }
        String alpn = ForeignJson.nonBlank(c, "ALPNProtocols");
        if (alpn != null) {
            note.accept("TLS ALPN protocols (" + alpn + ") have no profile setting and were left out");
        }
        return new TlsSettings(ca, certificate, key, null, verify, !verify);
    }

    /** A certificate file path as MQTTX keeps it; PEM text pasted in place of a path cannot be used as one. */
    private static Path certificatePath(JsonObject c, String field, String what, Consumer<String> note) {
        String value = ForeignJson.nonBlank(c, field);
        if (value == null) {
            return null;
        }
        if (value.startsWith("-----BEGIN")) {
            note.accept(what + " kept as text could not be used: save it to a file and set it in the TLS section");
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            note.accept(what + " path '" + value + "' is not a valid path on this system: set it in the TLS section");
            return null;
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
