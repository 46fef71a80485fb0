package io.mqttworkbench.ui.common;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decoder's note ("gzip, 1.2 KB inflated to 40.0 KB; then JSON, 40.0 KB, pretty-printed") and the start of
 * its failure ("Not JSON: …") in the window's language. The decoders write English for the command line and
 * build their notes from a small set of phrases; the window puts each phrase in its own words and keeps the
 * figures, names and a parser's technical detail as they are.
 */
public final class DecodeTexts {
    private static final String SIZE = "(\\d[\\d,.]* (?:B|KB|MB|GB|TB))";
    private static final String NUMBER = "(\\d[\\d,]*)";

    /** Phrase, key: the key's pattern takes the phrase's groups, in order, as its %s arguments. */
    private record Phrase(Pattern english, String key) {
    }

    private static final List<Phrase> PHRASES = List.of(
            phrase("^empty payload", "decode.note.empty"),
            phrase("^(gzip|zlib), " + SIZE + " inflated to more than " + SIZE + " \\(stopped there\\)", "decode.note.inflated.cut"),
            phrase("^(gzip|zlib), " + SIZE + " inflated to " + SIZE, "decode.note.inflated"),
            phrase("^Base64, " + SIZE + " decoded", "decode.note.base64"),
            phrase("^shown as text(?=, |$)", "decode.note.shown.text"),
            phrase("^shown as hex(?=, |$)", "decode.note.shown.hex"),
            phrase(", showing the first part", "decode.note.first.part"),
            phrase(", pretty-printed", "decode.note.pretty"),
            phrase(", shown as JSON", "decode.note.as.json"),
            phrase(", indented", "decode.note.indented"),
            phrase(", wire format without a schema", "decode.note.wire"),
            phrase("; field numbers with wire types, nesting guessed", "decode.note.wire.guessed"),
            phrase(", ([\\w.$]+) from ([^,;]+)", "decode.note.schema"),
            phrase("(?<=^|, )" + NUMBER + " metrics? \\(the first " + NUMBER + " shown\\)", "decode.note.metrics.first"),
            phrase("(?<=^|, )" + NUMBER + " metrics?", "decode.note.metrics"),
            phrase(", " + NUMBER + " bytes? not UTF-8 shown as \\\\xNN", "decode.note.invalid.utf8"),
            phrase("; output stops at the " + NUMBER + "-character limit", "decode.note.limit"),
            phrase("; then ", "decode.note.then"),
            phrase("^Not ([A-Za-z0-9 ]+?): ", "decode.error.not"),
            phrase("^nested too deeply to read$", "decode.error.nested"),
            phrase("^unreadable$", "decode.error.unreadable"));

    private final Texts texts;

    public DecodeTexts(Texts texts) {
        this.texts = texts;
    }

    private static Phrase phrase(String english, String key) {
        return new Phrase(Pattern.compile(english), key);
    }

    /** {@code english} (a note or an error) with each known phrase in the window's language. */
    public String of(String english) {
        if (english == null || english.isEmpty() || !texts.isChinese()) {
            return english;
        }
        String text = english;
        for (Phrase phrase : PHRASES) {
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
        // what is left between the phrases: sizes and names, joined as the language joins a list
        return text.replace(", ", texts.text("decode.note.comma"));
    }
}
