package io.mqttworkbench.profile;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.mqttworkbench.decode.Utf8;
import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.LastWill;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.MqttEngine;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.mqtt.ReconnectPolicy;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.TlsSettings;
import io.mqttworkbench.mqtt.Transport;
import io.mqttworkbench.mqtt.UserProperty;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * The profiles file format (schema version {@value #SCHEMA_VERSION}): one JSON document, a profile per
 * entry, every field named for what it is. Secrets are written only when asked for, so the same code
 * writes the user's own file and exports meant to be shared; a secret kept in the keyring is written as
 * a mark that says so ({@code "passwordInKeyring": true}).
 */
public final class ProfileJson {

    public static final String FORMAT = "mqtt-workbench-profiles";
    public static final int SCHEMA_VERSION = 2;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ProfileJson() {
    }

    /** The file's content as records mirroring the JSON. Gson fills and writes them. */
    record FileDto(String format, int schemaVersion, List<ProfileDto> profiles) {
    }

    record ProfileDto(String id, String name, String folder, String color, String kind, ConnectionDto connection,
                      String clientId, Boolean randomClientIdSuffix, SessionDto session, AuthDto auth, TlsDto tls,
                      WillDto lastWill, List<SubscriptionDto> subscriptions, Map<String, String> topicDecoders, HistoryDto history,
                      Boolean subscribeToAllOnConnect) {
    }

    /** Absent in files written before issue 16, and so are its fields: the defaults then apply. */
    record HistoryDto(Boolean keepOnDisk, Long maxAgeHours, Long maxSizeMiB) {
    }

    /** @param clientLibrary the engine ("hivemq", "paho"); absent means the default */
    record ConnectionDto(String transport, String host, Integer port, String path, String mqttVersion, String clientLibrary) {
    }

    record SessionDto(Boolean cleanStart, Long sessionExpirySeconds, Long keepAliveSeconds, Long connectTimeoutSeconds,
                      Boolean autoReconnect, Long reconnectInitialMillis, Long reconnectMaxMillis) {
    }

    record AuthDto(String username, String password, Boolean askForPassword, Boolean passwordInKeyring) {
    }

    record TlsDto(String caFile, String clientCertificateFile, String clientKeyFile, String keyPassword, Boolean verifyHostname,
                  Boolean trustAnyCertificate, Boolean keyPasswordInKeyring) {
    }

    /**
     * A document as read.
     *
     * @param inKeyring the keyring accounts ({@link SecretStore.Field#account}) of the secrets the file says the keyring holds
     * @param secretsInFile whether any password or key password is written out in the file
     */
    record Document(List<Profile> profiles, Set<String> inKeyring, boolean secretsInFile) {
    }

    record WillDto(String topic, String payload, String payloadEncoding, Integer qos, Boolean retain, Long delaySeconds,
                   String contentType, Boolean payloadFormatUtf8, Long messageExpirySeconds, String responseTopic,
                   String correlationData, String correlationDataEncoding, List<UserPropertyDto> userProperties) {
    }

    record UserPropertyDto(String key, String value) {
    }

    record SubscriptionDto(String filter, Integer qos, Boolean noLocal, Boolean retainAsPublished, Integer retainHandling,
                           Integer subscriptionIdentifier, String color, Boolean paused, String decoder) {
    }

    /** Writes profiles as a document; passwords and key passwords only when {@code includeSecrets}. */
    public static String write(List<Profile> profiles, boolean includeSecrets) {
        return write(profiles, includeSecrets, Set.of());
    }

    /** As {@link #write(List, boolean)}, but the secrets of the accounts in {@code inKeyring} are only marked as kept there. */
    static String write(List<Profile> profiles, boolean includeSecrets, Set<String> inKeyring) {
        List<ProfileDto> dtos = new ArrayList<>();
        for (Profile profile : profiles) {
            dtos.add(toDto(profile, includeSecrets, inKeyring));
        }
        return GSON.toJson(new FileDto(FORMAT, SCHEMA_VERSION, dtos)) + "\n";
    }

    /**
     * Reads a document of any known schema version. Throws {@link ProfileFormatException} saying what is
     * wrong (and in which profile) when the text is not a profiles file or a value is invalid.
     */
    public static List<Profile> read(String text) {
        return readDocument(text).profiles();
    }

    /** As {@link #read}, with what the document says about where the secrets are. */
    static Document readDocument(String text) {
        JsonElement root;
        try {
            root = com.google.gson.JsonParser.parseString(text);
        } catch (RuntimeException e) {
            throw new ProfileFormatException("not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isJsonObject()) {
            throw new ProfileFormatException("not a profiles file: the document is not a JSON object");
        }
        JsonObject document;
        try {
            document = ProfileMigration.toCurrent(root.getAsJsonObject());
        } catch (ProfileFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            // A hand-edited file can put any shape anywhere; the migration must not crash the start.
            throw new ProfileFormatException("a value has the wrong type (" + firstLine(e.getMessage()) + ")");
        }
        FileDto file;
        try {
            file = GSON.fromJson(document, FileDto.class);
        } catch (RuntimeException e) {
            throw new ProfileFormatException("unexpected value (" + firstLine(e.getMessage()) + ")");
        }
        List<Profile> profiles = new ArrayList<>();
        Set<String> inKeyring = new LinkedHashSet<>();
        boolean secretsInFile = false;
        List<ProfileDto> dtos = file.profiles() == null ? List.of() : file.profiles();
        for (int i = 0; i < dtos.size(); i++) {
            ProfileDto dto = dtos.get(i);
            String which = "profile " + (i + 1) + (dto != null && dto.name() != null ? " ('" + dto.name() + "')" : "");
            if (dto == null) {
                throw new ProfileFormatException(which + " is empty");
            }
            Profile profile;
            try {
                profile = fromDto(dto);
            } catch (RuntimeException e) {
                throw new ProfileFormatException(which + ": " + firstLine(e.getMessage()));
            }
            profiles.add(profile);
            for (SecretStore.Field field : SecretStore.Field.values()) {
                if (field.of(profile) != null) {
                    secretsInFile = true;
                } else if (markedInKeyring(dto, field)) {
                    inKeyring.add(field.account(profile.id()));
                }
            }
        }
        return new Document(profiles, inKeyring, secretsInFile);
    }

    private static boolean markedInKeyring(ProfileDto dto, SecretStore.Field field) {
        return switch (field) {
            case PASSWORD -> dto.auth() != null && Boolean.TRUE.equals(dto.auth().passwordInKeyring());
            case KEY_PASSWORD -> dto.tls() != null && Boolean.TRUE.equals(dto.tls().keyPasswordInKeyring());
        };
    }

    static ProfileDto toDto(Profile p, boolean includeSecrets, Set<String> inKeyring) {
        ConnectionSettings s = p.settings();
        BrokerUrl url = s.url();
        ConnectionDto connection = new ConnectionDto(url.transport().scheme(), url.host(), url.port(),
                url.transport().websocket() ? url.path() : null, s.version().label(), s.engine().id());
        SessionDto session = new SessionDto(s.cleanStart(), s.sessionExpiry().toSeconds(), s.keepAlive().toSeconds(),
                s.connectTimeout().toSeconds(), s.reconnect().enabled(), s.reconnect().initialDelay().toMillis(),
                s.reconnect().maxDelay().toMillis());
        boolean passwordInKeyring = inKeyring.contains(SecretStore.Field.PASSWORD.account(p.id()));
        boolean keyPasswordInKeyring = inKeyring.contains(SecretStore.Field.KEY_PASSWORD.account(p.id()));
        String password = includeSecrets && !passwordInKeyring ? SecretStore.Field.PASSWORD.of(p) : null;
        AuthDto auth = new AuthDto(emptyToNull(s.username()), password, p.askForPassword(), passwordInKeyring ? Boolean.TRUE : null);
        TlsSettings t = s.tls();
        TlsDto tls = new TlsDto(pathText(t.caFile()), pathText(t.clientCertificateFile()), pathText(t.clientKeyFile()),
                includeSecrets && !keyPasswordInKeyring ? SecretStore.Field.KEY_PASSWORD.of(p) : null, t.verifyHostname(),
                t.trustAnyCertificate(), keyPasswordInKeyring ? Boolean.TRUE : null);
        List<SubscriptionDto> subscriptions = p.subscriptions().stream()
                .map(saved -> {
                    SubscriptionRequest r = saved.request();
                    return new SubscriptionDto(r.filter(), r.qos(), r.noLocal(), r.retainAsPublished(), r.retainHandling(),
                            r.subscriptionIdentifier(), saved.color(), saved.paused() ? Boolean.TRUE : null, saved.decoder());
                })
                .toList();
        return new ProfileDto(p.id(), p.name(), p.folder(), emptyToNull(p.color()), p.kind().name().toLowerCase(Locale.ROOT),
                connection, emptyToNull(s.clientId()), p.randomClientIdSuffix(), session, auth, tls, toDto(s.lastWill()), subscriptions,
                p.topicDecoders().isEmpty() ? null : p.topicDecoders(), toDto(p.history()),
                p.subscribeAllOnConnect() ? Boolean.TRUE : null); // absent means off, as in files written before it existed
    }

    private static HistoryDto toDto(HistorySettings h) {
        return new HistoryDto(h.keepOnDisk(), h.maxAge().toHours(), h.maxBytes() / HistorySettings.MIB);
    }

    private static HistorySettings fromDto(HistoryDto h) {
        HistorySettings d = HistorySettings.DEFAULT;
        if (h == null) {
            return d;
        }
        return new HistorySettings(or(h.keepOnDisk(), d.keepOnDisk()),
                h.maxAgeHours() == null ? d.maxAge() : Duration.ofHours(h.maxAgeHours()),
                h.maxSizeMiB() == null ? d.maxBytes() : Math.multiplyExact(h.maxSizeMiB(), HistorySettings.MIB));
    }

    private static WillDto toDto(LastWill will) {
        if (will == null) {
            return null;
        }
        byte[] payload = will.payload();
        boolean text = Utf8.isValid(payload);
        MessageProperties p = will.properties();
        byte[] correlation = p.correlationData();
        return new WillDto(will.topic(), textOrBase64(payload),
                text ? "utf8" : "base64", will.qos(), will.retain(), will.delaySeconds(), p.contentType(), p.payloadFormatUtf8(),
                p.messageExpirySeconds(), p.responseTopic(), correlation == null ? null : textOrBase64(correlation),
                correlation == null ? null : Utf8.isValid(correlation) ? "utf8" : "base64",
                p.userProperties().isEmpty() ? null : p.userProperties().stream().map(u -> new UserPropertyDto(u.key(), u.value())).toList());
    }

    static Profile fromDto(ProfileDto d) {
        ConnectionDto c = require(d.connection(), "connection");
        Transport transport = Transport.fromScheme(require(c.transport(), "connection.transport"))
                .orElseThrow(() -> new IllegalArgumentException("unknown transport '" + c.transport() + "'"));
        int port = c.port() == null ? transport.defaultPort() : c.port();
        BrokerUrl url = new BrokerUrl(transport, require(c.host(), "connection.host"), port, c.path());
        SessionDto session = d.session() == null ? new SessionDto(null, null, null, null, null, null, null) : d.session();
        AuthDto auth = d.auth() == null ? new AuthDto(null, null, null, null) : d.auth();
        TlsDto tls = d.tls();
        ReconnectPolicy reconnect = new ReconnectPolicy(or(session.autoReconnect(), true),
                Duration.ofMillis(or(session.reconnectInitialMillis(), ReconnectPolicy.DEFAULT.initialDelay().toMillis())), Duration.ofMillis(or(session.reconnectMaxMillis(), 30_000L)));
        ConnectionSettings settings = ConnectionSettings.builder(url)
                .version(c.mqttVersion() == null ? MqttVersion.V5 : MqttVersion.parse(c.mqttVersion()))
                .engine(MqttEngine.parse(c.clientLibrary()))
                .clientId(d.clientId())
                .cleanStart(or(session.cleanStart(), true))
                .sessionExpiry(Duration.ofSeconds(or(session.sessionExpirySeconds(), 0L)))
                .keepAlive(Duration.ofSeconds(or(session.keepAliveSeconds(), 60L)))
                .connectTimeout(Duration.ofSeconds(or(session.connectTimeoutSeconds(), 10L)))
                .reconnect(reconnect)
                .username(auth.username())
                .password(auth.password() == null ? null : auth.password().toCharArray())
                .tls(tls == null ? TlsSettings.DEFAULT : new TlsSettings(path(tls.caFile()), path(tls.clientCertificateFile()),
                        path(tls.clientKeyFile()), tls.keyPassword() == null ? null : tls.keyPassword().toCharArray(),
                        or(tls.verifyHostname(), true), or(tls.trustAnyCertificate(), false)))
                .lastWill(fromDto(d.lastWill()))
                .build();
        List<SavedSubscription> subscriptions = new ArrayList<>();
        if (d.subscriptions() != null) {
            for (SubscriptionDto s : d.subscriptions()) {
                if (s == null) {
                    continue;
                }
                SubscriptionRequest request = new SubscriptionRequest(require(s.filter(), "subscription filter"), or(s.qos(), 0),
                        or(s.noLocal(), false), or(s.retainAsPublished(), false), or(s.retainHandling(), 0), s.subscriptionIdentifier());
                String color = s.color() == null || s.color().isBlank() ? SavedSubscription.nextColor(subscriptions) : s.color();
                subscriptions.add(new SavedSubscription(request, color, or(s.paused(), false), s.decoder()));
            }
        }
        Profile.Kind kind = "sandbox".equalsIgnoreCase(d.kind()) ? Profile.Kind.SANDBOX : Profile.Kind.BROKER;
        return new Profile(d.id() == null || d.id().isBlank() ? java.util.UUID.randomUUID().toString() : d.id(), d.name(),
                d.folder(), d.color(), kind, settings, or(auth.askForPassword(), false), or(d.randomClientIdSuffix(), false), subscriptions,
                d.topicDecoders(), fromDto(d.history()), or(d.subscribeToAllOnConnect(), false));
    }

    private static LastWill fromDto(WillDto w) {
        if (w == null || w.topic() == null || w.topic().isEmpty()) {
            return null;
        }
        byte[] payload = w.payload() == null ? new byte[0] : bytes(w.payload(), w.payloadEncoding(), "lastWill.payload");
        List<UserProperty> user = w.userProperties() == null ? List.of()
                : w.userProperties().stream().map(u -> new UserProperty(u.key(), u.value())).toList();
        MessageProperties properties = new MessageProperties(w.contentType(), w.payloadFormatUtf8(), w.messageExpirySeconds(),
                w.responseTopic(),
                w.correlationData() == null ? null : bytes(w.correlationData(), w.correlationDataEncoding(), "lastWill.correlationData"),
                user, List.of(), null);
        return new LastWill(w.topic(), payload, or(w.qos(), 0), or(w.retain(), false), properties, w.delaySeconds());
    }

    /** Binary values are stored as text when they are UTF-8, so the file stays readable, else as Base64. */
    private static String textOrBase64(byte[] bytes) {
        return Utf8.isValid(bytes) ? new String(bytes, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] bytes(String text, String encoding, String field) {
        if (!"base64".equalsIgnoreCase(encoding)) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not valid Base64");
        }
    }

    private static <T> T require(T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String pathText(Path path) {
        return path == null ? null : path.toString();
    }

    private static Path path(String text) {
        return text == null || text.isBlank() ? null : Path.of(text);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no details";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
