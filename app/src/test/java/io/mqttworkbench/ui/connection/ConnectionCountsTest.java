package io.mqttworkbench.ui.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.history.HistorySearch;
import io.mqttworkbench.history.MessageHistory;
import io.mqttworkbench.message.MessageQuery;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.message.StoreCounts;
import io.mqttworkbench.message.TrafficCounts.Buckets;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timeline's counts for a search that ran on disk: its matches on disk plus those in memory since. */
class ConnectionCountsTest {
    private static final long T0 = 1_800_000_000_000L;

    private static ReceivedMessage message(String topic, long at) {
        return new ReceivedMessage(topic, "x".getBytes(StandardCharsets.UTF_8), 0, false, false, at * 1_000_000L, at, MessageProperties.NONE);
    }

    @Test
    void aSearchOnDiskIsCountedFromItsMatchesAndWhatArrivedSince(@TempDir Path dir) throws Exception {
        DecoderRegistry decoders = new DecoderRegistry();
        MessageStore store = new MessageStore();
        try (MessageHistory history = MessageHistory.open(dir.resolve("c.sqlite")).history()) {
            List<ReceivedMessage> stored = new ArrayList<>();
            for (int s = 0; s < 60; s++) {
                stored.add(message("a/1", T0 + s * 1_000L));
                stored.add(message(s % 2 == 0 ? "b/1" : "a/2", T0 + s * 1_000L + 500));
            }
            history.write(stored, List.of());
            MessageQuery query = MessageQuery.ALL.withTopicFilter("a/#");
            HistorySearch.Result result = new HistorySearch(history, Runnable::run).run(query, m -> m.topic().startsWith("a/"), 1_000,
                    (s, t) -> { }, () -> false);
            // in memory only: five more matches after the search, and one that does not match
            for (int s = 60; s < 65; s++) {
                store.append(message("a/3", T0 + s * 1_000L));
            }
            store.append(message("b/1", T0 + 65_000));
            ConnectionCounts counts = new ConnectionCounts(() -> history, q -> q.equals(query) ? result : null, new StoreCounts(store, decoders));
            Buckets b = counts.count(query, T0, T0 + 70_000, 7, () -> false);
            assertThat(b.bucketMillis()).isEqualTo(10_000);
            assertThat(b.counts()).containsExactly(15, 15, 15, 15, 15, 15, 5);
            Buckets everything = counts.count(MessageQuery.ALL, T0, T0 + 70_000, 7, () -> false);
            assertThat(everything.counts()).as("no search: the per-second table").containsExactly(20, 20, 20, 20, 20, 20, 0);
        }
    }
}
