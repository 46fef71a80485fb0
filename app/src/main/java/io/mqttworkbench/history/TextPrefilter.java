package io.mqttworkbench.history;

import io.mqttworkbench.decode.PayloadPreview;
import io.mqttworkbench.message.MessageQuery;
import java.util.Locale;
import java.util.Optional;

/**
 * Text a search must find, turned into a condition SQLite checks before a row is handed to Java: handing a
 * row over costs far more than looking for a word in it. The log's matcher searches a readable payload as it
 * is (a binary one in its decoded form), and the topic too; so a row can be ruled out only when its payload
 * is readable, lacks the text, and its topic lacks it as well. Only ASCII text is checked this way, with
 * ASCII case folding (SQLite's LIKE), as the matcher does for such text; a case-sensitive search gets the same
 * check, which lets a little more through to Java. For a regular expression, the longest run of plain
 * characters it must contain is used, when it has one that no alternative or quantifier can skip.
 */
final class TextPrefilter {
    /** Characters of a run shorter than this are not worth the check. */
    private static final int MIN_LITERAL = 3;

    private TextPrefilter() {
    }

    /** What the matcher treats as text it searches as it is: the same test, stored with the row. */
    static boolean readable(byte[] payload) {
        return PayloadPreview.looksReadable(payload, 1024);
    }

    /** A LIKE pattern (with {@code \} as its escape) for text containing {@code literal} anywhere. */
    static String likePattern(String literal) {
        return "%" + literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The lower-case ASCII text every match contains, if the query has one worth checking in SQL. */
    static Optional<String> literal(MessageQuery query) {
        String text = query.text();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String literal = query.regex() ? requiredRun(text) : text;
        if (literal.length() < MIN_LITERAL || !literal.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            return Optional.empty();
        }
        return Optional.of(query.caseSensitive() ? literal : literal.toLowerCase(Locale.ROOT));
    }

    /**
     * The longest run of letters, digits, spaces and plain punctuation outside groups and classes that a
     * match of {@code regex} must contain; empty when the expression has alternatives or flags, or no such run.
     */
    static String requiredRun(String regex) {
        if (regex.contains("|") || regex.contains("(?")) {
            return "";
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            boolean quantifiedNext = i + 1 < regex.length() && "?*+{".indexOf(regex.charAt(i + 1)) >= 0;
            if (depth == 0 && plain(c) && !quantifiedNext) {
                run.append(c);
                continue;
            }
            if (run.length() > best.length()) {
                best = run.toString();
            }
            run.setLength(0);
            if (c == '\\') {
                i++; // an escape: a class (\d), or a character it is simpler not to guess about
            } else if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            }
        }
        return run.length() > best.length() ? run.toString() : best;
    }

    private static boolean plain(char c) {
        return Character.isLetterOrDigit(c) && c < 0x7F || " _-:,;=\"'/<>@#%&!~`".indexOf(c) >= 0;
    }
}
