package io.mqttworkbench.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.message.ReceivedTraffic;
import io.mqttworkbench.replay.ReadProblem;
import io.mqttworkbench.replay.RecordingReader;
import io.mqttworkbench.replay.ReplayOptions;
import io.mqttworkbench.topic.TopicTree;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.workspace.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader could not read and a wrong replay option: in English as the command line prints them, in Chinese on the Replay tab. */
class ReplayProblemsInChineseTest {
    private static final String NO_ENGLISH = "(?<![A-Za-z])[a-z]{4,}";

    @Test
    void everyReadProblemAndOptionReadsAsTheCommandLineSaysItAndInChinese() {
        Texts english = Texts.english();
        Texts chinese = Texts.simplifiedChinese();
        for (ReadProblem p : List.of(new ReadProblem(ReadProblem.Why.NO_MESSAGES, 0, ""), new ReadProblem(ReadProblem.Why.LINE_CUT_SHORT, 1_051, ""),
                new ReadProblem(ReadProblem.Why.LINE_SKIPPED, 7, "not 'topic payload': x"), new ReadProblem(ReadProblem.Why.MORE_SKIPPED, 12, ""),
                new ReadProblem(ReadProblem.Why.COMPRESSION_CUT, 0, ""))) {
            assertThat(ReplayTexts.problem(p, english)).isEqualTo(p.message());
            assertThat(ReplayTexts.problem(p, chinese).replace(p.reason(), "")).as(p.message()).containsPattern("\\p{IsHan}").doesNotContainPattern(NO_ENGLISH);
        }
        assertThat(new ReadProblem(ReadProblem.Why.LINE_CUT_SHORT, 1_051, "").message())
                .isEqualTo("line 1,051 is cut short (the recording stopped while writing it) and was skipped");
        for (ReplayOptions o : List.of(options(500, 0, 1, 0, null, "a/#"), options(1, -1, 1, 0, null, "a/#"), options(1, 0, -1, 0, null, "a/#"),
                options(1, 0, 1, -5, null, "a/#"), options(1, 0, 1, 0, 3, "a/#"), options(1, 0, 1, 0, null, "a/#/b"))) {
            ReplayOptions.Problem p = o.issue().orElseThrow();
            assertThat(ReplayTexts.problem(p, english)).isEqualTo(o.problem().orElseThrow());
            assertThat(ReplayTexts.problem(p, chinese).replace(p.filter(), "")).as(p.message()).containsPattern("\\p{IsHan}").doesNotContainPattern(NO_ENGLISH);
        }
        assertThat(options(500, 0, 1, 0, null, "a/#").problem()).contains("Speed is 0.1 to 100 times the original (or as fast as possible)");
        ReplayOptions.Problem mapping = ReplayOptions.Mapping.problem("factory").orElseThrow();
        assertThatThrownBy(() -> ReplayOptions.Mapping.parse("factory")).hasMessage("--map takes FROM=TO, such as factory/a/=test/factory/a/")
                .hasMessage(ReplayTexts.problem(mapping, english));
        assertThat(ReplayTexts.problem(mapping, chinese)).containsPattern("\\p{IsHan}").doesNotContainPattern(NO_ENGLISH);
    }

    private static ReplayOptions options(double speed, double rate, int loops, long start, Integer qos, String filter) {
        return new ReplayOptions(speed, rate, loops, start, List.of(filter), List.of(), qos, null);
    }

    @Test
    void theReplayTabSaysThemInChinese(@TempDir Path dir) throws Exception {
        ReplayViewModel replay = new ReplayViewModel(new ReceivedTraffic(new MessageStore(), new TopicTree()), () -> null, () -> "test",
                new ScriptedDialogs(), Runnable::run, Runnable::run, Texts.simplifiedChinese());
        Path file = Files.writeString(dir.resolve("sub.txt"), "a/b 1\n{\"event\": 3}\n");
        assertThat(RecordingReader.scan(file).problems()).singleElement().asString().startsWith("line 2 skipped: ");

        replay.load(file);
        assertThat(replay.recordingInfoProperty().get()).contains("已跳过第 2 行：").doesNotContain("line 2 skipped");
        replay.speedProperty().set(500);
        assertThatThrownBy(replay::options).hasMessage("速度为原速的 0.1 到 100 倍（或尽可能快）");
        replay.speedProperty().set(1);
        replay.mappingsProperty().set("factory");
        assertThatThrownBy(replay::options).hasMessage("主题映射写成“原前缀=新前缀”，如 工厂/a/=测试/工厂/a/");
    }
}
