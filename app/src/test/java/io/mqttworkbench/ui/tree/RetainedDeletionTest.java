package io.mqttworkbench.ui.tree;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerConnection;
import io.mqttworkbench.mqtt.ClientIds;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.PublishRequest;
import io.mqttworkbench.testsupport.Messages;
import io.mqttworkbench.testsupport.TestBroker;
import io.mqttworkbench.topic.TopicTree;
import io.mqttworkbench.ui.common.DialogService;
import io.mqttworkbench.ui.common.Texts;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deleting a subtree's retained messages against the embedded HiveMQ CE, with the JavaFX thread played by the test. */
class RetainedDeletionTest {

    private final String base = "rounds/" + ClientIds.randomSuffix(8);
    private final BrokerConnection connection = new BrokerConnection("window", ConnectionSettings.builder(TestBroker.tcpUrl()).build());
    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile String notice = "";

    @AfterEach
    void close() {
        connection.close();
    }

    private void retain(String topic) {
        connection.publish(new PublishRequest(topic, "kept".getBytes(StandardCharsets.UTF_8), 1, true)).join();
    }

    /** Answers every question with yes; the first time, a device retains one more message under the subtree meanwhile. */
    private DialogService dialogs() {
        return (DialogService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DialogService.class}, (proxy, method, args) -> {
            asked.add(method.getName() + ": " + (args == null ? "" : args[args.length > 1 ? 1 : 0]));
            if (method.getName().equals("confirm")) {
                if (asked.size() == 1) {
                    retain(base + "/a/late");
                }
                return true;
            }
            return null;
        });
    }

    private void runUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            Runnable task = ui.poll(50, TimeUnit.MILLISECONDS);
            if (task != null) {
                task.run();
            }
            assertThat(System.nanoTime()).as("waiting; the notice says: " + notice + "; asked: " + asked).isLessThan(deadline);
        }
    }

    @Test
    void asksTheBrokerAgainAfterDeletingAndOffersWhatItStillHolds() throws Exception {
        connection.connect().get(15, TimeUnit.SECONDS);
        retain(base + "/a/1");
        retain(base + "/a/2");
        TopicTree tree = new TopicTree();
        tree.addAll(List.of(Messages.at(base + "/a/1", "seen without the flag", System.currentTimeMillis())));
        RetainedDeletion deletion = new RetainedDeletion(tree, () -> connection, dialogs(), ui::add, text -> notice = text, Texts.english());

        deletion.deleteUnder(tree.find(base + "/a"));
        runUntil(() -> notice.endsWith("the broker holds none there now"));

        assertThat(asked).hasSize(2);
        assertThat(asked.get(0)).contains("The broker holds 2 retained messages").doesNotContain("late");
        assertThat(asked.get(1)).contains("Deleted 2 retained messages under " + base + "/a/#; the broker still holds 1 retained message",
                base + "/a/late");
        assertThat(notice).isEqualTo("Deleted 3 retained messages under " + base + "/a/#; the broker holds none there now");
        assertThat(deletion.scanningProperty().get()).isFalse();
    }
}
