package io.mqttworkbench.ui.common;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English phrases matched in text another layer wrote, each with the bundle key that says it in the window's
 * language: for output assembled in many places from a small set of phrases (decoder notes, connection events),
 * where a structured value would have to run through all of them.
 */
public final class PhraseTable {

    /** Phrase, key: the key's pattern takes the phrase's groups, in order, as its %s arguments. */
    public record Phrase(Pattern english, String key) {
    }

    private final List<Phrase> phrases;

    public PhraseTable(List<Phrase> phrases) {
        this.phrases = List.copyOf(phrases);
    }

    public static Phrase phrase(String english, String key) {
        return new Phrase(Pattern.compile(english), key);
    }

    /** {@code english} with each phrase, in the table's order, replaced by its key's text; the rest stays as written. */
    public String apply(String english, Texts texts) {
        String text = english;
        for (Phrase phrase : phrases) {
            Matcher m = phrase.english().matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                Object[] groups = new Object[m.groupCount()];
                for (int i = 0; i < groups.length; i++) {
                    groups[i] = m.group(i + 1);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(texts.format(phrase.key(), groups)));
            }
            m.appendTail(out);
            text = out.toString();
        }
        return text;
    }
}
