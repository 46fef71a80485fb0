package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ClientIds;
import io.mqttworkbench.testsupport.Mosquitto;
import io.mqttworkbench.testsupport.Processes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our {@code sub} and {@code pub} against mosquitto's own {@code mosquitto_pub} and {@code mosquitto_sub},
 * in both directions. The mosquitto clients speak TCP; ours speaks TCP or WebSocket to the same broker, so
 * both transports are crossed. MQTT 5 user properties (with a repeated key) must arrive intact.
 */
class MosquittoCliInteropTest {

    private static Mosquitto mosquitto;

    @BeforeAll
    static void startMosquitto() throws Exception {
        mosquitto = Mosquitto.startOrSkip();
    }

    @AfterAll
    static void stopMosquitto() throws Exception {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    private static BrokerUrl ours(String transport) {
        return transport.equals("ws") ? mosquitto.websocketUrl() : mosquitto.tcpUrl();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ws"})
    void mosquittoPubToOurSubKeepsUserProperties(String transport) throws Exception {
        String mosquittoPub = Mosquitto.toolOrSkip("mosquitto_pub");
        String topic = "interop/" + ClientIds.randomSuffix(6);
        Cli.Running sub = Cli.start("sub", "-u", ours(transport).toString(), "-t", "interop/#", "-n", "1", "--json", "--timeout", "30");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!sub.result().isDone() && System.nanoTime() < deadline) {
            Processes.Result pub = Processes.run(List.of(mosquittoPub, "-h", "127.0.0.1", "-p", Integer.toString(mosquitto.tcpPort()),
                    "-V", "mqttv5", "-q", "1", "-t", topic, "-m", "{\"temp\":21.5}",
                    "-D", "publish", "user-property", "trace", "a",
                    "-D", "publish", "user-property", "trace", "b",
                    "-D", "publish", "content-type", "application/json"), 10);
            assertThat(pub.exitCode()).as(pub.output()).isZero();
            Thread.sleep(300);
        }

        Cli.Run run = sub.result().get(30, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject line = JsonParser.parseString(run.out().lines().findFirst().orElseThrow()).getAsJsonObject();
        assertThat(line.get("topic").getAsString()).isEqualTo(topic);
        assertThat(line.get("payload").getAsString()).isEqualTo("{\"temp\":21.5}");
        assertThat(line.get("qos").getAsInt()).isZero(); // we subscribed with QoS 0
        JsonObject properties = line.getAsJsonObject("properties");
        assertThat(properties.get("contentType").getAsString()).isEqualTo("application/json");
        assertThat(properties.getAsJsonArray("userProperties").toString())
                .isEqualTo("[{\"key\":\"trace\",\"value\":\"a\"},{\"key\":\"trace\",\"value\":\"b\"}]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ws"})
    void ourPubToMosquittoSubKeepsUserProperties(String transport) throws Exception {
        String mosquittoSub = Mosquitto.toolOrSkip("mosquitto_sub");
        String topic = "interop/" + ClientIds.randomSuffix(6);
        Process sub = Processes.start(List.of(mosquittoSub, "-h", "127.0.0.1", "-p", Integer.toString(mosquitto.tcpPort()),
                "-V", "mqttv5", "-q", "1", "-t", topic, "-C", "1", "-W", "30", "-F", "%t|%p|%P"));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (sub.isAlive() && System.nanoTime() < deadline) {
                Cli.Run pub = Cli.run("pub", "-u", ours(transport).toString(), "-t", topic, "-m", "hello from the workbench", "-q", "1",
                        "--user-property", "k=v1", "--user-property", "k=v2");
                assertThat(pub.exitCode()).as(pub.err()).isZero();
                sub.waitFor(300, TimeUnit.MILLISECONDS);
            }
            assertThat(sub.waitFor(5, TimeUnit.SECONDS)).isTrue();
            String output = new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(sub.exitValue()).as(output).isZero();
            assertThat(output).isEqualTo(topic + "|hello from the workbench|k:v1 k:v2");
        } finally {
            sub.destroyForcibly();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ws"})
    void mqtt311InBothDirections(String transport) throws Exception {
        String mosquittoPub = Mosquitto.toolOrSkip("mosquitto_pub");
        String mosquittoSub = Mosquitto.toolOrSkip("mosquitto_sub");
        String topic = "interop311/" + ClientIds.randomSuffix(6);

        Cli.Running ourSub = Cli.start("sub", "-u", ours(transport).toString(), "--mqtt-version", "3.1.1", "-t", topic, "-n", "1", "--timeout", "30");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!ourSub.result().isDone() && System.nanoTime() < deadline) {
            Processes.run(List.of(mosquittoPub, "-h", "127.0.0.1", "-p", Integer.toString(mosquitto.tcpPort()), "-V", "mqttv311",
                    "-t", topic, "-m", "from mosquitto"), 10);
            Thread.sleep(300);
        }
        assertThat(ourSub.result().get(30, TimeUnit.SECONDS).out()).isEqualTo(topic + "\tfrom mosquitto\n");

        Process theirSub = Processes.start(List.of(mosquittoSub, "-h", "127.0.0.1", "-p", Integer.toString(mosquitto.tcpPort()),
                "-V", "mqttv311", "-t", topic + "/back", "-C", "1", "-W", "30", "-v"));
        try {
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (theirSub.isAlive() && System.nanoTime() < deadline) {
                Cli.run("pub", "-u", ours(transport).toString(), "--mqtt-version", "3.1.1", "-t", topic + "/back", "-m", "from us", "-q", "2");
                theirSub.waitFor(300, TimeUnit.MILLISECONDS);
            }
            assertThat(new String(theirSub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(topic + "/back from us");
        } finally {
            theirSub.destroyForcibly();
        }
    }
}
