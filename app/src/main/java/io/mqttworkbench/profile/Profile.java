package io.mqttworkbench.profile;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ClientIds;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.Transport;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A named way to reach a broker: everything the engine needs to connect, the subscriptions to make on
 * connect, and how the profile is shown (folder, colour). The built-in sandbox profile points at the
 * embedded broker, whose port is only known once it runs.
 *
 * @param folder where the profile sits in the side panel, levels separated by '/', "" for the top level
 * @param color the profile's colour tag as #RRGGBB, "" for none
 * @param askForPassword the password is never stored; the user is asked for it on each connect
 * @param randomClientIdSuffix each connection appends a short random suffix to the client id, so the same
 *                             profile can be open twice (or on two machines) without taking over its own session
 * @param topicDecoders the payload format id chosen for a topic's messages ("hex"…), by topic; at most
 *                      {@value #MAX_TOPIC_DECODERS}, the most recent kept
 * @param history whether received messages are kept on disk, and how long and how many
 * @param subscribeAllOnConnect each connect also subscribes to {@code #} (everything), as MQTT Explorer does; that
 *                              subscription is not one of {@code subscriptions}, so switching this off ends it
 */
public record Profile(String id, String name, String folder, String color, Kind kind, ConnectionSettings settings,
                      boolean askForPassword, boolean randomClientIdSuffix, List<SavedSubscription> subscriptions,
                      Map<String, String> topicDecoders, HistorySettings history, boolean subscribeAllOnConnect) {

    /** What the profile connects to. */
    public enum Kind {
        /** A broker somewhere, reached with the settings as they are. */
        BROKER,
        /** The embedded sandbox broker, started on demand; the URL's port is filled in when it runs. */
        SANDBOX
    }

    public static final String SANDBOX_ID = "sandbox";
    public static final int MAX_TOPIC_DECODERS = 1000;
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(settings, "settings");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A profile needs a name");
        }
        name = name.strip();
        folder = normaliseFolder(folder);
        color = color == null ? "" : color.strip();
        if (!color.isEmpty() && !COLOR.matcher(color).matches()) {
            throw new IllegalArgumentException("Colour '" + color + "' is not of the form #RRGGBB");
        }
        // One entry per filter (the broker keeps one subscription per filter too): the later one wins.
        java.util.LinkedHashMap<String, SavedSubscription> byFilter = new java.util.LinkedHashMap<>();
        if (subscriptions != null) {
            subscriptions.forEach(s -> byFilter.put(s.filter(), s));
        }
        subscriptions = List.copyOf(byFilter.values());
        java.util.LinkedHashMap<String, String> decoders = new java.util.LinkedHashMap<>();
        if (topicDecoders != null) {
            topicDecoders.forEach((topic, format) -> {
                if (topic != null && !topic.isEmpty() && format != null && !format.isBlank()) {
                    decoders.put(topic, format.strip());
                }
            });
        }
        // bounded: a choice made on every topic of a busy broker must not grow the profiles file for ever
        while (decoders.size() > MAX_TOPIC_DECODERS) {
            decoders.remove(decoders.keySet().iterator().next());
        }
        topicDecoders = java.util.Collections.unmodifiableMap(decoders);
        history = history == null ? HistorySettings.DEFAULT : history;
    }

    public Profile(String id, String name, String folder, String color, Kind kind, ConnectionSettings settings, boolean askForPassword,
                   boolean randomClientIdSuffix, List<SavedSubscription> subscriptions) {
        this(id, name, folder, color, kind, settings, askForPassword, randomClientIdSuffix, subscriptions, Map.of(), HistorySettings.DEFAULT, false);
    }

    /** What the profile asks of the broker on connect, paused subscriptions included (pausing is local). */
    public List<SubscriptionRequest> subscriptionRequests() {
        return subscriptions.stream().map(SavedSubscription::request).toList();
    }

    /** The "Local sandbox" profile every installation starts with: subscribed to everything. */
    public static Profile sandbox() {
        return new Profile(SANDBOX_ID, "Local sandbox", "", "#2DA44E", Kind.SANDBOX,
                ConnectionSettings.builder(BrokerUrl.of(Transport.TCP, "127.0.0.1", 1883)).build(),
                false, false, SavedSubscription.coloured(List.of(SubscriptionRequest.of("#", 1))));
    }

    /** A profile for a URL typed by the user, named after it. */
    public static Profile forUrl(BrokerUrl url) {
        return forUrl(new BrokerUrl.WithCredentials(url, null, null));
    }

    /** A profile for a URL typed with the credentials it carried; named after the URL and user, never the password. */
    public static Profile forUrl(BrokerUrl.WithCredentials typed) {
        BrokerUrl url = typed.url();
        String name = typed.username() == null ? url.toString() : typed.username() + " @ " + url;
        return builder(name, ConnectionSettings.builder(url).username(typed.username()).password(typed.password()).build()).build();
    }

    /** Whether this profile reaches the URL as typed: the same broker and, when the URL names them, the same credentials. */
    public boolean reaches(BrokerUrl.WithCredentials typed) {
        if (isSandbox() || !settings.url().equals(typed.url())) {
            return false;
        }
        return (typed.username() == null || typed.username().equals(settings.username()))
                && (typed.password() == null || java.util.Arrays.equals(typed.password(), settings.password()));
    }

    public static Builder builder(String name, ConnectionSettings settings) {
        return new Builder(UUID.randomUUID().toString(), name, settings);
    }

    public Builder toBuilder() {
        return new Builder(id, name, settings).folder(folder).color(color).kind(kind).askForPassword(askForPassword)
                .randomClientIdSuffix(randomClientIdSuffix).subscriptions(subscriptions).topicDecoders(topicDecoders).history(history)
                .subscribeAllOnConnect(subscribeAllOnConnect);
    }

    public boolean isSandbox() {
        return kind == Kind.SANDBOX;
    }

    /** A copy with a new id, named "… (copy)", in the same folder. The sandbox's copy is an ordinary profile. */
    public Profile duplicate() {
        return toBuilder().id(UUID.randomUUID().toString()).name(name + " (copy)").kind(Kind.BROKER).build();
    }

    /**
     * The settings for one connection: the client id gets its random suffix when the profile asks for one,
     * and a password asked for on connect replaces the (absent) stored one.
     */
    public ConnectionSettings settingsForConnect(char[] askedPassword) {
        ConnectionSettings.Builder builder = settings.toBuilder();
        if (randomClientIdSuffix) {
            String base = settings.clientId().isBlank() ? "mqttwb" : settings.clientId();
            builder.clientId(base + "-" + ClientIds.randomSuffix(6));
        }
        if (askForPassword) {
            builder.password(askedPassword);
        }
        return builder.build();
    }

    /** "Customers / ACME" from " Customers//ACME/ ": trimmed levels, no empty ones. */
    static String normaliseFolder(String folder) {
        if (folder == null || folder.isBlank()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String level : folder.split("/")) {
            String trimmed = level.strip();
            if (!trimmed.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append('/');
                }
                sb.append(trimmed);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        // Settings print without secrets.
        return "Profile[" + name + " (" + id + "), folder=" + folder + ", " + settings + "]";
    }

    /** Builds a profile field by field, as the editor and the importers do. */
    public static final class Builder {
        private String id;
        private String name;
        private String folder = "";
        private String color = "";
        private Kind kind = Kind.BROKER;
        private ConnectionSettings settings;
        private boolean askForPassword;
        private boolean randomClientIdSuffix;
        private List<SavedSubscription> subscriptions = List.of();
        private Map<String, String> topicDecoders = Map.of();
        private HistorySettings history = HistorySettings.DEFAULT;
        private boolean subscribeAllOnConnect;

        private Builder(String id, String name, ConnectionSettings settings) {
            this.id = id;
            this.name = name;
            this.settings = settings;
        }

        public Builder id(String value) { this.id = value; return this; }
        public Builder name(String value) { this.name = value; return this; }
        public Builder folder(String value) { this.folder = value; return this; }
        public Builder color(String value) { this.color = value; return this; }
        public Builder kind(Kind value) { this.kind = value; return this; }
        public Builder settings(ConnectionSettings value) { this.settings = value; return this; }
        public Builder askForPassword(boolean value) { this.askForPassword = value; return this; }
        public Builder randomClientIdSuffix(boolean value) { this.randomClientIdSuffix = value; return this; }
        public Builder subscriptions(List<SavedSubscription> value) { this.subscriptions = value; return this; }
        public Builder topicDecoders(Map<String, String> value) { this.topicDecoders = value; return this; }
        public Builder history(HistorySettings value) { this.history = value; return this; }
        public Builder subscribeAllOnConnect(boolean value) { this.subscribeAllOnConnect = value; return this; }
        /** Plain requests get palette colours in order and start unpaused. */
        public Builder subscriptionRequests(List<SubscriptionRequest> value) { this.subscriptions = SavedSubscription.coloured(value); return this; }

        public Profile build() {
            return new Profile(id, name, folder, color, kind, settings, askForPassword, randomClientIdSuffix, subscriptions, topicDecoders,
                    history, subscribeAllOnConnect);
        }
    }
}
