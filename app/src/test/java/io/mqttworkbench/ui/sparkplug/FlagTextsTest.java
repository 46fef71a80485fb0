package io.mqttworkbench.ui.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.sparkplug.FlagDetail;
import io.mqttworkbench.sparkplug.FlagDetail.Why;
import io.mqttworkbench.sparkplug.MessageType;
import io.mqttworkbench.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A broken Sparkplug rule's detail: in English as the command line prints it, in Chinese without English words. */
class FlagTextsTest {
    private static final String ERROR = "While parsing a protocol message, the input ended unexpectedly";

    private static List<FlagDetail> everyKind() {
        List<FlagDetail> all = new ArrayList<>();
        for (Why why : Why.values()) {
            MessageType type = why == Why.UNDECLARED ? MessageType.NDATA : MessageType.DDATA;
            all.add(new FlagDetail(why, type, 7, 4_194_304, 3, List.of("alias 99", "Motor/Torque"), why == Why.NOT_SPARKPLUG ? ERROR : ""));
        }
        all.add(new FlagDetail(Why.UNDECLARED, MessageType.DDATA, 2, 0, 0, List.of("alias 1", "alias 2", "alias 3"), ""));
        all.add(new FlagDetail(Why.SEQ_GAP, MessageType.DDATA, 1, 3, 1, List.of(), ""));
        return all;
    }

    @Test
    void everyDetailReadsInEnglishAsTheCommandLinePrintsItAndInChinese() {
        FlagTexts english = new FlagTexts(Texts.english());
        FlagTexts chinese = new FlagTexts(Texts.simplifiedChinese());
        for (FlagDetail d : everyKind()) {
            assertThat(english.detail(d)).as(d.toString()).isEqualTo(d.message());
            String zh = chinese.detail(d).replace(ERROR, "").replace("Motor/Torque", "");
            assertThat(zh).as(d.toString()).containsPattern("\\p{IsHan}").doesNotContainPattern("(?<![A-Za-z])[a-z]{4,}");
        }
        assertThat(chinese.detail(new FlagDetail(Why.SEQ_GAP, MessageType.DDATA, 1, 5, 3, List.of(), ""))).isEqualTo("seq 从 1 跳到 5：3 条消息丢失或乱序");
        assertThat(chinese.detail(new FlagDetail(Why.UNDECLARED, MessageType.DDATA, 0, 0, 0, List.of("alias 99"), "")))
                .isEqualTo("DDATA 带有 DBIRTH 未声明的指标：别名 99");
    }

    @Test
    void theEnglishSentencesAreTheOnesTheCommandLineAlwaysPrinted() {
        assertThat(new FlagDetail(Why.UNDECLARED, MessageType.NDATA, 2, 0, 0, List.of("a", "b", "c"), "").message())
                .isEqualTo("NDATA carries a, b, c and 2 more, not declared by the NBIRTH");
        assertThat(new FlagDetail(Why.SEQ_GAP, MessageType.NDATA, 255, 1, 1, List.of(), "").message())
                .isEqualTo("seq went from 255 to 1: 1 message missing or out of order");
        assertThat(new FlagDetail(Why.SEQ_OUT_OF_RANGE, MessageType.NBIRTH, 300, 0, 0, List.of(), "").message()).isEqualTo("NBIRTH has seq 300, outside 0–255");
        assertThat(new FlagDetail(Why.NOT_SPARKPLUG, MessageType.NDATA, 0, 0, 0, List.of(), "x").message()).isEqualTo("NDATA is not a Sparkplug B payload: x");
    }
}
