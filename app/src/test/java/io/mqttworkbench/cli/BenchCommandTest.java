package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mqttworkbench.testsupport.Mosquitto;
import io.mqttworkbench.testsupport.TestBroker;
import org.junit.jupiter.api.Test;

/** {@code bench} against real brokers: every message counted through, the rate kept, bad arguments refused. */
class BenchCommandTest {
    private static final String URL = TestBroker.tcpUrl().toString();

    @Test
    void twoPublishersAtQos1ArriveCompleteAndInOrder() {
        Cli.Run run = Cli.run("bench", "-u", URL, "-c", "2", "-n", "2000", "-q", "1", "-s", "200", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject summary = JsonParser.parseString(run.out().strip()).getAsJsonObject();
        assertThat(summary.get("sent").getAsLong()).isEqualTo(4000);
        assertThat(summary.get("acknowledged").getAsLong()).isEqualTo(4000);
        assertThat(summary.get("received").getAsLong()).isEqualTo(4000);
        assertThat(summary.get("lost").getAsLong()).isZero();
        assertThat(summary.get("duplicates").getAsLong()).isZero();
        assertThat(summary.get("outOfOrder").getAsLong()).isZero();
        assertThat(summary.getAsJsonObject("latencyMillis").get("p99").getAsDouble()).isPositive();
        assertThat(run.err()).contains("bench: 2 clients × 2,000 messages of 200 B at QoS 1", "bench: latency p50");
        System.out.println(run.err());
    }

    @Test
    void theRateIsKeptAndMosquittoCountsTheSame() throws Exception {
        try (Mosquitto mosquitto = Mosquitto.startOrSkip()) {
            Cli.Run run = Cli.run("bench", "-u", mosquitto.tcpUrl().toString(), "-n", "300", "--rate", "500", "-q", "2", "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonObject summary = JsonParser.parseString(run.out().strip()).getAsJsonObject();
            assertThat(summary.get("received").getAsLong()).isEqualTo(300);
            // 300 messages at 500/s cannot take less than the 0.6 s the schedule spans
            assertThat(summary.get("sendSeconds").getAsDouble()).isGreaterThanOrEqualTo(0.59);
        }
    }

    @Test
    void badArgumentsAreRefusedBeforeConnecting() {
        assertThat(Cli.run("bench", "-u", URL, "-s", "8").err()).contains("--size is 24 bytes");
        assertThat(Cli.run("bench", "-u", URL, "-c", "0").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("bench", "-u", URL, "-t", "a/+/b").err()).contains("--topic a/+/b");
        Cli.Run unreachable = Cli.run("bench", "-u", "mqtt://127.0.0.1:1", "-n", "1");
        assertThat(unreachable.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(unreachable.err()).doesNotContain("Exception");
    }
}
