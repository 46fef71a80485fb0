package io.mqttworkbench.message;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prints the store's memory per message and its append and query rates at a million messages. Figures
 * only: nothing is asserted on timing. Run with {@code mvn -Pbenchmarks test -pl app}.
 */
class MessageStoreBenchmark {

    @Test
    void memoryPerMessageAndQuerySpeed() throws Exception {
        for (int round = 1; round <= 3; round++) {
            String[] topics = new String[1000];
            for (int t = 0; t < topics.length; t++) {
                topics[t] = "site-1/area-" + (t % 10) + "/machine-" + t + "/telemetry"; // interned once, as the client does
            }
            System.gc();
            Thread.sleep(200);
            long before = used();
            MessageStore store = new MessageStore(1_000_000, 512L * 1024 * 1024);
            long t0 = System.nanoTime();
            List<ReceivedMessage> batch = new ArrayList<>(10_000);
            for (int i = 0; i < 1_000_000; i++) {
                byte[] payload = ("{\"temperature\":" + (20 + i % 15) + ".5,\"state\":\"ok\",\"seq\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                batch.add(new ReceivedMessage(topics[i % 1000], payload, 1, false, false, System.nanoTime(), System.currentTimeMillis(),
                        MessageProperties.NONE));
                if (batch.size() == 10_000) {
                    store.append(batch);
                    batch = new ArrayList<>(10_000);
                }
            }
            double appendSeconds = (System.nanoTime() - t0) / 1e9;
            System.gc();
            Thread.sleep(200);
            long after = used();
            double perMessage = (after - before) / 1e6;
            long payloadBytes = store.payloadBytes();
            long q0 = System.nanoTime();
            MessageSearch.Result found = MessageSearch.run(store, MessageQuery.ALL.withText("\"temperature\":33.5", false), new DecoderRegistry(), () -> false);
            double queryMs = (System.nanoTime() - q0) / 1e6;
            System.out.printf("message store round %d: 1,000,000 messages (%.1f payload bytes each) in %.2f s; %.0f bytes per message in memory "
                            + "(%.0f beyond the payload); text query found %,d in %.0f ms%n",
                    round, payloadBytes / 1e6, appendSeconds, perMessage, perMessage - payloadBytes / 1e6, found.count(), queryMs);
            store.clear();
        }
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
