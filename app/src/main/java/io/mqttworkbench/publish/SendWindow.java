package io.mqttworkbench.publish;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many sends may wait for their answer at once: a sender that runs ahead of the broker waits here
 * instead of piling up futures without bound.
 */
public final class SendWindow {
    private final int size;
    private final Semaphore permits;

    public SendWindow(int size) {
        this.size = size;
        this.permits = new Semaphore(size);
    }

    /** Takes a place; waits while the window is full. */
    public void acquire() throws InterruptedException {
        permits.acquire();
    }

    /** Gives a place back: an answer came (or the send never went out). */
    public void release() {
        permits.release();
    }

    /** Waits until every send out has its answer, but not for ever: a dropped connection fails them anyway. */
    public void awaitAnswers(long seconds) throws InterruptedException {
        if (permits.tryAcquire(size, seconds, TimeUnit.SECONDS)) {
            permits.release(size);
        }
    }
}
