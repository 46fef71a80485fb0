package io.mqttworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The two bundles agree: the same keys, the same format conversions in each text (so no argument is lost
 * or misread in one language), nothing empty, and the Chinese file actually translated.
 */
class BundlesTest {
    /** A String.format conversion: optional argument index, flags, width, precision, conversion. */
    private static final Pattern CONVERSION = Pattern.compile("%(\\d+\\$)?[-#+ 0,(<]*\\d*(\\.\\d+)?([a-zA-Z%])");
    /** An English word of four or more small letters: a Chinese text equal to the English one must not have any. */
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b[a-z]{4,}\\b");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/io/mqttworkbench/ui/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The conversions of a pattern as the arguments they read: "1:s 2:d" whatever the order in the text. */
    static List<String> conversions(String pattern) {
        List<String> found = new ArrayList<>();
        Matcher m = CONVERSION.matcher(pattern);
        int next = 1;
        while (m.find()) {
            String conversion = m.group(3);
            if (conversion.equals("%") || conversion.equals("n")) {
                continue;
            }
            int index = m.group(1) == null ? next++ : Integer.parseInt(m.group(1).replace("$", ""));
            found.add(index + ":" + conversion.toLowerCase(Locale.ROOT));
        }
        found.sort(null);
        return found;
    }

    @Test
    void bothBundlesHaveTheSameKeysAndConversions() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertThat(new TreeSet<>(zh.stringPropertyNames())).as("keys of messages_zh_CN.properties")
                .containsExactlyElementsOf(new TreeSet<>(en.stringPropertyNames()));
        List<String> differing = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            if (!conversions(en.getProperty(key)).equals(conversions(zh.getProperty(key, "")))) {
                differing.add(key + ": " + conversions(en.getProperty(key)) + " vs " + conversions(zh.getProperty(key, "")));
            }
        }
        assertThat(differing).as("texts whose arguments differ between English and Chinese").isEmpty();
    }

    @Test
    void everyTextIsWrittenAndTheChineseOneTranslated() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        List<String> empty = new ArrayList<>();
        List<String> untranslated = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            if (en.getProperty(key).isBlank() || zh.getProperty(key, "").isBlank()) {
                empty.add(key);
            } else if (en.getProperty(key).equals(zh.getProperty(key)) && ENGLISH_WORD.matcher(en.getProperty(key)).find()) {
                untranslated.add(key + " = " + en.getProperty(key));
            }
        }
        assertThat(empty).as("empty texts").isEmpty();
        assertThat(untranslated).as("Chinese texts that are the English words").isEmpty();
    }

    @Test
    void formattingAPatternReadsItsArgumentsInEitherLanguage() {
        assertThat(conversions("Removed %,d messages, %s freed")).containsExactly("1:d", "2:s");
        assertThat(conversions("已删除 %2$s，共 %1$,d 条")).containsExactly("1:d", "2:s");
        assertThat(conversions("100%% done%n")).isEmpty();
        Texts english = Texts.english();
        assertThat(english.text("settings.title")).isEqualTo("Settings");
        assertThat(Texts.simplifiedChinese().text("settings.title")).isEqualTo("设置");
        assertThat(english.text("no.such.key")).isEqualTo("!no.such.key!");
        assertThat(new Texts(Locale.GERMANY).text("settings.title")).as("a language without a translation reads English").isEqualTo("Settings");
    }
}
