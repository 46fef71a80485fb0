package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.UserProperty;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileStore;
import io.mqttworkbench.publish.Composition;
import io.mqttworkbench.publish.PayloadEncoding;
import io.mqttworkbench.publish.TemplateLibrary;
import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.testsupport.TestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pub's repeat, payload forms, placeholders and templates, and the request command, against the embedded broker. */
class PubAndRequestCliTest {
    private static final String URL = TestBroker.tcpUrl().toString();
    private final List<BrokerConnection> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(BrokerConnection::close);
    }

    private BrokerConnection subscribed(String filter) throws Exception {
        BrokerConnection c = new BrokerConnection("watch", ConnectionSettings.builder(TestBroker.tcpUrl()).build());
        opened.add(c);
        c.connect().get(15, TimeUnit.SECONDS);
        c.subscribe(SubscriptionRequest.of(filter, 1)).get(10, TimeUnit.SECONDS);
        return c;
    }

    private static List<String> payloads(BrokerConnection c, String topic, int count) throws InterruptedException {
        return Messages.await(c.inbound(), count, m -> m.topic().equals(topic), Duration.ofSeconds(20)).stream()
                .map(m -> new String(m.payload(), StandardCharsets.ISO_8859_1)).toList();
    }

    @Test
    void repeatsWithPlaceholdersAndSendsHexBase64AndLiteralBraces() throws Exception {
        String topic = "clipub/" + System.nanoTime();
        BrokerConnection watch = subscribed(topic + "/#");

        Cli.Run repeat = Cli.run("pub", "-u", URL, "-t", topic + "/n", "-m", "n={{counter}}", "-q", "1", "--repeat", "5", "--interval", "20");
        assertThat(repeat.exitCode()).as(repeat.err()).isZero();
        assertThat(repeat.err()).contains("pub: sent 5 of 5 messages").contains("5 acknowledged, 0 failed");
        assertThat(payloads(watch, topic + "/n", 5)).containsExactly("n=1", "n=2", "n=3", "n=4", "n=5");

        assertThat(Cli.run("pub", "-u", URL, "-t", topic + "/hex", "--hex", "-m", "00 ff 41").exitCode()).isZero();
        assertThat(payloads(watch, topic + "/hex", 1)).containsExactly("\u0000\u00ffA");
        assertThat(Cli.run("pub", "-u", URL, "-t", topic + "/b64", "--base64", "-m", "aGk=").exitCode()).isZero();
        assertThat(payloads(watch, topic + "/b64", 1)).containsExactly("hi");
        assertThat(Cli.run("pub", "-u", URL, "-t", topic + "/lit", "-m", "{{counter}}", "--no-placeholders").exitCode()).isZero();
        assertThat(payloads(watch, topic + "/lit", 1)).containsExactly("{{counter}}");

        Cli.Run bad = Cli.run("pub", "-u", URL, "-t", topic, "-m", "{{count}}");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("{{count}} is not a placeholder");
        Cli.Run badHex = Cli.run("pub", "-u", URL, "-t", topic, "--hex", "-m", "abc");
        assertThat(badHex.err()).contains("Hex needs two digits per byte");
        assertThat(Cli.run("pub", "-u", URL, "-m", "x").err()).contains("give a topic with -t");
    }

    @Test
    void sendsATemplateSavedInTheWindowThroughASavedProfile(@TempDir Path config) throws Exception {
        String topic = "clitemplate/" + System.nanoTime();
        BrokerConnection watch = subscribed(topic + "/#");
        new ProfileStore(config).save(List.of(Profile.forUrl(TestBroker.tcpUrl()).toBuilder().name("Test broker").build()));
        Composition greeting = new Composition(topic + "/greeting", 1, false, PayloadEncoding.JSON, "{\"hello\":{{counter}}}", true,
                "application/json", null, null, null, null, false, List.of(new UserProperty("from", "template")), null);
        new TemplateLibrary(config.resolve("templates.json")).load().put(new TemplateLibrary.Template("Greeting", "Demo", greeting));

        Cli.Run run = Cli.run("pub", "--config-dir", config.toString(), "--profile", "Test broker", "--template", "Demo/Greeting");
        assertThat(run.exitCode()).as(run.err()).isZero();
        ReceivedMessage got = Messages.awaitOne(watch.inbound(), topic + "/greeting");
        assertThat(new String(got.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"hello\":1}");
        assertThat(got.properties().contentType()).isEqualTo("application/json");
        assertThat(got.properties().userProperties()).containsExactly(new UserProperty("from", "template"));

        Cli.Run overridden = Cli.run("pub", "--config-dir", config.toString(), "--profile", "Test broker", "--template", "Greeting",
                "-t", topic + "/other", "-m", "plain");
        assertThat(overridden.exitCode()).as(overridden.err()).isZero();
        assertThat(payloads(watch, topic + "/other", 1)).containsExactly("plain");

        assertThat(Cli.run("pub", "--config-dir", config.toString(), "--profile", "Nope", "-t", "a", "-m", "x").err())
                .contains("no profile called 'Nope'").contains("Test broker");
        assertThat(Cli.run("pub", "--config-dir", config.toString(), "--template", "Missing", "-u", URL).err())
                .contains("no template called 'Missing'").contains("Demo/Greeting");
    }

    @Test
    void requestPrintsTheReplyAndTimesOutWithExitCodeThree() throws Exception {
        String topic = "clirequest/" + System.nanoTime();
        BrokerConnection service = subscribed(topic);
        Thread responder = Thread.ofVirtual().start(() -> {
            try {
                ReceivedMessage request = Messages.awaitOne(service.inbound(), topic);
                service.publish(new PublishRequest(request.properties().responseTopic(), ("pong:" + new String(request.payload())).getBytes(), 1,
                        false, new MessageProperties(null, null, null, null, request.properties().correlationData(), List.of(), List.of(), null)));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Cli.Run run = Cli.run("request", "-u", URL, "-t", topic, "-m", "ping", "--timeout", "15", "-i", "cli-requester");
        responder.join(5000);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("pong:ping\n");
        assertThat(run.err()).startsWith("request: reply on " + topic + "/reply/cli-requester in ");

        Cli.Run silent = Cli.run("request", "-u", URL, "-t", topic + "/nobody", "-m", "ping", "--timeout", "0.5");
        assertThat(silent.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(silent.err()).contains("No reply on " + topic + "/nobody/reply/").contains("within 0.5 s");
    }
}
