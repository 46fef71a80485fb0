package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.testsupport.TestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command line speaks English, but takes Chinese filters and prints Chinese topics and payloads as UTF-8
 * whatever the process's locale says: the jar's entry point in a JVM of its own under {@code LANG=C}, where
 * Java would otherwise read '?' for every CJK character of an argument and write '?' for every one it prints.
 */
class CliUtf8Test {
    private static final String TOPIC = "工厂/一号线/温度";
    private static final String PAYLOAD = "{\"温度\":23.5,\"状态\":\"运行中\",\"备注\":\"🙂\"}";

    @Test
    void chineseTopicsAndPayloadsPrintAsUtf8UnderTheCLocale() throws Exception {
        String base = "utf8-" + System.nanoTime();
        try (BrokerConnection publisher = new BrokerConnection("utf8-pub", ConnectionSettings.builder(TestBroker.tcpUrl()).build())) {
            publisher.connect().get(10, TimeUnit.SECONDS);
            // retained, so a subscriber that starts later still gets it at once
            publisher.publish(new PublishRequest(base + "/" + TOPIC, PAYLOAD.getBytes(StandardCharsets.UTF_8), 1, true)).get(10, TimeUnit.SECONDS);

            String plain = sub(base + "/工厂/#");
            assertThat(plain).isEqualTo(base + "/" + TOPIC + "\t" + PAYLOAD + "\n");

            String json = sub(base + "/工厂/+/温度", "--json");
            assertThat(json).contains("\"topic\":\"" + base + "/" + TOPIC + "\"").contains("运行中").contains("🙂").doesNotContain("?");

            publisher.publish(new PublishRequest(base + "/" + TOPIC, new byte[0], 1, true)).get(10, TimeUnit.SECONDS); // clears the retained one
        }
    }

    /** {@code sub -n 1} in a JVM of its own under the C locale; its standard output decoded as UTF-8. */
    private static String sub(String filter, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), io.mqttworkbench.Main.class.getName(),
                "sub", "-u", TestBroker.tcpUrl().toString(), "-t", filter, "-n", "1", "-q", "1"));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("LC_ALL");
        builder.environment().put("LANG", "C");
        builder.environment().put("LC_ALL", "C");
        Process child = builder.start();
        byte[] out = child.getInputStream().readAllBytes();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("sub exited").isTrue();
        assertThat(child.exitValue()).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
