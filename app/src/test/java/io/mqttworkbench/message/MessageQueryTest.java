package io.mqttworkbench.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.UserProperty;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appending, evicting, indexing and querying a million messages; exporting what a query found. */
class MessageQueryTest {
    private static final long T0 = 1_700_000_000_000L;
    private final DecoderRegistry decoders = new DecoderRegistry();

    private static ReceivedMessage message(int i, String topic, byte[] payload, MessageProperties properties) {
        return new ReceivedMessage(topic, payload, i % 3, i % 10 == 0, false, i, T0 + i, properties);
    }

    /** 1,000,000 messages on 1,000 topics: every 1,000th has a user property, payloads say which machine. */
    private static MessageStore million() {
        MessageStore store = new MessageStore(1_000_000, 512L * 1024 * 1024);
        String[] topics = new String[1000];
        for (int t = 0; t < topics.length; t++) {
            topics[t] = "plant/line" + (t % 10) + "/machine" + t + "/telemetry";
        }
        MessageProperties traced = new MessageProperties(null, null, null, null, null, List.of(new UserProperty("trace", "abc")), null, null);
        List<ReceivedMessage> batch = new ArrayList<>(10_000);
        for (int i = 0; i < 1_000_000; i++) {
            byte[] payload = ("{\"machine\":" + (i % 1000) + ",\"state\":\"" + (i % 7 == 0 ? "FAULT" : "ok") + "\"}").getBytes(StandardCharsets.UTF_8);
            batch.add(message(i, topics[i % 1000], payload, i % 1000 == 0 ? traced : MessageProperties.NONE));
            if (batch.size() == 10_000) {
                store.append(batch);
                batch.clear();
            }
        }
        return store;
    }

    private MessageSearch.Result search(MessageStore store, MessageQuery query) {
        long t0 = System.nanoTime();
        MessageSearch.Result result = MessageSearch.run(store, query, decoders, () -> false);
        System.out.printf("query %s over %,d messages: %,d found in %.0f ms%n", query, result.scanned(), result.count(), (System.nanoTime() - t0) / 1e6);
        return result;
    }

    @Test
    void queriesAMillionMessagesByEveryCriterion() {
        MessageStore store = million();
        assertThat(store.size()).isEqualTo(1_000_000);
        assertThat(store.get(999_999).topic()).isEqualTo("plant/line9/machine999/telemetry");

        assertThat(search(store, MessageQuery.ALL.withTopicFilter("plant/line3/+/telemetry")).count()).isEqualTo(100_000);
        assertThat(search(store, MessageQuery.ALL.withTopicFilter("plant/+/machine42/#")).count()).isEqualTo(1_000);
        assertThat(search(store, MessageQuery.ALL.withText("fault", false)).count()).isEqualTo(142_858);
        MessageSearch.Result regex = search(store, MessageQuery.ALL.withText("\"machine\":12[0-9],\"state\":\"FAULT\"", true));
        assertThat(regex.count()).isEqualTo((int) java.util.stream.IntStream.range(0, 1_000_000)
                .filter(i -> i % 7 == 0 && i % 1000 >= 120 && i % 1000 <= 129).count());
        assertThat(search(store, new MessageQuery("", "", false, false, 2, true, null, null, "")).count())
                .isEqualTo((int) java.util.stream.IntStream.range(0, 1_000_000).filter(i -> i % 3 == 2 && i % 10 == 0).count());
        assertThat(search(store, new MessageQuery("", "", false, false, null, null, T0 + 500_000, T0 + 500_009, "")).sequences())
                .containsExactly(500_000, 500_001, 500_002, 500_003, 500_004, 500_005, 500_006, 500_007, 500_008, 500_009);
        assertThat(search(store, new MessageQuery("", "", false, false, null, null, null, null, "trace=abc")).count()).isEqualTo(1_000);
        assertThat(search(store, new MessageQuery("", "", false, false, null, null, null, null, "trace=zzz")).count()).isZero();

        assertThat(MessageSearch.run(store, MessageQuery.ALL, decoders, () -> true).cancelled()).isTrue();
        assertThatThrownBy(() -> MessageSearch.run(store, MessageQuery.ALL.withTopicFilter("a/#/b"), decoders, () -> false))
                .hasMessageStartingWith("Topic filter:");
        assertThat(MessageQuery.ALL.withText("([", true).problem()).get().asString().startsWith("Regular expression:");
    }

    @Test
    void binaryPayloadsAreSearchedInTheirDecodedForm() throws Exception {
        MessageStore store = new MessageStore();
        byte[] msgpack = {(byte) 0x81, (byte) 0xA5, 's', 't', 'a', 't', 'e', (byte) 0xA5, 'F', 'A', 'U', 'L', 'T'};
        store.append(message(1, "bin/a", msgpack, MessageProperties.NONE));
        store.append(message(2, "bin/b", new byte[] {(byte) 0x81, (byte) 0xA1, 'x', 1}, MessageProperties.NONE));
        assertThat(MessageSearch.run(store, MessageQuery.ALL.withText("\"state\": \"FAULT\"", false), decoders, () -> false).sequences())
                .containsExactly(0);
    }

    @Test
    void lowerCapsDropTheOldestAtOnceAndCountThem() {
        MessageStore store = new MessageStore(100, 1_000_000);
        for (int i = 0; i < 100; i++) {
            store.append(message(i, "t", new byte[10], MessageProperties.NONE));
        }
        store.setLimits(40, 1_000_000);
        assertThat(store.size()).isEqualTo(40);
        assertThat(store.evictedCount()).isEqualTo(60);
        assertThat(store.firstSequence()).isEqualTo(60);
        store.setLimits(40, 200);
        assertThat(store.size()).isEqualTo(20);
        assertThat(store.evictedCount()).isEqualTo(80);
    }

    @Test
    void exportsJsonLinesCsvAndRawFiles(@TempDir Path dir) throws Exception {
        MessageProperties props = new MessageProperties("application/json", null, null, null, null, List.of(new UserProperty("k", "v")), null, null);
        List<ReceivedMessage> messages = List.of(
                message(0, "a/b", "{\"x\":1}".getBytes(StandardCharsets.UTF_8), props),
                message(1, "a/c,d", "say \"hi\",\nthen go".getBytes(StandardCharsets.UTF_8), MessageProperties.NONE),
                message(2, "bin", new byte[] {0, (byte) 0xFF}, MessageProperties.NONE));
        StringWriter jsonl = new StringWriter();
        assertThat(MessageExport.jsonLines(messages, jsonl)).isEqualTo(3);
        List<String> lines = jsonl.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"topic\":\"a/b\"", "\"payload\":\"{\\\"x\\\":1}\"", "\"contentType\":\"application/json\"");
        assertThat(lines.get(2)).contains("\"encoding\":\"base64\"", "\"payload\":\"AP8=\"");

        StringWriter csv = new StringWriter();
        MessageExport.csv(messages, csv);
        assertThat(csv.toString()).startsWith("time,topic,qos,retain,encoding,payload\r\n2023-11-14T22:13:20Z,a/b,0,true,utf8,{\"\"x\"\":1}"
                .replace("{\"\"x\"\":1}", "\"{\"\"x\"\":1}\""));
        assertThat(csv.toString()).contains("\"a/c,d\",1,false,utf8,\"say \"\"hi\"\",\nthen go\"").contains(",bin,2,false,base64,AP8=\r\n");

        Path folder = dir.resolve("raw");
        assertThat(MessageExport.rawFiles(messages, folder)).isEqualTo(3);
        assertThat(Files.readAllBytes(folder.resolve("000003_bin.bin"))).containsExactly(0, 0xFF);
        assertThat(Files.exists(folder.resolve("000002_a_c_d.bin"))).isTrue();
    }
}
