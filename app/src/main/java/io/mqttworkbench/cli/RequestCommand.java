package io.mqttworkbench.cli;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.ReconnectPolicy;
import io.mqttworkbench.publish.Composition;
import io.mqttworkbench.publish.RequestReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code request}: MQTT 5 request/response, for services that answer on a response topic. */
@Command(name = "request", mixinStandardHelpOptions = true, description = {"Send a request and print the reply (MQTT 5).",
        "Subscribes to the response topic, publishes with it and random correlation data, and prints the payload of the reply "
                + "carrying the same correlation data; the round-trip time goes to standard error."},
        footer = {"", "Exit codes: 0 a reply came, 1 the broker was unreachable or refused, 2 bad arguments, 3 no reply in time."})
final class RequestCommand implements java.util.concurrent.Callable<Integer> {

    private final CliStreams streams;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    SessionOptions session;

    @Option(names = {"-t", "--topic"}, paramLabel = "TOPIC", required = true, description = "Topic the service listens on.")
    String topic;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", defaultValue = "", description = "Request payload (UTF-8 text).")
    String message;

    @Option(names = {"-q", "--qos"}, paramLabel = "QOS", defaultValue = "1", converter = Converters.QosConverter.class,
            description = "QoS of the request (default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = "--response-topic", paramLabel = "TOPIC", description = "Where the reply should go (default: TOPIC/reply/CLIENT-ID).")
    String responseTopic;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "How long to wait (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    RequestCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        if (timeoutSeconds <= 0) {
            throw new CliFailure("--timeout must be positive", ExitCodes.USAGE);
        }
        Composition request = Composition.text(topic, message, qos, false);
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new CliFailure(problems.get(0), ExitCodes.USAGE);
        }
        ConnectionSettings settings = session.apply(connection.toSettings(ReconnectPolicy.NEVER));
        if (settings.version() != MqttVersion.V5) {
            throw new CliFailure("request/response needs MQTT 5 (response topic and correlation data)", ExitCodes.USAGE);
        }
        try (BrokerConnection broker = new BrokerConnection("request", settings)) {
            Commands.connect(broker, streams.err(), "request");
            String replyTopic = responseTopic != null ? responseTopic : RequestReply.defaultResponseTopic(topic, broker.clientId());
            Composition withReply = request.withResponse(replyTopic, null, false);
            withReply.problems().stream().findFirst().ifPresent(p -> {
                throw new CliFailure(p, ExitCodes.USAGE);
            });
            RequestReply exchange = new RequestReply(broker::subscribeTemporarily, broker::releaseTemporary, broker::publish);
            CompletableFuture<RequestReply.Reply> reply = exchange.send(request, replyTopic, Duration.ofMillis((long) (timeoutSeconds * 1000)));
            List<ReceivedMessage> batch = new ArrayList<>();
            while (!reply.isDone()) {
                batch.clear();
                broker.inbound().drainTo(batch, 256, 50, TimeUnit.MILLISECONDS);
                batch.forEach(exchange::offer);
            }
            try {
                RequestReply.Reply got = reply.get();
                streams.out().write(got.message().payload());
                streams.out().write('\n');
                streams.out().flush();
                streams.err().printf(Locale.ROOT, "request: reply on %s in %.1f ms%n", got.responseTopic(), got.roundTrip().toNanos() / 1e6);
                return ExitCodes.OK;
            } catch (ExecutionException | CompletionException e) {
                Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
                if (cause instanceof TimeoutException) {
                    throw new CliFailure(cause.getMessage(), ExitCodes.TIMEOUT);
                }
                throw new CliFailure(cause == null ? e.getMessage() : cause.getMessage(), ExitCodes.FAILED);
            } finally {
                broker.disconnect().get(10, TimeUnit.SECONDS);
            }
        }
    }
}
