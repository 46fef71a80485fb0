package io.mqttworkbench.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.message.ConnectionGaps;
import io.mqttworkbench.message.MessageQuery;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.message.QueryProblem;
import io.mqttworkbench.message.TimeInput;
import io.mqttworkbench.mqtt.ConnectionMarker;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.ReceivedMessage;
import io.mqttworkbench.ui.common.SearchTexts;
import io.mqttworkbench.ui.common.Texts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log's search problems and its gap tooltip: in English as the command line says them, in Chinese when the window is. */
class SearchAndGapsInChineseTest {
    private static final String NO_ENGLISH = "(?<![A-Za-z])[a-z]{4,}";

    private static MessageLogViewModel log(Texts texts, ConnectionGaps gaps) {
        return new MessageLogViewModel(new MessageStore(), new DecoderRegistry(), Runnable::run, Runnable::run, () -> 0, gaps, texts);
    }

    private static QueryProblem refusal(String time) {
        try {
            TimeInput.parse(time, false);
        } catch (QueryProblem.Refused e) {
            assertThat(e).hasMessage(e.problem().message());
            return e.problem();
        }
        throw new AssertionError("read: " + time);
    }

    @Test
    void everySearchProblemReadsAsTheCommandLineSaysItAndInChinese() {
        SearchTexts english = new SearchTexts(Texts.english());
        SearchTexts chinese = new SearchTexts(Texts.simplifiedChinese());
        List<MessageQuery> queries = List.of(MessageQuery.ALL.withTopicFilter("a/#/b"), MessageQuery.ALL.withText("(open", true),
                new MessageQuery("", "", false, false, 3, null, null, null, ""), new MessageQuery("", "", false, false, null, null, 2L, 1L, ""));
        assertThat(queries).extracting(q -> q.problem().orElseThrow()).containsExactly("Topic filter: Filter 'a/#/b': # must be the last level",
                "Regular expression: Unclosed group near position 5", "QoS is 0, 1 or 2", "The time range ends before it starts");
        for (MessageQuery q : queries) {
            QueryProblem p = q.issue().orElseThrow();
            assertThat(english.explain(p)).isEqualTo(q.problem().orElseThrow());
            assertThat(chinese.explain(p).replace(p.reason(), "")).as(p.message()).containsPattern("\\p{IsHan}").doesNotContainPattern(NO_ENGLISH);
        }
        for (QueryProblem p : List.of(refusal("yesterday"), refusal("999999999999d"))) {
            assertThat(english.explain(p)).isEqualTo(p.message());
            assertThat(chinese.explain(p).replace(p.text(), "")).as(p.message()).containsPattern("\\p{IsHan}").doesNotContainPattern(NO_ENGLISH);
        }
        assertThat(refusal("yesterday").message()).isEqualTo(
                "Time 'yesterday': write 14:05, 14:05:30, 2026-11-26 14:05, 2026-11-26T13:05:00Z or a while ago such as 15m, 2h or 7d");
    }

    @Test
    void theLogSaysASearchProblemAndAGapInChinese() {
        ConnectionGaps gaps = new ConnectionGaps(10);
        MessageLogViewModel log = log(Texts.simplifiedChinese(), gaps);
        log.fromProperty().set("yesterday");
        log.applyQuery();
        assertThat(log.queryProblemProperty().get()).startsWith("时间“yesterday”：请写成");
        log.fromProperty().set("");
        log.topicFilterProperty().set("a/#/b");
        log.applyQuery();
        assertThat(log.queryProblemProperty().get()).isEqualTo("主题过滤器“a/#/b”：# 必须是最后一个层级");

        gaps.accept(new ConnectionMarker(ConnectionMarker.Kind.DISCONNECT, 1_000, 1_000_000_000L, "Reconnecting", false));
        gaps.accept(new ConnectionMarker(ConnectionMarker.Kind.RECONNECT, 3_000, 3_000_000_000L, ConnectionMarker.NEW_SESSION, false));
        ReceivedMessage before = new ReceivedMessage("a", new byte[0], 0, false, false, 500_000_000L, 500, MessageProperties.NONE);
        ReceivedMessage after = new ReceivedMessage("a", new byte[0], 0, false, false, 3_500_000_000L, 3_500, MessageProperties.NONE);
        String tip = log.gapBefore(before, after).orElseThrow();
        assertThat(tip).contains("新会话：断开期间发送的消息已丢失").doesNotContain("Reconnecting").doesNotContainPattern(NO_ENGLISH);
        assertThat(log(Texts.english(), gaps).gapBefore(before, after).orElseThrow()).contains("Reconnecting").contains(ConnectionMarker.NEW_SESSION);
    }
}
