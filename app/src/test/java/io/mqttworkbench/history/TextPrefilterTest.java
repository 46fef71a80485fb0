package io.mqttworkbench.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.message.MessageQuery;
import org.junit.jupiter.api.Test;

/** The text SQLite may look for before a row reaches the matcher: never text a match could lack. */
class TextPrefilterTest {

    private static String run(String regex) {
        return TextPrefilter.requiredRun(regex);
    }

    @Test
    void aRegularExpressionGivesTheLongestRunItMustContain() {
        assertThat(run("Overheat on spindle [0-9]")).isEqualTo("Overheat on spindle ");
        assertThat(run("\"rpm\":1[0-9]{3},")).isEqualTo("\"rpm\":1");
        assertThat(run("temp(erature)?=\\d+ alarm")).isEqualTo(" alarm");
        assertThat(run("colou?r code")).isEqualTo("r code");
        assertThat(run("abc+def")).isEqualTo("def");
        assertThat(run("[overheat]+")).isEmpty();
        assertThat(run("alarm|fault")).as("either word can match").isEmpty();
        assertThat(run("(?i)Alarm now")).as("flags: not guessed").isEmpty();
        assertThat(run("\\bspindle\\b")).isEqualTo("spindle");
        assertThat(run("a.b.c")).isEqualTo("a");
    }

    @Test
    void onlyPlainTextOfThreeCharactersOrMoreIsChecked() {
        MessageQuery text = MessageQuery.ALL.withText("Overheat", false);
        assertThat(TextPrefilter.literal(text)).hasValue("overheat");
        assertThat(TextPrefilter.literal(MessageQuery.ALL.withText("温度", false))).as("not ASCII: the matcher folds it otherwise").isEmpty();
        assertThat(TextPrefilter.literal(MessageQuery.ALL.withText("ab", false))).isEmpty();
        assertThat(TextPrefilter.literal(MessageQuery.ALL.withText("x[0-9]+y", true))).isEmpty();
        assertThat(TextPrefilter.literal(MessageQuery.ALL)).isEmpty();
    }

    @Test
    void likesOwnCharactersAreEscaped() {
        assertThat(TextPrefilter.likePattern("a_b%c\\")).isEqualTo("%a\\_b\\%c\\\\%");
    }
}
