package io.mqttworkbench.publish;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pretty-prints or compacts a JSON payload that may hold placeholders such as {{counter}}: each one stands in
 * as a unique string while the JSON is laid out, then comes back as written. Numbers keep their spelling.
 */
public final class JsonLayout {
    private JsonLayout() {
    }

    /** What Format or Minify gives: the new text, or why the payload could not be laid out. */
    public sealed interface Result permits Formatted, Failed {
    }

    public record Formatted(String text) implements Result {
    }

    public record Failed(String reason) implements Result {
    }

    public static Result pretty(String text) {
        return layout(text, true);
    }

    public static Result compact(String text) {
        return layout(text, false);
    }

    private static Result layout(String text, boolean pretty) {
        if (text == null || text.isBlank()) {
            return new Failed("Nothing to format: the payload is empty");
        }
        String prefix = "mqwb_ph_";
        while (text.contains(prefix)) {
            prefix = prefix + "x"; // never a stand-in the payload already has
        }
        List<String> originals = new ArrayList<>();
        List<Boolean> inString = new ArrayList<>();
        List<Swap> swaps = new ArrayList<>();
        StringBuilder masked = new StringBuilder();
        Matcher m = Placeholders.PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            boolean quoted = insideString(text, m.start());
            String token = prefix + originals.size() + "_";
            masked.append(text, last, m.start());
            int at = masked.length();
            masked.append(quoted ? token : '"' + token + '"');
            swaps.add(new Swap(at, masked.length(), m.start(), m.end()));
            originals.add(m.group());
            inString.add(quoted);
            last = m.end();
        }
        masked.append(text.substring(last));
        String laidOut;
        try {
            var element = JsonParser.parseString(masked.toString());
            GsonBuilder gson = new GsonBuilder().disableHtmlEscaping().serializeNulls();
            laidOut = (pretty ? gson.setPrettyPrinting() : gson).create().toJson(element);
        } catch (JsonParseException e) {
            return new Failed("Not valid JSON, so not formatted: " + reason(e, prefix, new Positions(masked.toString(), text, swaps)));
        }
        for (int i = 0; i < originals.size(); i++) { // the trailing _ keeps token 1_ from matching inside 11_
            String token = prefix + i + "_";
            laidOut = laidOut.replace(inString.get(i) ? token : '"' + token + '"', originals.get(i));
        }
        return new Formatted(laidOut);
    }

    /** Whether position {@code at} is inside a JSON string literal (after an odd number of unescaped quotes). */
    private static boolean insideString(String text, int at) {
        boolean quoted = false;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            }
        }
        return quoted;
    }

    /** Gson's message without its exception class, troubleshooting link or the stand-ins. */
    private static String reason(JsonParseException e, String prefix, Positions positions) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? "malformed" : cause.getMessage();
        int link = message.indexOf("\nSee ");
        if (link >= 0) {
            message = message.substring(0, link);
        }
        message = message.replaceAll("Use JsonReader\\.set\\w+\\([^)]*\\) to accept malformed JSON", "unexpected text")
                .replaceAll(" path \\$\\S*$", ""); // Gson's advice to its programmers, and its path, mean nothing here
        message = Pattern.compile("line (\\d+) column (\\d+)").matcher(message)
                .replaceAll(r -> positions.inOriginal(Integer.parseInt(r.group(1)), Integer.parseInt(r.group(2))));
        return message.replaceAll("\"?" + prefix + "\\d+_\"?", "{{…}}").strip();
    }

    /** A placeholder's place in the text as written and its stand-in's place in the text parsed. */
    private record Swap(int maskedStart, int maskedEnd, int originalStart, int originalEnd) {
    }

    /** Turns Gson's line and column in the parsed text into the line and column the user sees. */
    private record Positions(String masked, String original, List<Swap> swaps) {
        String inOriginal(int line, int column) {
            int offset = offsetOf(masked, line, column);
            int mapped = offset;
            for (Swap swap : swaps) {
                if (swap.maskedStart() > offset) {
                    break;
                }
                mapped = offset < swap.maskedEnd() ? swap.originalStart() : offset - swap.maskedEnd() + swap.originalEnd();
            }
            int lineStart = original.lastIndexOf('\n', Math.max(0, mapped - 1)) + 1;
            long lines = original.substring(0, Math.min(mapped, original.length())).chars().filter(c -> c == '\n').count();
            return "line " + (lines + 1) + " column " + (mapped - lineStart + 1);
        }

        private static int offsetOf(String text, int line, int column) {
            int offset = 0;
            for (int l = 1; l < line && offset >= 0; l++) {
                offset = text.indexOf('\n', offset) + 1;
            }
            return Math.max(0, offset) + Math.max(0, column - 2); // Gson counts the column after the character it stopped at
        }
    }
}
