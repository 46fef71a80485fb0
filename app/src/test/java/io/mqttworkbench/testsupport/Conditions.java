package io.mqttworkbench.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds, for state that changes on another thread. */
public final class Conditions {
    private Conditions() {
    }

    public static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        awaitTrue(what, timeout, condition, () -> "");
    }

    public static void awaitTrue(String what, Duration timeout, BooleanSupplier condition, Supplier<String> detail)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what + " " + detail.get());
            }
            Thread.sleep(20);
        }
    }
}
