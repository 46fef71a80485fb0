package io.mqttworkbench.mqtt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one named thread a connection does all its work on. A task that throws is reported (and fails
 * its caller's future) instead of silently killing the work; once closed, new work is refused with a
 * readable reason.
 */
final class ConnectionThread implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionThread.class);

    private final String name;
    private final ScheduledThreadPoolExecutor executor;
    private final Consumer<String> reportInternalError;

    ConnectionThread(String name, Consumer<String> reportInternalError) {
        this.name = name;
        this.reportInternalError = reportInternalError;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "mqtt-connection-" + name);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Runs a caller's request; if the thread is closed, the caller's future fails saying so. */
    void submit(CompletableFuture<?> result, Runnable task) {
        try {
            executor.execute(guarded(task, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(closedException());
        }
    }

    /** Runs a follow-up (a completion from the client library); dropped once closed. */
    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task, null));
        } catch (RejectedExecutionException e) {
            LOG.debug("connection {} closed; dropped a completion", name);
        }
    }

    ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        return executor.schedule(guarded(task, null), delayMillis, TimeUnit.MILLISECONDS);
    }

    ConnectionException closedException() {
        return new ConnectionException("The connection '" + name + "' is closed");
    }

    /** Lets queued work finish for a moment, then stops the thread. */
    void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private Runnable guarded(Runnable task, CompletableFuture<?> result) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("unexpected failure on connection {}", name, e);
                reportInternalError.accept("Internal error: " + e);
                if (result != null) {
                    result.completeExceptionally(e);
                }
            }
        };
    }
}
