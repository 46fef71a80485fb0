package io.mqttworkbench.publish;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

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
        StringBuilder masked = new StringBuilder();
        Matcher m = Placeholders.PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            boolean quoted = insideString(text, m.start());
            String token = prefix + originals.size() + "_";
            masked.append(text, last, m.start()).append(quoted ? token : '"' + token + '"');
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
            return new Failed("Not valid JSON, so not formatted: " + reason(e, prefix));
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
    private static String reason(JsonParseException e, String prefix) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? "malformed" : cause.getMessage();
        int link = message.indexOf("\nSee ");
        if (link >= 0) {
            message = message.substring(0, link);
        }
        return message.replaceAll("\"?" + prefix + "\\d+_\"?", "{{…}}").strip();
    }
}
