package io.mqttworkbench.ui.common;

import io.mqttworkbench.decode.Syntax;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Style spans for JSON and XML, computed off the JavaFX thread. Only the first {@link #MAX_CHARS} are
 * coloured: past that, colour costs more than it helps and the text stays plain.
 */
public final class PayloadHighlighter {
    public static final int MAX_CHARS = 300_000;

    private static final Pattern JSON = Pattern.compile(
            "(?<KEY>\"(?:[^\"\\\\\\n]|\\\\.)*\"(?=\\s*:))"
                    + "|(?<STRING>\"(?:[^\"\\\\\\n]|\\\\.)*\")"
                    + "|(?<NUMBER>-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b)"
                    + "|(?<LITERAL>\\b(?:true|false|null)\\b)"
                    + "|(?<BRACE>[{}\\[\\]])");
    private static final Pattern XML = Pattern.compile(
            "(?<COMMENT><!--[\\s\\S]*?-->)"
                    + "|(?<TAG></?[\\w:.-]+|/?>|<\\?[\\w:.-]+|\\?>)"
                    + "|(?<ATTRIBUTE>[\\w:.-]+(?==\"))"
                    + "|(?<VALUE>\"[^\"]*\")");

    private PayloadHighlighter() {
    }

    public static StyleSpans<Collection<String>> spans(String text, Syntax syntax) {
        Pattern pattern = syntax == Syntax.JSON ? JSON : syntax == Syntax.XML ? XML : null;
        int end = Math.min(text.length(), MAX_CHARS);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        if (pattern != null) {
            Matcher m = pattern.matcher(text).region(0, end);
            while (m.find()) {
                String style = syntax == Syntax.JSON
                        ? m.group("KEY") != null ? "json-key" : m.group("STRING") != null ? "json-string" : m.group("NUMBER") != null
                        ? "json-number" : m.group("LITERAL") != null ? "json-literal" : "json-brace"
                        : m.group("COMMENT") != null ? "xml-comment" : m.group("TAG") != null ? "xml-tag"
                        : m.group("ATTRIBUTE") != null ? "xml-attribute" : "xml-value";
                spans.add(List.of(), m.start() - last);
                spans.add(List.of(style), m.end() - m.start());
                last = m.end();
            }
        }
        spans.add(List.of(), text.length() - last);
        return spans.create();
    }
}
