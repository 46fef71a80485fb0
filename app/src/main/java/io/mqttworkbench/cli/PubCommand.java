package io.mqttworkbench.cli;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.mqtt.PublishOutcome;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.ReconnectPolicy;
import io.mqttworkbench.mqtt.TopicValidator;
import io.mqttworkbench.mqtt.UserProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pub}: publish one message, with every MQTT 5 property the protocol offers. */
@Command(name = "pub", mixinStandardHelpOptions = true, description = "Publish one message.")
final class PubCommand implements Callable<Integer> {

    /** The largest payload an MQTT packet can carry (the remaining-length limit minus a minimal header). */
    static final long MAX_PAYLOAD = 268_435_455L - 4 - 65_535;

    private final CliStreams streams;

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-t", "--topic"}, paramLabel = "TOPIC", required = true, description = "Topic to publish to (no wildcards).")
    String topic;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Payload payload;

    static final class Payload {
        @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "Payload text, sent as UTF-8.")
        String text;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Send this file's bytes as the payload, unchanged.")
        Path file;
    }

    @Option(names = {"-q", "--qos"}, paramLabel = "QOS", defaultValue = "0", converter = Converters.QosConverter.class,
            description = "QoS 0, 1 or 2 (default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = {"-r", "--retain"}, description = "Ask the broker to retain the message.")
    boolean retain;

    @Option(names = "--user-property", paramLabel = "KEY=VALUE", converter = Converters.UserPropertyConverter.class,
            description = "MQTT 5 user property; repeat for several (keys may repeat).")
    List<UserProperty> userProperties = new ArrayList<>();

    @Option(names = "--content-type", paramLabel = "TYPE", description = "MQTT 5 content type, such as application/json.")
    String contentType;

    @Option(names = "--response-topic", paramLabel = "TOPIC", description = "MQTT 5 response topic.")
    String responseTopic;

    @Option(names = "--correlation-data", paramLabel = "DATA", description = "MQTT 5 correlation data (text, sent as UTF-8).")
    String correlationData;

    @Option(names = "--message-expiry", paramLabel = "SECONDS", description = "MQTT 5 message expiry interval.")
    Long messageExpiry;

    @Option(names = "--payload-format-utf8", description = "MQTT 5 payload format indicator: the payload is UTF-8 text.")
    boolean payloadFormatUtf8;

    PubCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        TopicValidator.checkTopicName(topic).ifPresent(problem -> {
            throw new CliFailure(problem, ExitCodes.USAGE);
        });
        if (responseTopic != null) {
            TopicValidator.checkTopicName(responseTopic).ifPresent(problem -> {
                throw new CliFailure("--response-topic: " + problem, ExitCodes.USAGE);
            });
        }
        MessageProperties properties = properties();
        if (!properties.isEmpty() && connection.version != MqttVersion.V5) {
            throw new CliFailure("MQTT 5 properties (--user-property, --content-type, --response-topic, --correlation-data, "
                    + "--message-expiry, --payload-format-utf8) need --mqtt-version 5", ExitCodes.USAGE);
        }
        PublishRequest request = new PublishRequest(topic, payloadBytes(), qos, retain, properties);

        try (BrokerConnection broker = new BrokerConnection("pub", connection.toSettings(ReconnectPolicy.NEVER))) {
            Commands.connect(broker);
            broker.capabilities().ifPresent(caps -> {
                if (caps.maximumPacketSize() != null && request.payload().length > caps.maximumPacketSize()) {
                    throw new CliFailure("the payload (" + request.payload().length + " bytes) is larger than the broker's maximum packet size ("
                            + caps.maximumPacketSize() + " bytes)", ExitCodes.FAILED);
                }
            });
            PublishOutcome outcome = Commands.await(broker.publish(request), 60, "publishing");
            if (!outcome.success()) {
                throw new CliFailure("the broker refused the message: " + outcome.description(), ExitCodes.FAILED);
            }
            Commands.await(broker.disconnect(), 10, "disconnecting");
            return ExitCodes.OK;
        }
    }

    private MessageProperties properties() {
        if (messageExpiry != null && (messageExpiry < 0 || messageExpiry > 0xFFFFFFFFL)) {
            throw new CliFailure("--message-expiry must be between 0 and 4294967295 seconds", ExitCodes.USAGE);
        }
        return new MessageProperties(contentType, payloadFormatUtf8 ? Boolean.TRUE : null, messageExpiry, responseTopic,
                correlationData == null ? null : correlationData.getBytes(StandardCharsets.UTF_8), userProperties, List.of(), null);
    }

    private byte[] payloadBytes() {
        if (payload.text != null) {
            return payload.text.getBytes(StandardCharsets.UTF_8);
        }
        Path file = payload.file;
        try {
            long size = Files.size(file);
            if (size > MAX_PAYLOAD) {
                throw new CliFailure(file + " is " + size + " bytes; an MQTT message carries at most " + MAX_PAYLOAD, ExitCodes.USAGE);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CliFailure("cannot read " + file + ": no such file", ExitCodes.USAGE);
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + ": " + e.getMessage(), ExitCodes.USAGE);
        }
    }
}
