package io.mqttworkbench.cli;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting on the engine's futures from a command, turning failures into one-line messages. */
final class Commands {
    private Commands() {
    }

    /** Connects, after warning on {@code err} when the broker's certificate is not going to be checked. */
    static void connect(BrokerConnection broker, java.io.PrintStream err, String command) throws InterruptedException {
        var tls = broker.settings().tls();
        if (broker.settings().url().transport().secure() && tls != null && tls.trustAnyCertificate()) {
            err.println(command + ": warning: --insecure: the broker's certificate and host name are not checked; "
                    + "anyone on the path can pose as " + broker.settings().url().authority());
        }
        long seconds = broker.settings().connectTimeout().toSeconds() + 5;
        await(broker.connect(), seconds, "connecting to " + broker.settings().url());
    }

    static <T> T await(CompletableFuture<T> future, long seconds, String what) throws InterruptedException {
        try {
            return future.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new CliFailure(ConnectionException.unwrap(e.getCause()).getMessage(), ExitCodes.FAILED);
        } catch (TimeoutException e) {
            throw new CliFailure("timed out after " + seconds + " s " + what, ExitCodes.FAILED);
        }
    }
}
