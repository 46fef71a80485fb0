package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ClientIds;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.testsupport.TestBroker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The headless subcommands, run in-process against the embedded broker. */
class CliTest {

    private static final String URL = TestBroker.tcpUrl().toString();

    @Test
    void printsItsVersion() {
        Cli.Run run = Cli.run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("MQTT Workbench ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sub", "pub", "broker"})
    void everySubcommandHasHelp(String command) {
        Cli.Run run = Cli.run(command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: mqtt-workbench " + command);
    }

    @Test
    void pubAndSubRoundTripTextAndProperties() throws Exception {
        String topic = "cli/" + ClientIds.randomSuffix(6);
        Cli.Running sub = Cli.start("sub", "-u", URL, "-t", topic + "/#", "-n", "1", "--json", "--timeout", "30");
        publishUntilDone(sub, () -> Cli.run("pub", "-u", URL, "-t", topic + "/x", "-m", "{\"on\":true}", "-q", "1",
                "--user-property", "trace=1", "--user-property", "trace=2", "--content-type", "application/json",
                "--response-topic", "replies/x", "--correlation-data", "req-7", "--message-expiry", "60"));

        Cli.Run run = sub.result().get(30, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject line = JsonParser.parseString(run.out().lines().findFirst().orElseThrow()).getAsJsonObject();
        assertThat(line.get("topic").getAsString()).isEqualTo(topic + "/x");
        assertThat(line.get("payload").getAsString()).isEqualTo("{\"on\":true}");
        assertThat(line.get("encoding").getAsString()).isEqualTo("utf8");
        JsonObject properties = line.getAsJsonObject("properties");
        assertThat(properties.get("contentType").getAsString()).isEqualTo("application/json");
        assertThat(properties.get("responseTopic").getAsString()).isEqualTo("replies/x");
        assertThat(properties.get("correlationData").getAsString()).isEqualTo("req-7");
        assertThat(properties.getAsJsonArray("userProperties").toString())
                .isEqualTo("[{\"key\":\"trace\",\"value\":\"1\"},{\"key\":\"trace\",\"value\":\"2\"}]");
    }

    @Test
    void subPrintsTopicTabPayloadAndBase64ForBinary(@TempDir Path dir) throws Exception {
        String topic = "cli/" + ClientIds.randomSuffix(6);
        Path file = dir.resolve("binary.bin");
        Files.write(file, new byte[] {0, 1, (byte) 0xFF});
        Cli.Running sub = Cli.start("sub", "-u", URL, "-t", topic, "-n", "1", "--timeout", "30");
        publishUntilDone(sub, () -> Cli.run("pub", "-u", URL, "-t", topic, "-f", file.toString()));

        Cli.Run run = sub.result().get(30, TimeUnit.SECONDS);
        assertThat(run.out()).isEqualTo(topic + "\tbase64:AAH/\n");
    }

    @Test
    void subDecodesPayloadsTheWayTheWindowDoes(@TempDir Path dir) throws Exception {
        String topic = "cli/" + ClientIds.randomSuffix(6);
        Path file = dir.resolve("order.msgpack");
        Files.write(file, new byte[] {(byte) 0x82, (byte) 0xA2, 'i', 'd', (byte) 0xA2, 'A', '1', (byte) 0xA3, 'q', 't', 'y', 0x02});
        Cli.Running sub = Cli.start("sub", "-u", URL, "-t", topic, "-n", "1", "--timeout", "30", "--decode", "auto");
        publishUntilDone(sub, () -> Cli.run("pub", "-u", URL, "-t", topic, "-f", file.toString()));
        Cli.Run run = sub.result().get(30, TimeUnit.SECONDS);
        assertThat(run.out()).isEqualTo(topic + "\tmsgpack\n{\n  \"id\": \"A1\",\n  \"qty\": 2\n}\n\n");

        Cli.Running json = Cli.start("sub", "-u", URL, "-t", topic, "-n", "1", "--timeout", "30", "--decode", "hex", "--json");
        publishUntilDone(json, () -> Cli.run("pub", "-u", URL, "-t", topic, "-m", "hi"));
        JsonObject line = JsonParser.parseString(json.result().get(30, TimeUnit.SECONDS).out().lines().findFirst().orElseThrow()).getAsJsonObject();
        assertThat(line.get("decodedFormat").getAsString()).isEqualTo("hex");
        assertThat(line.get("decoded").getAsString()).startsWith("00000000  68 69");
        assertThat(Cli.run("sub", "-u", URL, "-t", topic, "--decode", "yaml").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void subDecodingASparkplugBombPrintsTheFirstMetricsAndSaysHowManyThereAre(@TempDir Path dir) throws Exception {
        String topic = "spBv1.0/cli" + ClientIds.randomSuffix(6) + "/NDATA/edge1";
        Path file = dir.resolve("bomb.bin");
        Files.write(file, DecodeCommandTest.sparkplugBomb(8 * 1024 * 1024));
        Cli.Running sub = Cli.start("sub", "-u", URL, "-t", topic, "-n", "1", "--timeout", "30", "--decode", "auto");
        publishUntilDone(sub, () -> Cli.run("pub", "-u", URL, "-t", topic, "-f", file.toString()));
        Cli.Run run = sub.result().get(30, TimeUnit.SECONDS);
        assertThat(run.out()).startsWith(topic + "\tsparkplug\n{\n").endsWith("    \"\u2026 showing the first 100,000 of 4,194,304 metrics\"\n  ]\n}\n\n");
        assertThat(run.out().length()).isLessThan(10_000_000);
    }

    @Test
    void subKeepsUpWithABurstInOrderAndExitsAfterCount() throws Exception {
        String topic = "cli/" + ClientIds.randomSuffix(6);
        int burst = 2_000;
        Cli.Running sub = Cli.start("sub", "-u", URL, "-t", topic, "-q", "1", "-n", Integer.toString(burst + 1), "--timeout", "60");
        try (BrokerConnection publisher = new BrokerConnection("pub", ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            publisher.connect().get(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!sub.outputSoFar().contains("probe") && System.nanoTime() < deadline) {
                publisher.publish(new PublishRequest(topic, "probe".getBytes(StandardCharsets.UTF_8), 1, false)).get(10, TimeUnit.SECONDS);
                Thread.sleep(200);
            }
            for (int i = 0; i < burst; i++) {
                publisher.publish(new PublishRequest(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8), 1, false));
            }
            Cli.Run run = sub.result().get(60, TimeUnit.SECONDS);
            assertThat(run.exitCode()).as(run.err()).isZero();
            java.util.List<String> numbers = run.out().lines().filter(l -> !l.endsWith("probe")).toList();
            assertThat(numbers).hasSize(burst + 1 - (int) run.out().lines().filter(l -> l.endsWith("probe")).count());
            for (int i = 0; i < numbers.size(); i++) {
                assertThat(numbers.get(i)).isEqualTo(topic + "\t" + i);
            }
        }
    }

    @Test
    void badUrlIsOneLineAndExitCodeTwo() {
        Cli.Run run = Cli.run("sub", "-u", "foo://x", "-t", "a");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.err()).contains("Unknown scheme 'foo'").doesNotContain("Exception");
    }

    @Test
    void invalidFilterIsRejectedBeforeConnecting() {
        Cli.Run run = Cli.run("sub", "-u", "mqtt://127.0.0.1:1", "-t", "a/#/b");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("# must be the last level");
    }

    @Test
    void wildcardTopicIsRejectedForPublish() {
        Cli.Run run = Cli.run("pub", "-u", "mqtt://127.0.0.1:1", "-t", "a/+/b", "-m", "x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("wildcard");
    }

    @Test
    void unreachableBrokerIsOneLineAndExitCodeOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Cli.Run run = Cli.run("pub", "-u", "mqtt://127.0.0.1:" + port, "-t", "a", "-m", "x");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("mqtt-workbench pub: Connection refused by 127.0.0.1:" + port
                + ": is the broker running and listening on that port?");
    }

    @Test
    void badCredentialsShowTheReasonCode() {
        Cli.Run run = Cli.run("pub", "-u", URL, "-t", "a", "-m", "x", "--username", TestBroker.USER, "--password", "nope");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("0x86 Bad user name or password");
    }

    @Test
    void credentialsInTheUrlAreUsedAndExplicitOnesWin() {
        String authority = TestBroker.tcpUrl().authority();
        Cli.Run wrong = Cli.run("pub", "-u", "mqtt://" + TestBroker.USER + ":nope@" + authority, "-t", "a", "-m", "x");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("0x86 Bad user name or password").doesNotContain("nope");

        Cli.Run right = Cli.run("pub", "-u", "mqtt://" + TestBroker.USER + ":" + TestBroker.PASSWORD + "@" + authority, "-t", "a", "-m", "x");
        assertThat(right.exitCode()).as(right.err()).isZero();
        Cli.Run overridden = Cli.run("pub", "-u", "mqtt://" + TestBroker.USER + ":nope@" + authority, "--password", TestBroker.PASSWORD,
                "-t", "a", "-m", "x");
        assertThat(overridden.exitCode()).as(overridden.err()).isZero();

        Cli.Run bad = Cli.run("pub", "-u", "mqtt://alice:pa/ss@" + authority, "-t", "a", "-m", "x");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("%40").doesNotContain("pa/ss");
    }

    @Test
    void aRecordingNamesItsSourceWithoutTheCredentials(@TempDir Path dir) throws Exception {
        String topic = "cli/rec-credentials/" + ClientIds.randomSuffix(6);
        Path file = dir.resolve("capture.jsonl");
        Cli.Run run = Cli.run("record", "-u", "mqtt://" + TestBroker.USER + ":" + TestBroker.PASSWORD + "@" + TestBroker.tcpUrl().authority(),
                "-t", topic, "-o", file.toString(), "--duration", "0.2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String header = Files.readAllLines(file).get(0);
        assertThat(header).contains("\"mqtt://" + TestBroker.tcpUrl().authority()).doesNotContain(TestBroker.PASSWORD).doesNotContain(TestBroker.USER + ":");
    }

    @Test
    void passwordCanComeFromTheEnvironmentOnly() {
        Cli.Run run = Cli.run("pub", "-u", URL, "-t", "a", "-m", "x", "--username", TestBroker.USER,
                "--password-env", "MQTT_WORKBENCH_TEST_UNSET_VARIABLE");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("MQTT_WORKBENCH_TEST_UNSET_VARIABLE is not set");
    }

    @Test
    void refusedSubscriptionIsReported() {
        Cli.Run run = Cli.run("sub", "-u", URL, "-t", "forbidden/x", "--timeout", "5");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("subscription to forbidden/x refused: 0x87 Not authorized");
    }

    @Test
    void tlsOptionsNeedATlsUrl() {
        Cli.Run run = Cli.run("pub", "-u", "mqtt://127.0.0.1:1", "-t", "a", "-m", "x", "--cafile", "/tmp/ca.pem");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("TLS options need a TLS URL (mqtts:// or wss://)");
    }

    @Test
    void missingPayloadFileIsAUsageError() {
        Cli.Run run = Cli.run("pub", "-u", URL, "-t", "a", "-f", "/nonexistent/payload.bin");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read /nonexistent/payload.bin: no such file");
    }

    @Test
    void mqtt5PropertiesNeedMqtt5() {
        Cli.Run run = Cli.run("pub", "-u", URL, "--mqtt-version", "3.1.1", "-t", "a", "-m", "x", "--user-property", "k=v");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("need --mqtt-version 5");
    }

    @Test
    void subTimesOutWithExitCodeThreeWhenTheCountIsNotReached() {
        Cli.Run run = Cli.run("sub", "-u", URL, "-t", "cli/silent/" + ClientIds.randomSuffix(6), "-n", "1", "--timeout", "1");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("timed out after 1.0 s with 0 of 1 messages");
    }

    @Test
    void mqtt311RoundTrip() throws Exception {
        String topic = "cli/" + ClientIds.randomSuffix(6);
        Cli.Running sub = Cli.start("sub", "-u", URL, "--mqtt-version", "3.1.1", "-t", topic, "-n", "1", "--timeout", "30");
        publishUntilDone(sub, () -> Cli.run("pub", "-u", URL, "--mqtt-version", "3.1.1", "-t", topic, "-m", "v3", "-q", "2"));
        Cli.Run run = sub.result().get(30, TimeUnit.SECONDS);
        assertThat(run.out()).as("stderr: " + run.err()).isEqualTo(topic + "\tv3\n");
    }

    /** Publishes again and again until the subscriber has what it waited for; it may subscribe late. */
    @ParameterizedTest
    @ValueSource(strings = {"hivemq", "paho"})
    void aPersistentSessionGetsWhatWasSentWhileAway(String engine) throws Exception {
        String topic = "cli/session/" + ClientIds.randomSuffix(6);
        String id = "cli-session-" + ClientIds.randomSuffix(6);
        // first visit: the broker learns the subscription, then the client goes away
        Cli.Running first = Cli.start("sub", "--engine", engine, "-u", URL, "-t", topic, "-q", "1", "-c", "-i", id, "-n", "1", "--timeout", "30");
        publishUntilDone(first, () -> Cli.run("pub", "-u", URL, "-t", topic, "-m", "while here", "-q", "1"));
        assertThat(first.result().get(30, TimeUnit.SECONDS).exitCode()).isZero();

        for (int i = 1; i <= 3; i++) {
            assertThat(Cli.run("pub", "-u", URL, "-t", topic, "-m", "while away " + i, "-q", "1").exitCode()).isZero();
        }
        Cli.Run back = Cli.run("sub", "--engine", engine, "-u", URL, "-t", topic, "-q", "1", "-c", "-i", id, "-n", "3", "--timeout", "30");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.out().lines().toList()).containsExactly(topic + "\twhile away 1", topic + "\twhile away 2", topic + "\twhile away 3");
    }

    @Test
    void aPersistentSessionNeedsAClientIdAndExpiryNeedsMqtt5() {
        Cli.Run noId = Cli.run("sub", "-u", URL, "-t", "cli/x", "-c");
        assertThat(noId.exitCode()).isEqualTo(2);
        assertThat(noId.err()).contains("-c needs a fixed client id (-i ID)");
        Cli.Run v3 = Cli.run("sub", "-u", URL, "-t", "cli/x", "-i", "me", "--mqtt-version", "3.1.1", "--session-expiry", "60");
        assertThat(v3.exitCode()).isEqualTo(2);
        assertThat(v3.err()).contains("--session-expiry is MQTT 5");
    }

    @Test
    void subSaysOnStderrWhenTheBrokerSendsATopicItMustNot() throws Exception {
        try (io.mqttworkbench.testsupport.FakeBroker broker = new io.mqttworkbench.testsupport.FakeBroker(
                level -> io.mqttworkbench.testsupport.FakeBroker.publish("a/#", level, "x"))) {
            Cli.Run run = Cli.run("sub", "--engine", "paho", "-u", "mqtt://127.0.0.1:" + broker.port(), "-t", "a/#", "-n", "1", "--timeout", "10");
            assertThat(run.out()).isEqualTo("a/#\tx\n");
            assertThat(run.err()).contains("sub: The broker sent a message on topic 'a/#', which holds the wildcard '#'");
        }
    }

    @Test
    void insecureWarnsOnStderrBeforeConnecting() {
        Cli.Run run = Cli.run("pub", "-u", "mqtts://127.0.0.1:1", "--insecure", "-t", "cli/x", "-m", "x", "--connect-timeout", "2");
        assertThat(run.err()).contains("pub: warning: --insecure: the broker's certificate and host name are not checked; "
                + "anyone on the path can pose as 127.0.0.1:1");
        assertThat(Cli.run("pub", "-u", "mqtts://127.0.0.1:1", "-t", "cli/x", "-m", "x", "--connect-timeout", "2").err()).doesNotContain("warning");
    }

    @Test
    void anUnknownEngineIsAUsageError() {
        Cli.Run run = Cli.run("sub", "-u", URL, "-t", "cli/x", "--engine", "mosquitto");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown MQTT engine 'mosquitto': use hivemq or paho");
    }

    static void publishUntilDone(Cli.Running subscriber, java.util.function.Supplier<Cli.Run> publish) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!subscriber.result().isDone() && System.nanoTime() < deadline) {
            Cli.Run run = publish.get();
            assertThat(run.exitCode()).as(run.err()).isZero();
            Thread.sleep(300);
        }
    }
}
