package io.mqttworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.ReconnectPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The connection options as picocli fills them, turned into settings; nothing is connected. */
class ConnectionOptionsTest {

    private static ConnectionOptions parse(Map<String, String> environment, String... args) {
        ConnectionOptions options = CommandLine.populateCommand(new ConnectionOptions(), args);
        options.environment = environment::get;
        return options;
    }

    @Test
    void theKeyPasswordCanComeFromTheEnvironmentAndStaysOutOfTheProcessList() {
        ConnectionSettings settings = parse(Map.of("CLIENT_KEY_PASSWORD", "k3y-s3cret"), "-u", "mqtts://127.0.0.1:8883",
                "--cert", "client.pem", "--key", "client.key", "--key-password-env", "CLIENT_KEY_PASSWORD").toSettings(ReconnectPolicy.NEVER);
        assertThat(settings.tls().keyPassword()).isEqualTo("k3y-s3cret".toCharArray());
    }

    @Test
    void anUnsetKeyPasswordVariableIsSaidByName() {
        ConnectionOptions options = parse(Map.of(), "-u", "mqtts://127.0.0.1:8883", "--cert", "client.pem", "--key", "client.key",
                "--key-password-env", "MQTT_WORKBENCH_TEST_UNSET_VARIABLE");
        assertThatThrownBy(() -> options.toSettings(ReconnectPolicy.NEVER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--key-password-env: the environment variable MQTT_WORKBENCH_TEST_UNSET_VARIABLE is not set");
    }

    @Test
    void theCommandLineKnowsTheOption() {
        Cli.Run run = Cli.run("pub", "-u", "mqtts://127.0.0.1:1", "--cert", "c.pem", "--key", "c.key",
                "--key-password-env", "MQTT_WORKBENCH_TEST_UNSET_VARIABLE", "-t", "a", "-m", "x");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("MQTT_WORKBENCH_TEST_UNSET_VARIABLE is not set");
        assertThat(Cli.run("pub", "--help").out()).contains("--key-password-env");
    }
}
