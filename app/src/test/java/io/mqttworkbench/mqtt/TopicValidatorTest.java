package io.mqttworkbench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "a/b/c", "/", "//", "a//b", "/leading", "trailing/", "$SYS/broker/uptime", "ünïcødé/温度", " spaced topic "})
    void acceptsValidTopicNames(String topic) {
        assertThat(TopicValidator.checkTopicName(topic)).isEmpty();
    }

    @Test
    void rejectsTopicNamesWithReasons() {
        assertThat(TopicValidator.checkTopicName("")).contains("Topic is empty");
        assertThat(TopicValidator.checkTopicName("a/+/c")).hasValueSatisfying(m -> assertThat(m).contains("wildcard"));
        assertThat(TopicValidator.checkTopicName("a/#")).hasValueSatisfying(m -> assertThat(m).contains("wildcard"));
        assertThat(TopicValidator.checkTopicName("a\0b")).hasValueSatisfying(m -> assertThat(m).contains("NUL"));
        assertThat(TopicValidator.checkTopicName("a\uD800b")).hasValueSatisfying(m -> assertThat(m).contains("unpaired surrogate"));
    }

    @Test
    void enforcesTheUtf8LengthLimit() {
        assertThat(TopicValidator.checkTopicName("a".repeat(65_535))).isEmpty();
        assertThat(TopicValidator.checkTopicName("a".repeat(65_536))).hasValueSatisfying(m -> assertThat(m).contains("65,536 bytes"));
        // 3 bytes each in UTF-8: 21,846 characters are 65,538 bytes.
        assertThat(TopicValidator.checkTopicName("€".repeat(21_846))).hasValueSatisfying(m -> assertThat(m).contains("65,538 bytes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"#", "+", "a/+/c", "a/#", "+/+", "/+", "+/", "a//b", "$SYS/#", "$share/group/a/+/c", "$share/g/#",
            "$exclusive/sensors/+", "$queue/jobs/#"})
    void acceptsValidFilters(String filter) {
        assertThat(TopicValidator.checkFilter(filter)).isEmpty();
    }

    @Test
    void rejectsFiltersNamingTheRuleThatFailed() {
        assertThat(TopicValidator.checkFilter("a/#/b")).hasValueSatisfying(m -> assertThat(m).contains("# must be the last level"));
        assertThat(TopicValidator.checkFilter("a/b#")).hasValueSatisfying(m -> assertThat(m).contains("must stand alone"));
        assertThat(TopicValidator.checkFilter("a+/b")).hasValueSatisfying(m -> assertThat(m).contains("must stand alone"));
        assertThat(TopicValidator.checkFilter("$share/group")).hasValueSatisfying(m -> assertThat(m).contains("$share/GROUP/filter"));
        assertThat(TopicValidator.checkFilter("$share//a")).hasValueSatisfying(m -> assertThat(m).contains("$share/GROUP/filter"));
        assertThat(TopicValidator.checkFilter("$share/g+/a")).hasValueSatisfying(m -> assertThat(m).contains("must not contain + or #"));
        assertThat(TopicValidator.checkFilter("$share/g/")).hasValueSatisfying(m -> assertThat(m).contains("Shared subscription filter is empty"));
        assertThat(TopicValidator.checkFilter("$exclusive/")).hasValueSatisfying(m -> assertThat(m).contains("Exclusive subscription filter is empty"));
        assertThat(TopicValidator.checkFilter("")).contains("Filter is empty");
    }

    @Test
    void requestsValidateOnConstruction() {
        assertThatThrownBy(() -> SubscriptionRequest.of("a/#/b", 0)).hasMessageContaining("# must be the last level");
        assertThatThrownBy(() -> new PublishRequest("a/+", new byte[0], 0, false)).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> SubscriptionRequest.of("a", 3)).hasMessageContaining("QoS must be 0, 1 or 2");
        assertThatThrownBy(() -> new SubscriptionRequest("$share/g/a", 0, true, false, 0, null)).hasMessageContaining("no local");
        assertThatThrownBy(() -> new SubscriptionRequest("a", 0, false, false, 0, 268_435_456)).hasMessageContaining("subscription identifier");
    }
}
