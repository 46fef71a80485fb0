package io.mqttworkbench.sparkplug;

import io.mqttworkbench.decode.SparkplugPayloads;
import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Sparkplug edge node on a real broker connection: publishes what a test tells it to, and answers an NCMD
 * {@code Node Control/Rebirth = true} with a new NBIRTH and DBIRTH, as Sparkplug requires.
 */
public final class SimulatedEdgeNode implements AutoCloseable {
    private final EdgeNodeMessages messages;
    private final BrokerConnection connection;
    private final Thread commands;
    private final AtomicInteger rebirths = new AtomicInteger();
    private volatile boolean running = true;

    public SimulatedEdgeNode(BrokerUrl url, String group, String node) throws Exception {
        this.messages = new EdgeNodeMessages(group, node, 0);
        this.connection = new BrokerConnection("edge-" + node, ConnectionSettings.builder(url).build());
        connection.connect().get(15, TimeUnit.SECONDS);
        connection.subscribe(List.of(SubscriptionRequest.of(messages.topic(MessageType.NCMD, null), 0))).get(10, TimeUnit.SECONDS);
        commands = new Thread(this::answerCommands, "edge-" + node + "-commands");
        commands.setDaemon(true);
        commands.start();
    }

    private void answerCommands() {
        List<ReceivedMessage> batch = new ArrayList<>();
        while (running) {
            batch.clear();
            try {
                connection.inbound().drainTo(batch, 100, 100, TimeUnit.MILLISECONDS);
                for (ReceivedMessage command : batch) {
                    boolean rebirth = SparkplugPayloads.read(command.payload()).metrics().stream()
                            .anyMatch(m -> SparkplugCommands.REBIRTH.equals(m.name()) && "true".equals(m.valueText()));
                    if (rebirth) {
                        rebirths.incrementAndGet();
                        birth();
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public EdgeNodeMessages messages() {
        return messages;
    }

    public int rebirths() {
        return rebirths.get();
    }

    public void birth() throws Exception {
        send(MessageType.NBIRTH, null, messages.nbirthPayload());
        send(MessageType.DBIRTH, EdgeNodeMessages.DEVICE, messages.dbirthPayload());
    }

    public void send(MessageType type, String device, byte[] payload) throws Exception {
        connection.publish(new PublishRequest(messages.topic(type, device), payload, 1, false)).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        commands.join(2_000);
        connection.close();
    }
}
