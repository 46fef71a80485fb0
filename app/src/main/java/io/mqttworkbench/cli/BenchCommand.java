package io.mqttworkbench.cli;

import com.google.gson.GsonBuilder;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.ReconnectPolicy;
import io.mqttworkbench.mqtt.SubscribeOutcome;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.TopicValidator;
import io.mqttworkbench.publish.BenchPayload;
import io.mqttworkbench.publish.DeliveryTally;
import io.mqttworkbench.publish.DurationHistogram;
import io.mqttworkbench.publish.RepeatRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench}: publishers send numbered, time-stamped messages at a chosen rate while a subscriber on the
 * same topic counts them, so one run tells throughput, end-to-end latency, and whether the broker lost,
 * duplicated or reordered anything. Figures, not a pass mark: the exit code only says whether every
 * message was sent and, at QoS 1 and 2, received.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures a broker: publishers send numbered, time-stamped messages while a subscriber on the same topic",
                "counts them. Prints throughput, end-to-end latency (p50, p95, p99, max) and messages lost, duplicated or out of order."},
        footer = {"", "Exit codes: 0 all sent (and at QoS 1/2 all received), 1 the broker refused or lost messages, 2 bad arguments."})
final class BenchCommand implements Callable<Integer> {
    private static final int MAX_CLIENTS = 1000;

    private final CliStreams streams;

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-t", "--topic"}, paramLabel = "TOPIC", description = "Where to publish (default: mqtt-workbench/bench/<random>).")
    String topic;

    @Option(names = {"-c", "--clients"}, paramLabel = "N", defaultValue = "1", description = "Publishing connections (default: 1).")
    int clients;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "10000", description = "Messages per publisher (default: 10000).")
    long count;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
            description = "Messages per second from all publishers together; 0 as fast as possible (default).")
    double rate;

    @Option(names = {"-s", "--size"}, paramLabel = "BYTES", defaultValue = "64",
            description = "Payload size, at least " + BenchPayload.HEADER_BYTES + " (default: 64).")
    int size;

    @Option(names = {"-q", "--qos"}, paramLabel = "QOS", defaultValue = "0", converter = Converters.QosConverter.class,
            description = "QoS of the messages and the subscription (default: 0).")
    int qos;

    @Option(names = "--no-subscriber", description = "Only publish: no latency or loss figures.")
    boolean noSubscriber;

    @Option(names = "--drain", paramLabel = "SECONDS", defaultValue = "10",
            description = "After the last send, how long to wait for messages still on their way (default: 10).")
    double drainSeconds;

    @Option(names = "--json", description = "Print the summary as one JSON object on standard output.")
    boolean json;

    BenchCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        check();
        String target = topic == null ? "mqtt-workbench/bench/" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) : topic;
        streams.err().printf(Locale.ROOT, "bench: %d client%s × %,d messages of %,d B at QoS %d to %s (%s)%n", clients, clients == 1 ? "" : "s",
                count, size, qos, target, rate > 0 ? String.format(Locale.ROOT, "%,.0f msg/s", rate) : "as fast as possible");
        List<BrokerConnection> opened = new ArrayList<>();
        try {
            BrokerConnection subscriber = null;
            if (!noSubscriber) {
                subscriber = open(opened, "bench-sub", -1);
                SubscribeOutcome outcome = Commands.await(subscriber.subscribe(SubscriptionRequest.of(target, qos)), 30, "subscribing");
                if (!outcome.granted()) {
                    throw new CliFailure("the broker refused the subscription to " + target + ": " + outcome.description(), ExitCodes.FAILED);
                }
            }
            List<BrokerConnection> publishers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                publishers.add(open(opened, "bench-pub-" + i, i));
            }
            return run(target, subscriber, publishers);
        } finally {
            opened.forEach(BrokerConnection::close);
        }
    }

    private void check() {
        if (clients < 1 || clients > MAX_CLIENTS) {
            throw new CliFailure("--clients is 1 to " + MAX_CLIENTS, ExitCodes.USAGE);
        }
        if (count < 1 || count > Integer.MAX_VALUE - 1) {
            throw new CliFailure("--count is 1 to " + (Integer.MAX_VALUE - 1), ExitCodes.USAGE);
        }
        if (rate < 0) {
            throw new CliFailure("--rate cannot be negative", ExitCodes.USAGE);
        }
        if (size < BenchPayload.HEADER_BYTES || size > 256 * 1024 * 1024) {
            throw new CliFailure("--size is " + BenchPayload.HEADER_BYTES + " bytes (the header that numbers and times a message) to 256 MiB",
                    ExitCodes.USAGE);
        }
        if (drainSeconds < 0) {
            throw new CliFailure("--drain cannot be negative", ExitCodes.USAGE);
        }
        if (topic != null) {
            TopicValidator.checkTopicName(topic).ifPresent(p -> {
                throw new CliFailure("--topic " + topic + ": " + p, ExitCodes.USAGE);
            });
        }
    }

    private BrokerConnection open(List<BrokerConnection> opened, String name, int index) throws InterruptedException {
        ConnectionSettings settings = connection.toSettings(ReconnectPolicy.NEVER);
        if (!settings.clientId().isEmpty()) {
            // one client id per connection, or the broker would keep only the last of them
            settings = settings.toBuilder().clientId(settings.clientId() + (index < 0 ? "-sub" : "-" + index)).build();
        }
        BrokerConnection broker = new BrokerConnection(name, settings);
        opened.add(broker);
        Commands.connect(broker, streams.err(), "bench");
        return broker;
    }

    private int run(String target, BrokerConnection subscriber, List<BrokerConnection> publishers) throws InterruptedException {
        DeliveryTally tally = new DeliveryTally(clients, count);
        Duration interval = rate > 0 ? Duration.ofNanos((long) (1e9 * clients / rate)) : Duration.ZERO;
        List<RepeatRun> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < publishers.size(); i++) {
            BrokerConnection publisher = publishers.get(i);
            int client = i;
            Random filler = new Random(i);
            runs.add(RepeatRun.start("bench-" + i, n -> publisher.publish(
                    new PublishRequest(target, new BenchPayload(client, n, System.nanoTime()).toBytes(size, filler), qos, false)), interval, count));
        }
        List<ReceivedMessage> batch = new ArrayList<>(4096);
        long nextReport = start + TimeUnit.SECONDS.toNanos(1);
        long sendEnd = 0;
        long lastArrival = start;
        long drainDeadline = Long.MAX_VALUE;
        while (true) {
            boolean sending = runs.stream().anyMatch(r -> !r.done().isDone());
            long now = System.nanoTime();
            if (!sending && sendEnd == 0) {
                sendEnd = now;
                drainDeadline = now + (long) (drainSeconds * 1e9);
            }
            long sent = runs.stream().mapToLong(r -> r.progress().sent()).sum();
            if (!sending && (subscriber == null || tally.received() >= sent || now >= drainDeadline)) {
                break;
            }
            if (subscriber != null) {
                batch.clear();
                subscriber.inbound().drainTo(batch, 4096, 50, TimeUnit.MILLISECONDS);
                for (ReceivedMessage m : batch) {
                    tally.record(m.payload(), m.receivedNanos());
                    lastArrival = Math.max(lastArrival, m.receivedNanos());
                }
            } else {
                Thread.sleep(50);
            }
            if (System.nanoTime() >= nextReport) {
                double seconds = (System.nanoTime() - start) / 1e9;
                streams.err().printf(Locale.ROOT, "bench: %5.1f s  sent %,d (%,.0f/s)%s%n", seconds, sent, sent / seconds,
                        subscriber == null ? "" : String.format(Locale.ROOT, "  received %,d (%,.0f/s)", tally.received(), tally.received() / seconds));
                nextReport += TimeUnit.SECONDS.toNanos(1);
            }
        }
        return summarise(runs, tally, subscriber, start, sendEnd, lastArrival);
    }

    private int summarise(List<RepeatRun> runs, DeliveryTally tally, BrokerConnection subscriber, long start, long sendEnd, long lastArrival) {
        long[] sentPerClient = runs.stream().mapToLong(r -> r.progress().sent()).toArray();
        long sent = runs.stream().mapToLong(r -> r.progress().sent()).sum();
        long acknowledged = runs.stream().mapToLong(r -> r.progress().acknowledged()).sum();
        long failed = runs.stream().mapToLong(r -> r.progress().failed()).sum();
        String lastError = runs.stream().map(r -> r.progress().lastError()).filter(e -> e != null && !e.isEmpty()).findFirst().orElse("");
        double sendSeconds = Math.max(1e-9, (sendEnd - start) / 1e9);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("clients", clients);
        summary.put("qos", qos);
        summary.put("size", size);
        summary.put("sent", sent);
        summary.put("acknowledged", acknowledged);
        summary.put("failed", failed);
        summary.put("sendSeconds", round(sendSeconds));
        summary.put("sendRate", round(sent / sendSeconds));
        streams.err().printf(Locale.ROOT, "bench: sent %,d in %.2f s (%,.0f msg/s, %s/s), %,d acknowledged, %,d failed%s%n", sent, sendSeconds,
                sent / sendSeconds, io.mqttworkbench.decode.Sizes.bytes((long) (sent * (double) size / sendSeconds)), acknowledged, failed,
                lastError.isEmpty() ? "" : " (" + lastError + ")");
        long lost = 0;
        if (subscriber != null) {
            lost = tally.lost(sentPerClient);
            double receiveSeconds = Math.max(1e-9, (lastArrival - start) / 1e9);
            DurationHistogram latency = tally.latency();
            summary.put("received", tally.received());
            summary.put("receiveRate", round(tally.received() / receiveSeconds));
            summary.put("lost", lost);
            summary.put("duplicates", tally.duplicates());
            summary.put("outOfOrder", tally.outOfOrder());
            summary.put("droppedByThisClient", subscriber.inbound().droppedCount());
            summary.put("latencyMillis", Map.of("p50", round(latency.percentileMillis(0.5)), "p95", round(latency.percentileMillis(0.95)),
                    "p99", round(latency.percentileMillis(0.99)), "max", round(latency.maxMillis())));
            streams.err().printf(Locale.ROOT, "bench: received %,d (%,.0f msg/s), %,d lost, %,d duplicates, %,d out of order%s%n", tally.received(),
                    tally.received() / receiveSeconds, lost, tally.duplicates(), tally.outOfOrder(),
                    tally.foreign() == 0 ? "" : String.format(Locale.ROOT, ", %,d other messages on the topic ignored", tally.foreign()));
            streams.err().printf(Locale.ROOT, "bench: latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", latency.percentileMillis(0.5),
                    latency.percentileMillis(0.95), latency.percentileMillis(0.99), latency.maxMillis());
            if (subscriber.inbound().droppedCount() > 0) {
                streams.err().printf(Locale.ROOT, "bench: %,d of those lost were dropped here, by this machine's subscriber falling behind, not by the broker%n",
                        subscriber.inbound().droppedCount());
            }
        }
        if (json) {
            try {
                streams.out().write((new GsonBuilder().disableHtmlEscaping().create().toJson(summary) + "\n").getBytes(StandardCharsets.UTF_8));
                streams.out().flush();
            } catch (IOException e) {
                // standard output is gone: the figures went to standard error already
            }
        }
        boolean complete = failed == 0 && sent == (long) clients * count && (qos == 0 || lost == 0);
        return complete ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
