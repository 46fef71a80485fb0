package io.mqttworkbench.ui.workspace;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Stands in for the JavaFX thread in view-model tests: work handed to {@link #executor()} waits in a queue
 * that {@link #runUntil} runs on the test's thread, together with a frame of the workspace.
 */
public final class UiQueue {
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    public Executor executor() {
        return tasks::add;
    }

    /** Runs queued work and frames for a while, for checks that something does not happen. */
    public void runFor(Duration duration, MainWindowViewModel workspace) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
            }
            workspace.onFrame(System.nanoTime());
            Thread.sleep(10);
        }
    }

    /** Runs queued work and frames until the condition holds; fails after 30 s. */
    public void runUntil(String what, MainWindowViewModel workspace, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
            }
            workspace.onFrame(System.nanoTime());
            Thread.sleep(10);
        }
    }
}
