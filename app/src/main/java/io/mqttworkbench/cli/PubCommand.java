package io.mqttworkbench.cli;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.mqtt.PublishOutcome;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.ReconnectPolicy;
import io.mqttworkbench.mqtt.UserProperty;
import io.mqttworkbench.publish.Composition;
import io.mqttworkbench.publish.PayloadEncoding;
import io.mqttworkbench.publish.Placeholders;
import io.mqttworkbench.publish.RepeatRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pub}: publish a message (or a saved template), once or repeatedly, with every MQTT 5 property. */
@Command(name = "pub", mixinStandardHelpOptions = true, description = {"Publish a message, once or repeatedly.",
        "Placeholders in the topic, a text payload and user property values are filled per message: {{timestamp}}, {{iso8601}}, "
                + "{{uuid}}, {{counter}}, {{random:MIN:MAX}}, {{randomString:N}}, {{env:NAME}} (--no-placeholders sends them as written)."})
final class PubCommand implements Callable<Integer> {

    /** The largest payload an MQTT packet can carry (the remaining-length limit minus a minimal header). */
    static final long MAX_PAYLOAD = 268_435_455L - 4 - 65_535;

    private final CliStreams streams;

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-t", "--topic"}, paramLabel = "TOPIC", description = "Topic to publish to (no wildcards); with --template, replaces its topic.")
    String topic;

    @ArgGroup(exclusive = true)
    Payload payload;

    static final class Payload {
        @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "Payload text, sent as UTF-8 (or as --hex / --base64 say).")
        String text;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Send this file's bytes as the payload, unchanged.")
        Path file;
    }

    @ArgGroup(exclusive = true)
    Form form;

    static final class Form {
        @Option(names = "--hex", description = "-m is hex digits (spaces allowed): the bytes they spell are sent.")
        boolean hex;

        @Option(names = "--base64", description = "-m is Base64: the bytes it decodes to are sent.")
        boolean base64;

        @Option(names = "--sparkplug", description = "-m describes a Sparkplug B payload in JSON: {\"seq\": 0, \"metrics\": "
                + "[{\"name\": \"Setpoint\", \"type\": \"Double\", \"value\": 12.5}]}; the timestamp is now unless given.")
        boolean sparkplug;
    }

    @Option(names = {"-q", "--qos"}, paramLabel = "QOS", converter = Converters.QosConverter.class, description = "QoS 0, 1 or 2 (default: 0).")
    Integer qos;

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

    @Option(names = "--no-placeholders", description = "Send {{...}} as written.")
    boolean noPlaceholders;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "Send N messages (default: ${DEFAULT-VALUE}).")
    long repeat;

    @Option(names = "--interval", paramLabel = "MS", defaultValue = "0",
            description = "Milliseconds between the starts of two sends with --repeat (default: as fast as the broker takes them).")
    long intervalMillis;

    @Option(names = "--template", paramLabel = "NAME", description = "Send a template saved in the window (NAME or COLLECTION/NAME).")
    String template;

    PubCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        if (repeat < 1) {
            throw new CliFailure("--repeat must be at least 1", ExitCodes.USAGE);
        }
        if (intervalMillis < 0) {
            throw new CliFailure("--interval cannot be negative", ExitCodes.USAGE);
        }
        Composition composition = composition();
        List<String> problems = composition.problems();
        if (!problems.isEmpty()) {
            throw new CliFailure(problems.get(0), ExitCodes.USAGE);
        }
        ConnectionSettings settings = connection.toSettings(ReconnectPolicy.NEVER);
        if (settings.version() != MqttVersion.V5 && hasMqtt5Properties(composition)) {
            throw new CliFailure("MQTT 5 properties (--user-property, --content-type, --response-topic, --correlation-data, "
                    + "--message-expiry, --payload-format-utf8) need --mqtt-version 5", ExitCodes.USAGE);
        }
        PublishRequest first = request(composition, 1); // a placeholder that cannot be filled stops us before connecting

        try (BrokerConnection broker = new BrokerConnection("pub", settings)) {
            Commands.connect(broker, streams.err(), "pub");
            broker.capabilities().ifPresent(caps -> {
                if (caps.maximumPacketSize() != null && first.payload().length > caps.maximumPacketSize()) {
                    throw new CliFailure("the payload (" + first.payload().length + " bytes) is larger than the broker's maximum packet size ("
                            + caps.maximumPacketSize() + " bytes)", ExitCodes.FAILED);
                }
            });
            if (repeat == 1) {
                PublishOutcome outcome = Commands.await(broker.publish(first), 60, "publishing");
                if (!outcome.success()) {
                    throw new CliFailure("the broker refused the message: " + outcome.description(), ExitCodes.FAILED);
                }
            } else {
                repeatRun(broker, composition);
            }
            Commands.await(broker.disconnect(), 10, "disconnecting");
            return ExitCodes.OK;
        }
    }

    private void repeatRun(BrokerConnection broker, Composition composition) throws Exception {
        RepeatRun run = RepeatRun.start("pub", n -> broker.publish(request(composition, n)), Duration.ofMillis(intervalMillis), repeat);
        Thread stopOnExit = new Thread(run::stop, "pub-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        RepeatRun.Progress done;
        try {
            done = run.done().get(Math.max(60, repeat * Math.max(1, intervalMillis) / 1000 + 120), TimeUnit.SECONDS);
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
        streams.err().printf(Locale.ROOT, "pub: sent %,d of %,d messages (%.0f msg/s), %,d acknowledged, %,d failed%s%n", done.sent(), repeat,
                done.rate(), done.acknowledged(), done.failed(), done.lastError().isEmpty() ? "" : "; last error: " + done.lastError());
        if (done.failed() > 0 || done.sent() < repeat) {
            throw new CliFailure(done.failed() + " of " + repeat + " messages failed", ExitCodes.FAILED);
        }
    }

    private PublishRequest request(Composition composition, long n) {
        try {
            return composition.toRequest(Placeholders.Context.of(n));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
        }
    }

    private static boolean hasMqtt5Properties(Composition c) {
        return c.contentType() != null || c.payloadFormatUtf8() != null || c.messageExpirySeconds() != null || c.responseTopic() != null
                || c.correlationData() != null || !c.userProperties().isEmpty();
    }

    /** The template (if any), with every option given on the command line on top of it. */
    private Composition composition() {
        Composition base = template == null ? null : connection.saved().template(template).composition();
        if (base == null && topic == null) {
            throw new CliFailure("give a topic with -t (or a saved --template)", ExitCodes.USAGE);
        }
        if (base == null && payload == null) {
            throw new CliFailure("give a payload with -m or -f (or a saved --template)", ExitCodes.USAGE);
        }
        if (messageExpiry != null && (messageExpiry < 0 || messageExpiry > 0xFFFFFFFFL)) {
            throw new CliFailure("--message-expiry must be between 0 and 4294967295 seconds", ExitCodes.USAGE);
        }
        PayloadEncoding encoding = base == null ? PayloadEncoding.TEXT : base.encoding();
        String body = base == null ? "" : base.payload();
        if (payload != null && payload.text != null) {
            encoding = form == null ? PayloadEncoding.TEXT : form.hex ? PayloadEncoding.HEX : form.sparkplug ? PayloadEncoding.SPARKPLUG
                    : PayloadEncoding.BASE64;
            body = payload.text;
        } else if (payload != null) {
            encoding = PayloadEncoding.FILE;
            body = payload.file.toString();
            checkFile(payload.file);
        }
        List<UserProperty> properties = new ArrayList<>(base == null ? List.of() : base.userProperties());
        properties.addAll(userProperties);
        return new Composition(topic != null ? topic : base.topic(),
                qos != null ? qos : base == null ? 0 : base.qos(),
                retain || base != null && base.retain(),
                encoding, body,
                !noPlaceholders && (base == null || base.placeholders()),
                contentType != null ? contentType : base == null ? null : base.contentType(),
                payloadFormatUtf8 ? Boolean.TRUE : base == null ? null : base.payloadFormatUtf8(),
                messageExpiry != null ? messageExpiry : base == null ? null : base.messageExpirySeconds(),
                responseTopic != null ? responseTopic : base == null ? null : base.responseTopic(),
                correlationData != null ? correlationData : base == null ? null : base.correlationData(),
                correlationData == null && base != null && base.correlationHex(),
                properties,
                base == null ? null : base.topicAlias());
    }

    private static void checkFile(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_PAYLOAD) {
                throw new CliFailure(file + " is " + size + " bytes; an MQTT message carries at most " + MAX_PAYLOAD, ExitCodes.USAGE);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CliFailure("cannot read " + file + ": no such file", ExitCodes.USAGE);
        } catch (java.io.IOException e) {
            throw new CliFailure("cannot read " + file + ": " + e.getMessage(), ExitCodes.USAGE);
        }
    }
}
