package io.mqttworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mqttworkbench.sparkplug.EncodeProblem;
import io.mqttworkbench.sparkplug.SparkplugEncoder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Sparkplug encoder's refusals: in English as the command line prints them, in Chinese without English words. */
class EncodeTextsTest {
    private final EncodeTexts english = new EncodeTexts(Texts.english());
    private final EncodeTexts chinese = new EncodeTexts(Texts.simplifiedChinese());

    private static EncodeProblem.Refused refused(Runnable encode) {
        return catchThrowableOfType(EncodeProblem.Refused.class, encode::run);
    }

    @Test
    void everyRefusalReadsAsTheCommandLineSaysItAndInChinese() {
        List<EncodeProblem.Refused> all = List.of(
                refused(() -> new SparkplugEncoder.Metric(null, null, "Int8", 1, null)),
                refused(() -> SparkplugEncoder.Metric.of("X", "Decimal", 1)),
                refused(() -> SparkplugEncoder.encode(null, null, List.of(new SparkplugEncoder.Metric(null, 7L, "Template", "x", null)))),
                refused(() -> SparkplugEncoder.encode(null, null, List.of(SparkplugEncoder.Metric.of("Level", "Int8", 300)))));
        assertThat(all).extracting(EncodeProblem.Refused::getMessage).containsExactly("a metric needs a name or an alias",
                "unknown Sparkplug data type 'Decimal'", "writing Template metrics is not supported (numbers, Boolean, String, DateTime and Bytes are)",
                "metric Level: '300' is not a valid Int8");
        for (EncodeProblem.Refused r : all) {
            assertThat(english.explain(r)).isEqualTo(r.getMessage());
            assertThat(chinese.explain(r)).as(r.getMessage()).containsPattern("\\p{IsHan}").doesNotContainPattern("(?<![A-Za-z])[a-z]{4,}");
        }
        assertThat(chinese.explain(all.get(2))).isEqualTo("不支持写入 Template 类型的指标（支持数字、Boolean、String、DateTime 和 Bytes）");
        assertThat(chinese.explain(new IllegalArgumentException("other"))).isEqualTo("other");
    }
}
