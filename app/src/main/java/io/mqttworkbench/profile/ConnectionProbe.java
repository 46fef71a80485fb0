package io.mqttworkbench.profile;

import io.mqttworkbench.mqtt.BrokerCapabilities;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionException;
import io.mqttworkbench.mqtt.ReasonCodes;
import io.mqttworkbench.mqtt.ReconnectPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * "Test connection": connects with a profile's settings once, reports the broker's CONNACK (or why it
 * failed), and disconnects. Nothing of it waits on the caller's thread.
 */
public final class ConnectionProbe {

    /**
     * How the test went, in one sentence; on success also what the broker announced, so the window can say it
     * in its own language (null when the test failed).
     */
    public record Result(boolean connected, String message, BrokerCapabilities capabilities) {

        public Result(boolean connected, String message) {
            this(connected, message, null);
        }

        static Result connected(BrokerCapabilities capabilities) {
            return new Result(true, "CONNACK " + ReasonCodes.describe(0) + ": " + capabilities.summary(), capabilities);
        }
    }

    private final ProfileConnector connector;
    private final Executor background;

    public ConnectionProbe(ProfileConnector connector, Executor background) {
        this.connector = connector;
        this.background = background;
    }

    public CompletableFuture<Result> test(Profile profile) {
        return connector.resolve(profile, null).thenCompose(settings -> {
            BrokerConnection connection = new BrokerConnection("test-" + profile.name(),
                    settings.toBuilder().reconnect(ReconnectPolicy.NEVER).build());
            return connection.connect().handle((capabilities, error) -> {
                Result result = error == null
                        ? Result.connected(capabilities)
                        : new Result(false, ConnectionException.unwrap(error).getMessage());
                background.execute(connection::close); // closing waits for DISCONNECT: not on the caller's thread
                return result;
            });
        }).exceptionally(error -> new Result(false, ConnectionException.unwrap(error).getMessage()));
    }
}
