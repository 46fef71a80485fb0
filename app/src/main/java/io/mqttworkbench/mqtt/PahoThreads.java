package io.mqttworkbench.mqtt;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads Eclipse Paho runs its receiver, sender and callback on. Paho lets a RuntimeException from
 * decoding a packet (a PUBLISH with QoS 3, a topic with a NUL) end its receive thread without closing
 * the connection: the client then says "connected" while nothing arrives until keep-alive notices.
 * Running Paho's tasks here lets us see that at once and end the connection with the reason.
 */
final class PahoThreads extends ScheduledThreadPoolExecutor {
    /** Receiver, sender and callback run for the whole connection; the rest are short (pings, disconnect). */
    private static final int THREADS = 6;

    private static final Logger LOG = LoggerFactory.getLogger(PahoThreads.class);

    private final BooleanSupplier closing;
    private final ProtocolClient.Events events;
    private final AtomicBoolean reported = new AtomicBoolean();

    /**
     * @param closing true once we end the connection ourselves: a task failing then is no news
     * @param events told, once, that the connection is lost and why
     */
    PahoThreads(String clientId, BooleanSupplier closing, ProtocolClient.Events events) {
        super(THREADS, namedDaemons("paho-" + clientId));
        this.closing = closing;
        this.events = events;
        setRemoveOnCancelPolicy(true);
    }

    @Override
    public Future<?> submit(Runnable task) {
        return super.submit(guarded(task));
    }

    @Override
    public void execute(Runnable task) {
        super.execute(guarded(task));
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                crashed(e); // reported, not rethrown: a pool thread's default handler would print a stack trace
            }
        };
    }

    /** The receive thread died of a packet it could not read: the connection ends now, with the reason. */
    private void crashed(RuntimeException failure) {
        LOG.debug("a Paho thread failed", failure);
        if (!closing.getAsBoolean() && reported.compareAndSet(false, true)) {
            events.connectionLost(null, ProtocolViolations.receiverCrash(failure));
        }
    }

    private static java.util.concurrent.ThreadFactory namedDaemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
