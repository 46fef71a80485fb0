package io.mqttworkbench.message;

import io.mqttworkbench.mqtt.InboundQueue;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves messages from a connection's inbound queue into the models (message store, later the topic
 * tree), in batches, on its own named thread. The client callback thread only enqueues; the JavaFX
 * thread only reads the models once per frame.
 */
public final class MessagePump implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MessagePump.class);
    private static final int BATCH = 4096;

    private final InboundQueue queue;
    private final List<Consumer<List<ReceivedMessage>>> sinks = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public MessagePump(String name, InboundQueue queue) {
        this.queue = queue;
        this.thread = new Thread(this::run, "message-pump-" + name);
        thread.setDaemon(true);
    }

    /** Adds a consumer of batches; called on the pump thread, it must not block. */
    public MessagePump to(Consumer<List<ReceivedMessage>> sink) {
        sinks.add(sink);
        return this;
    }

    public MessagePump start() {
        thread.start();
        return this;
    }

    private void run() {
        List<ReceivedMessage> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                batch.clear();
                if (queue.drainTo(batch, BATCH, 100, TimeUnit.MILLISECONDS) == 0) {
                    continue;
                }
                List<ReceivedMessage> view = List.copyOf(batch);
                for (Consumer<List<ReceivedMessage>> sink : sinks) {
                    sink.accept(view);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("a message consumer failed; the pump goes on", e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
