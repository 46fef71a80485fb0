package io.mqttworkbench.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.mqtt.UserProperty;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageJsonTest {

    @Test
    void writesTextPayloadsAsTextWithEveryProperty() {
        MessageProperties properties = new MessageProperties("application/json", true, 30L, "reply/to", "id-1".getBytes(StandardCharsets.UTF_8),
                List.of(new UserProperty("k", "v"), new UserProperty("k", "w")), List.of(7), 3);
        ReceivedMessage message = new ReceivedMessage("a/b", "{\"x\":\"<é>\"}".getBytes(StandardCharsets.UTF_8), 1, true, false, 0,
                1700000000123L, properties);
        assertThat(MessageJson.toJson(message)).isEqualTo("{\"time\":1700000000123,\"topic\":\"a/b\",\"qos\":1,\"retain\":true,"
                + "\"encoding\":\"utf8\",\"payload\":\"{\\\"x\\\":\\\"<é>\\\"}\",\"properties\":{\"contentType\":\"application/json\","
                + "\"payloadFormatIndicator\":1,\"messageExpiryInterval\":30,\"responseTopic\":\"reply/to\",\"correlationDataEncoding\":\"utf8\","
                + "\"correlationData\":\"id-1\",\"userProperties\":[{\"key\":\"k\",\"value\":\"v\"},{\"key\":\"k\",\"value\":\"w\"}],"
                + "\"subscriptionIdentifiers\":[7],\"topicAlias\":3}}");
    }

    @Test
    void writesBinaryPayloadsAsBase64AndLeavesOutEmptyProperties() {
        ReceivedMessage message = new ReceivedMessage("bin", new byte[] {0, (byte) 0xFF}, 0, false, true, 0, 5, null);
        assertThat(MessageJson.toJson(message))
                .isEqualTo("{\"time\":5,\"topic\":\"bin\",\"qos\":0,\"retain\":false,\"duplicate\":true,\"encoding\":\"base64\",\"payload\":\"AP8=\"}");
    }
}
