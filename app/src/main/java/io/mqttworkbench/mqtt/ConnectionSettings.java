package io.mqttworkbench.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to open one connection. Immutable; build with {@link #builder(BrokerUrl)}.
 * An empty client id means "generate one at connect time".
 */
public record ConnectionSettings(
        BrokerUrl url,
        MqttVersion version,
        MqttEngine engine,
        String clientId,
        boolean cleanStart,
        Duration sessionExpiry,
        Duration keepAlive,
        Duration connectTimeout,
        String username,
        char[] password,
        LastWill lastWill,
        ReconnectPolicy reconnect,
        TlsSettings tls) {

    public ConnectionSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(version, "version");
        engine = engine == null ? MqttEngine.DEFAULT : engine;
        clientId = clientId == null ? "" : clientId;
        sessionExpiry = sessionExpiry == null ? Duration.ZERO : sessionExpiry;
        keepAlive = keepAlive == null ? Duration.ofSeconds(60) : keepAlive;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        reconnect = reconnect == null ? ReconnectPolicy.DEFAULT : reconnect;
        tls = tls == null ? TlsSettings.DEFAULT : tls;
        password = password == null ? null : password.clone();
        if (keepAlive.isNegative() || keepAlive.toSeconds() > 65535) {
            throw new IllegalArgumentException("keep-alive must be between 0 and 65535 seconds");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive");
        }
        if (sessionExpiry.isNegative() || sessionExpiry.toSeconds() > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("session expiry must be between 0 and 4294967295 seconds");
        }
        if (clientId.length() > 65535) {
            throw new IllegalArgumentException("client id is longer than 65535 characters");
        }
    }

    @Override
    public char[] password() {
        return password == null ? null : password.clone();
    }

    /** The password as the UTF-8 bytes MQTT sends, or null; the copy in between is wiped. */
    public byte[] passwordBytes() {
        if (password == null) {
            return null;
        }
        char[] copy = password.clone();
        byte[] bytes = new String(copy).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.Arrays.fill(copy, '\0');
        return bytes;
    }

    public boolean hasPassword() {
        return password != null;
    }

    public static Builder builder(BrokerUrl url) {
        return new Builder(url);
    }

    public Builder toBuilder() {
        return new Builder(url).version(version).engine(engine).clientId(clientId).cleanStart(cleanStart).sessionExpiry(sessionExpiry)
                .keepAlive(keepAlive).connectTimeout(connectTimeout).username(username).password(password)
                .lastWill(lastWill).reconnect(reconnect).tls(tls);
    }

    @Override
    public String toString() {
        // Passwords and tokens stay out of logs.
        return "ConnectionSettings[" + url + ", MQTT " + version + " (" + engine.id() + "), clientId=" + clientId + ", cleanStart=" + cleanStart
                + ", user=" + username + ", password=" + (password == null ? "none" : "***") + "]";
    }

    /** Fluent builder with the defaults a new profile gets. */
    public static final class Builder {
        private BrokerUrl url;
        private MqttVersion version = MqttVersion.V5;
        private MqttEngine engine = MqttEngine.DEFAULT;
        private String clientId = "";
        private boolean cleanStart = true;
        private Duration sessionExpiry = Duration.ZERO;
        private Duration keepAlive = Duration.ofSeconds(60);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private String username;
        private char[] password;
        private LastWill lastWill;
        private ReconnectPolicy reconnect = ReconnectPolicy.DEFAULT;
        private TlsSettings tls = TlsSettings.DEFAULT;

        private Builder(BrokerUrl url) {
            this.url = url;
        }

        public Builder url(BrokerUrl value) { this.url = value; return this; }
        public Builder version(MqttVersion value) { this.version = value; return this; }
        public Builder engine(MqttEngine value) { this.engine = value; return this; }
        public Builder clientId(String value) { this.clientId = value; return this; }
        public Builder cleanStart(boolean value) { this.cleanStart = value; return this; }
        public Builder sessionExpiry(Duration value) { this.sessionExpiry = value; return this; }
        public Builder keepAlive(Duration value) { this.keepAlive = value; return this; }
        public Builder connectTimeout(Duration value) { this.connectTimeout = value; return this; }
        public Builder username(String value) { this.username = value; return this; }
        public Builder password(char[] value) { this.password = value; return this; }
        public Builder lastWill(LastWill value) { this.lastWill = value; return this; }
        public Builder reconnect(ReconnectPolicy value) { this.reconnect = value; return this; }
        public Builder tls(TlsSettings value) { this.tls = value; return this; }

        public ConnectionSettings build() {
            return new ConnectionSettings(url, version, engine, clientId, cleanStart, sessionExpiry, keepAlive, connectTimeout,
                    username, password, lastWill, reconnect, tls);
        }
    }
}
