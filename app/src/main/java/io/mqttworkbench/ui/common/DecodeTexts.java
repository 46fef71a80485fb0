package io.mqttworkbench.ui.common;

import static io.mqttworkbench.ui.common.PhraseTable.phrase;

import java.util.List;

/**
 * A decoder's note ("gzip, 1.2 KB inflated to 40.0 KB; then JSON, 40.0 KB, pretty-printed") and the start of
 * its failure ("Not JSON: …") in the window's language. The decoders write English for the command line and
 * build their notes from a small set of phrases; the window puts each phrase in its own words and keeps the
 * figures, names and a parser's technical detail as they are.
 */
public final class DecodeTexts {
    private static final String SIZE = "(\\d[\\d,.]* (?:B|KB|MB|GB|TB))";
    private static final String NUMBER = "(\\d[\\d,]*)";

    private static final PhraseTable PHRASES = new PhraseTable(List.of(
            phrase("^empty payload", "decode.note.empty"), // untranslated: the decoder's English, matched
            phrase("^(gzip|zlib), " + SIZE + " inflated to more than " + SIZE + " \\(stopped there\\)", "decode.note.inflated.cut"), // untranslated: the decoder's English, matched
            phrase("^(gzip|zlib), " + SIZE + " inflated to " + SIZE, "decode.note.inflated"), // untranslated: the decoder's English, matched
            phrase("^Base64, " + SIZE + " decoded", "decode.note.base64"), // untranslated: the decoder's English, matched
            phrase("^shown as text(?=, |$)", "decode.note.shown.text"), // untranslated: the decoder's English, matched
            phrase("^shown as hex(?=, |$)", "decode.note.shown.hex"), // untranslated: the decoder's English, matched
            phrase(", showing the first part", "decode.note.first.part"), // untranslated: the decoder's English, matched
            phrase(", pretty-printed", "decode.note.pretty"), // untranslated: the decoder's English, matched
            phrase(", shown as JSON", "decode.note.as.json"), // untranslated: the decoder's English, matched
            phrase(", indented", "decode.note.indented"), // untranslated: the decoder's English, matched
            phrase(", wire format without a schema", "decode.note.wire"), // untranslated: the decoder's English, matched
            phrase("; field numbers with wire types, nesting guessed", "decode.note.wire.guessed"), // untranslated: the decoder's English, matched
            phrase(", ([\\w.$]+) from ([^,;]+)", "decode.note.schema"), // untranslated: the decoder's English, matched
            phrase("(?<=^|, )" + NUMBER + " metrics? \\(the first " + NUMBER + " shown\\)", "decode.note.metrics.first"), // untranslated: the decoder's English, matched
            phrase("(?<=^|, )" + NUMBER + " metrics?", "decode.note.metrics"), // untranslated: the decoder's English, matched
            phrase(", " + NUMBER + " bytes? not UTF-8 shown as \\\\xNN", "decode.note.invalid.utf8"), // untranslated: the decoder's English, matched
            phrase("; output stops at the " + NUMBER + "-character limit", "decode.note.limit"), // untranslated: the decoder's English, matched
            phrase("; then ", "decode.note.then"), // untranslated: the decoder's English, matched
            phrase("^Not ([A-Za-z0-9 ]+?): ", "decode.error.not"), // untranslated: the decoder's English, matched
            phrase("^nested too deeply to read$", "decode.error.nested"), // untranslated: the decoder's English, matched
            phrase("^unreadable$", "decode.error.unreadable"))); // untranslated: the decoder's English, matched

    private final Texts texts;

    public DecodeTexts(Texts texts) {
        this.texts = texts;
    }

    /** {@code english} (a note or an error) with each known phrase in the window's language. */
    public String of(String english) {
        if (english == null || english.isEmpty() || !texts.isChinese()) {
            return english;
        }
        String text = PHRASES.apply(english, texts);
        // what is left between the phrases: sizes and names, joined as the language joins a list
        return text.replace(", ", texts.text("decode.note.comma"));
    }
}
