package io.mqttworkbench.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a restart keeps: the log's messages and each topic's last value come back from the profile's history on disk. */
class HistoryRestartTest extends LiveWorkspaceTest {

    @Test
    void aRestartGivesBackTheLogAndTheTreesLastValues() throws Exception {
        String base = "restart-" + System.nanoTime();
        Profile profile = Profile.forUrl(TestBroker.tcpUrl());
        ConnectionViewModel before = open(List.of(profile)).connect(0);
        live.subscribe(before, base + "/#", 1);
        for (int i = 0; i < 30; i++) {
            LiveWorkspace.publish(before, base + "/sensor" + (i % 3), "{\"n\":" + i + ",\"温度\":" + (20 + i) + "}", false);
        }
        live.runUntil("received", () -> before.log().receivedCountProperty().get() == 30);
        live.close(); // the window closes: the history writes what is pending

        ConnectionViewModel after = open(List.of(profile)).connection(0); // not connected: only what the disk kept
        live.runUntil("restored", () -> after.log().rows().size() == 30);
        assertThat(after.log().rows()).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .startsWith("{\"n\":0,\"温度\":20}").endsWith("{\"n\":29,\"温度\":49}");
        assertThat(after.log().receivedCountProperty().get()).as("given back, not received now").isZero();
        var tree = after.topics().tree();
        live.runUntil("tree restored", () -> tree.find(base + "/sensor2") != null);
        List<ReceivedMessage> last = tree.history(tree.find(base + "/sensor2"));
        assertThat(new String(last.get(last.size() - 1).payload(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":29,\"温度\":49}");
        assertThat(tree.topicCount()).isEqualTo(3);
    }
}
