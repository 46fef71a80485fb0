package io.mqttworkbench.ui.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.PublishOutcome;
import io.mqttworkbench.mqtt.UserProperty;
import io.mqttworkbench.publish.Composition;
import io.mqttworkbench.publish.CompositionProblem;
import io.mqttworkbench.publish.DraftFile;
import io.mqttworkbench.publish.PayloadEncoding;
import io.mqttworkbench.ui.common.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composer's form problems, an unreadable draft and a publish's outcome: in English as the command line says them, and in Chinese. */
class ComposerTextsTest {
    private final ComposerTexts english = new ComposerTexts(Texts.english());
    private final ComposerTexts chinese = new ComposerTexts(Texts.simplifiedChinese());

    private static Composition text(String topic, String payload) {
        return Composition.text(topic, payload, 0, false);
    }

    private static Composition encoded(PayloadEncoding encoding, String payload) {
        return new Composition("t", 0, false, encoding, payload, true, null, null, null, null, null, false, List.of(), null);
    }

    /** One composition for each problem the composer can show, with the English the command line printed before the change. */
    private static List<Composition> everyProblem() {
        List<Composition> all = new ArrayList<>(List.of(
                text("", "x"), text("a/+", "x"), text("t", "{{nope}}"), text("t", "{{uuid:1}}"), text("t", "{{random:5:1}}"),
                text("t", "{{random:x}}"), text("t", "{{randomString:-1}}"), text("t", "{{env:}}"),
                text("t", "{{env:MQTT_WORKBENCH_SURELY_UNSET}}"),
                encoded(PayloadEncoding.JSON, "{\"a\": "), encoded(PayloadEncoding.FILE, " "), encoded(PayloadEncoding.HEX, "abc"),
                encoded(PayloadEncoding.HEX, "zz"), encoded(PayloadEncoding.BASE64, "a"),
                new Composition("t", 3, false, PayloadEncoding.TEXT, "", true, null, null, -1L, "r/#", "0g", true,
                        List.of(new UserProperty("", "v")), 0)));
        return all;
    }

    @Test
    void everyFormProblemReadsInEnglishAsTheCommandLineSaysItAndInChinese() {
        Set<CompositionProblem.Rule> seen = EnumSet.noneOf(CompositionProblem.Rule.class);
        for (Composition c : everyProblem()) {
            List<CompositionProblem> problems = c.compositionProblems();
            assertThat(problems).as(c.toString()).isNotEmpty();
            assertThat(problems.stream().map(english::problem).toList()).isEqualTo(c.problems());
            for (CompositionProblem p : problems) {
                seen.add(p.rule());
                String zh = chinese.problem(p);
                assertThat(zh).as(p.message()).containsPattern("\\p{IsHan}");
                // what is left after names, placeholders and the parser's own words: no English word
                String rest = zh.replace(p.detail(), "").replace(p.text(), "").replaceAll("\\{\\{[^}]*}}", "")
                        .replaceAll("timestamp|iso8601|uuid|counter|randomString|random|env", "");
                assertThat(rest).as(p.message()).doesNotContainPattern("[a-z]{4,}");
            }
        }
        assertThat(seen).containsAll(EnumSet.complementOf(EnumSet.of(CompositionProblem.Rule.NO_FILE, CompositionProblem.Rule.CANNOT_READ,
                CompositionProblem.Rule.SPARKPLUG)));
        // a file is read at the send
        CompositionProblem noFile = org.assertj.core.api.Assertions.catchThrowableOfType(CompositionProblem.Failure.class,
                () -> encoded(PayloadEncoding.FILE, "/no/such/file.bin").toRequest(io.mqttworkbench.publish.Placeholders.Context.of(1))).problem();
        assertThat(english.problem(noFile)).isEqualTo("No such file: /no/such/file.bin");
        assertThat(chinese.problem(noFile)).isEqualTo("文件不存在：/no/such/file.bin");
        // the sentences the command line printed before they became values
        assertThat(text("", "x").problems()).containsExactly("Topic: a topic is needed");
        assertThat(encoded(PayloadEncoding.HEX, "abc").problems()).containsExactly("Hex needs two digits per byte: 3 digits given");
        assertThat(text("t", "{{env:}}").problems()).containsExactly("{{env:}}: write {{env:NAME}}");
        assertThat(everyProblem().get(everyProblem().size() - 1).problems()).containsExactly("QoS is 0, 1 or 2", "Response topic: Topic 'r/#' "
                + "contains a wildcard (+ or #): wildcards are only allowed in subscription filters", "Correlation data: 'g' is not a hex digit (0-9, a-f)",
                "Message expiry is 0 to 4294967295 seconds", "Topic alias is 1 to 65535", "User property: a key is needed (values may be empty)");
        assertThat(chinese.problem(encoded(PayloadEncoding.HEX, "abc").compositionProblems().get(0))).isEqualTo("hex 每个字节需要两位数字：现有 3 位");
        assertThat(chinese.problem(text("a/+", "x").compositionProblems().get(0)))
                .isEqualTo("主题：主题“a/+”含有通配符（+ 或 #）：通配符只能用于订阅的主题过滤器");
        CompositionProblem unread = CompositionProblem.of(CompositionProblem.Rule.CANNOT_READ, "/x", "Is a directory", 0);
        assertThat(english.problem(unread)).isEqualTo("Cannot read /x: Is a directory").isEqualTo(unread.message());
        assertThat(chinese.problem(unread)).isEqualTo("无法读取 /x：Is a directory");
    }

    @Test
    void anUnreadableDraftIsToldInTheWindowsLanguage() {
        DraftFile.Unreadable aside = new DraftFile.Unreadable("p1.json", "Expected BEGIN_OBJECT", "p1.json.unreadable-1");
        DraftFile.Unreadable stuck = new DraftFile.Unreadable("/cfg/drafts/p1.json", "Expected BEGIN_OBJECT", "");
        assertThat(english.unreadable(aside)).isEqualTo(aside.message()).isEqualTo("The composer draft p1.json could not be read "
                + "(Expected BEGIN_OBJECT) and was kept aside as p1.json.unreadable-1; the composer starts empty.");
        assertThat(english.unreadable(stuck)).isEqualTo(stuck.message());
        assertThat(chinese.unreadable(aside)).isEqualTo("无法读取编辑器草稿 p1.json（Expected BEGIN_OBJECT），已将其另存为 p1.json.unreadable-1；编辑器从空白开始。");
        assertThat(chinese.unreadable(stuck)).isEqualTo("无法读取编辑器草稿 /cfg/drafts/p1.json（Expected BEGIN_OBJECT）；编辑器从空白开始。");
    }

    @Test
    void aPublishOutcomeIsToldInTheWindowsLanguage() {
        for (PublishOutcome o : List.of(new PublishOutcome(0, 0), new PublishOutcome(1, 0), new PublishOutcome(2, 0x87))) {
            assertThat(english.outcome(o)).isEqualTo(o.description());
        }
        assertThat(new PublishOutcome(0, 0).description()).isEqualTo("Sent (QoS 0, no acknowledgement)");
        assertThat(chinese.outcome(new PublishOutcome(0, 0))).isEqualTo("已发送（QoS 0，无确认）");
        assertThat(chinese.outcome(new PublishOutcome(1, 0))).startsWith("PUBACK 0x00 ").doesNotContain("Success").containsPattern("\\p{IsHan}");
    }

    @Test
    void theComposerShowsItsProblemsAndAnUnreadableDraftInChinese(@TempDir Path dir) throws Exception {
        Executor now = Runnable::run;
        PublishViewModel composer = new PublishViewModel(() -> null, now, Texts.simplifiedChinese());
        composer.topicProperty().set("t");
        composer.encodingProperty().set(PayloadEncoding.HEX);
        composer.payloadProperty().set("abc");
        assertThat(composer.problemProperty().get()).isEqualTo("hex 每个字节需要两位数字：现有 3 位");
        composer.encodingProperty().set(PayloadEncoding.TEXT);
        composer.payloadProperty().set("{{env:}}");
        assertThat(composer.problemProperty().get()).isEqualTo("{{env:}}：请写 {{env:NAME}}");
        composer.topicProperty().set("");
        composer.payloadProperty().set("x");
        assertThat(composer.problemProperty().get()).as("an empty topic waits for Send").isEmpty();

        Path file = Files.writeString(dir.resolve("p1.json"), "{\"version\":1,\"draft\":{\"topic\": [oops");
        new ComposerDraftKeeper(composer, new DraftFile(file), now, now);
        assertThat(composer.resultProperty().get()).startsWith("无法读取编辑器草稿 p1.json（").endsWith("；编辑器从空白开始。");
    }

    @Test
    void everySparkplugDescriptionProblemReadsInEnglishAsTheCommandLineSaysItAndInChinese() {
        String shape = "{\"name\": …, \"type\": …, \"value\": …}";
        // description, the sentence the command line printed before it became a value
        String[][] cases = {
            {"[1]", "A Sparkplug description is a JSON object: {\"metrics\": [" + shape + "]}"},
            {"{\"seq\": 1}", "A Sparkplug description needs \"metrics\": [" + shape + "]"},
            {"{\"metrics\": [3]}", "metric 1 is not an object like " + shape},
            {"{\"metrics\": [{\"type\": \"Int32\"}]}", "metric 1 needs a \"name\" or an \"alias\""},
            {"{\"metrics\": [{\"name\": \"Speed\"}]}", "metric Speed needs a \"type\": Boolean, Int32, Int64, Float, Double, String…"},
            {"{\"timestamp\": 1.5, \"metrics\": []}", "timestamp must be a whole number, not 1.5"},
            {"{\"seq\": \"x\", \"metrics\": []}", "seq must be a whole number, not \"x\""},
            {"{\"metrics\": [{\"alias\": 2.5, \"type\": \"Int32\"}]}", "alias of metric 1 must be a whole number, not 2.5"},
            {"{\"metrics\": [{\"name\": \"a\", \"type\": \"Int32\", \"timestamp\": true}]}", "timestamp of metric 1 must be a whole number, not true"},
            {"{\"metrics\": [{\"name\": \"a\", \"type\": \"Quaternion\", \"value\": 1}]}", "unknown Sparkplug data type 'Quaternion'"},
            {"{\"metrics\": [{\"alias\": 7, \"type\": \"Int32\", \"value\": \"x\"}]}", "metric alias 7: 'x' is not a valid Int32"},
        };
        ComposerTexts english = new ComposerTexts(Texts.english());
        ComposerTexts chinese = new ComposerTexts(Texts.simplifiedChinese());
        Set<io.mqttworkbench.publish.DescriptionProblem.Check> seen = EnumSet.noneOf(io.mqttworkbench.publish.DescriptionProblem.Check.class);
        for (String[] c : cases) {
            CompositionProblem problem = PayloadEncoding.SPARKPLUG.problemOf(c[0]).orElseThrow();
            seen.add(problem.sparkplug().check());
            assertThat(problem.message()).isEqualTo(c[1]);
            assertThat(english.problem(problem)).isEqualTo(c[1]);
            String zh = chinese.problem(problem);
            assertThat(zh).as(c[1]).containsPattern("\\p{IsHan}");
            assertThat(zh.replace(problem.sparkplug().value(), "").replaceAll("\"[^\"]*\"|“[^”]*”|Sparkplug|Boolean|String|Double|Float|Quaternion|Speed", "")).as(zh)
                    .doesNotContainPattern("[a-z]{4,}");
        }
        CompositionProblem json = PayloadEncoding.SPARKPLUG.problemOf("{").orElseThrow();
        assertThat(json.message()).startsWith("Not valid JSON: ");
        assertThat(chinese.problem(json)).isEqualTo("不是有效的 JSON：" + json.sparkplug().value());
        seen.add(json.sparkplug().check());
        assertThat(seen).containsAll(EnumSet.allOf(io.mqttworkbench.publish.DescriptionProblem.Check.class));
    }
}
