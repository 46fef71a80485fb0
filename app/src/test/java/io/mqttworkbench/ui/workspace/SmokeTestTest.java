package io.mqttworkbench.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.ui.connection.ConnectionViewModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-check the installer test runs, here against the embedded sandbox broker without a window. */
class SmokeTestTest {
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final AtomicInteger exits = new AtomicInteger();
    @TempDir
    Path configDir;
    private LiveWorkspace live;
    private MainWindowViewModel workspace;

    @AfterEach
    void shutdown() throws Exception {
        if (live != null) {
            live.close();
        }
    }

    private SmokeTest smokeTest(List<Profile> profiles) {
        live = new LiveWorkspace(configDir, profiles);
        workspace = live.workspace;
        return new SmokeTest(workspace, new PrintStream(output, true, StandardCharsets.UTF_8), exits::incrementAndGet, System::nanoTime);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void connectsToTheSandboxPublishesReceivesAndExitsOnce() throws Exception {
        SmokeTest smoke = smokeTest(List.of(Profile.sandbox()));
        smoke.begin(Optional.of(Duration.ofMillis(1234)));
        live.runUntil("the smoke test to finish", () -> {
            smoke.onFrame();
            return exits.get() > 0;
        });
        smoke.onFrame(); // further frames change nothing

        assertThat(exits).hasValue(1);
        assertThat(smoke.passed()).as(printed()).isTrue();
        assertThat(printed())
                .contains("main window shown 1234 ms after the Java VM started")
                .contains("connected to the sandbox broker")
                .contains("subscribed")
                .contains("message published and received back")
                .contains("smoke test passed");
        ConnectionViewModel sandbox = workspace.connections().get(0);
        assertThat(workspace.openTabs()).containsExactly(sandbox);
        assertThat(sandbox.messages()).anyMatch(m -> m.topic().startsWith("mqtt-workbench/smoke-test/"));
    }

    @Test
    void withoutASandboxProfileItFailsAndSaysWhy() {
        SmokeTest smoke = smokeTest(List.of(Profile.forUrl(TestBroker.tcpUrl())));
        smoke.begin(Optional.empty());

        assertThat(exits).hasValue(1);
        assertThat(smoke.passed()).isFalse();
        assertThat(printed()).contains("start time unknown").contains("smoke test FAILED: no sandbox profile to connect to");
    }
}
