package io.mqttworkbench.cli;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.MqttEngine;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.mqtt.ReconnectPolicy;
import io.mqttworkbench.mqtt.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The connection options every networked subcommand shares. */
public final class ConnectionOptions {

    @Option(names = {"-u", "--url"}, paramLabel = "URL", defaultValue = "mqtt://localhost:1883",
            converter = Converters.BrokerUrlConverter.class,
            description = "Broker URL: mqtt://host:1883, mqtts://host:8883, ws://host:8083/mqtt, wss://host/mqtt (default: ${DEFAULT-VALUE}). "
                    + "A user name and password in it (mqtt://alice:s3cret@host, percent-encoded) are used unless --username or --password give others.")
    BrokerUrl.WithCredentials url;

    @Option(names = "--mqtt-version", paramLabel = "5|3.1.1", defaultValue = "5",
            converter = Converters.MqttVersionConverter.class, description = "Protocol version (default: ${DEFAULT-VALUE}).")
    MqttVersion version;

    @Option(names = "--engine", paramLabel = "hivemq|paho", converter = Converters.EngineConverter.class,
            description = "MQTT client library: hivemq (HiveMQ MQTT Client, the default, keeps up with a flood) or paho (Eclipse Paho).")
    MqttEngine engine;

    @Option(names = {"-i", "--client-id"}, paramLabel = "ID", description = "Client identifier (default: generated).")
    String clientId;

    @Option(names = "--username", paramLabel = "NAME", description = "User name.")
    String username;

    @Option(names = "--password", paramLabel = "SECRET", description = "Password or token (a JWT, for example).")
    String password;

    @Option(names = "--password-env", paramLabel = "VARIABLE",
            description = "Read the password from this environment variable, keeping it out of the process list.")
    String passwordVariable;

    @Option(names = "--keep-alive", paramLabel = "SECONDS", defaultValue = "60", description = "Keep-alive interval (default: ${DEFAULT-VALUE}).")
    int keepAliveSeconds;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Give up connecting after this long (default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    @Option(names = "--cafile", paramLabel = "FILE", description = "PEM file with the CA certificate(s) to trust (mqtts://, wss://).")
    Path caFile;

    @Option(names = "--cert", paramLabel = "FILE", description = "PEM client certificate for mutual TLS.")
    Path certFile;

    @Option(names = "--key", paramLabel = "FILE", description = "PEM private key of the client certificate.")
    Path keyFile;

    @Option(names = "--key-password", paramLabel = "SECRET", description = "Password of an encrypted private key.")
    String keyPassword;

    @Option(names = "--key-password-env", paramLabel = "VARIABLE",
            description = "Read the private key's password from this environment variable, keeping it out of the process list.")
    String keyPasswordVariable;

    @Option(names = "--insecure", description = "Trust any server certificate and skip host name checks (test brokers only).")
    boolean insecure;

    /** Builds the settings; a bad combination throws {@link IllegalArgumentException} with a readable message. */
    @Option(names = "--profile", paramLabel = "NAME",
            description = "Connect as the window's saved profile of this name (its URL, credentials and TLS files) instead of -u and the options here.")
    String profile;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "Where the window keeps profiles and templates (default: the usual place).")
    java.nio.file.Path configDir;

    /** Where {@code --password-env} and {@code --key-password-env} look; tests give their own. */
    java.util.function.UnaryOperator<String> environment = System::getenv;

    /** The saved profiles and templates this command may use. */
    SavedItems saved() {
        return new SavedItems(configDir);
    }

    ConnectionSettings toSettings(ReconnectPolicy reconnect) {
        if (profile != null) {
            String secret = secret();
            ConnectionSettings.Builder fromProfile = saved().profileSettings(profile, secret == null ? null : secret.toCharArray()).toBuilder();
            if (engine != null) {
                fromProfile.engine(engine); // --engine overrides the profile's client library
            }
            return fromProfile.reconnect(reconnect).build();
        }
        if (keepAliveSeconds < 0 || keepAliveSeconds > 65535) {
            throw new IllegalArgumentException("--keep-alive must be between 0 and 65535 seconds");
        }
        if (connectTimeoutSeconds < 1) {
            throw new IllegalArgumentException("--connect-timeout must be at least 1 second");
        }
        if ((certFile == null) != (keyFile == null)) {
            throw new IllegalArgumentException("--cert and --key go together: a client certificate needs its private key");
        }
        BrokerUrl broker = url.url();
        boolean tlsOptions = caFile != null || certFile != null || insecure;
        if (tlsOptions && !broker.transport().secure()) {
            throw new IllegalArgumentException("TLS options need a TLS URL (mqtts:// or wss://), not " + broker);
        }
        // the options name what the URL carried only when they are given: an explicit --username or --password wins
        String secret = secret();
        char[] password = secret != null ? secret.toCharArray() : url.password();
        String keySecret = fromEnvironment("--key-password-env", keyPasswordVariable, keyPassword);
        return ConnectionSettings.builder(broker)
                .version(version)
                .engine(engine == null ? MqttEngine.DEFAULT : engine)
                .clientId(clientId == null ? "" : clientId)
                .username(username != null ? username : url.username())
                .password(password)
                .keepAlive(Duration.ofSeconds(keepAliveSeconds))
                .connectTimeout(Duration.ofSeconds(connectTimeoutSeconds))
                .reconnect(reconnect)
                .tls(new TlsSettings(caFile, certFile, keyFile, keySecret == null ? null : keySecret.toCharArray(), !insecure, insecure))
                .build();
    }

    private String secret() {
        return fromEnvironment("--password-env", passwordVariable, password);
    }

    /** The value of {@code variable} when the option names one, else {@code given} (which may be null). */
    private String fromEnvironment(String option, String variable, String given) {
        if (variable == null) {
            return given;
        }
        String secret = environment.apply(variable);
        if (secret == null) {
            throw new IllegalArgumentException(option + ": the environment variable " + variable + " is not set");
        }
        return secret;
    }
}
