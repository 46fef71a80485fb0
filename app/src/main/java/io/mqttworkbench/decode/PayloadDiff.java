package io.mqttworkbench.decode;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What changed from one message to the next on a topic. Two JSON documents are compared field by field:
 * the newer one is shown whole, each changed value marked with what it was, added fields marked, and
 * removed ones shown where they were. Other text is compared line by line, binary payloads by their hex
 * dumps. Costly work has limits: a diff of payloads over {@link #MAX_BYTES} is not attempted.
 */
public final class PayloadDiff {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final int HEX_BYTES = 16 * 1024;
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    public enum Change { SAME, CHANGED, ADDED, REMOVED }

    /** One line of the view; {@code was} holds the earlier value of a changed JSON field. */
    public record Line(String text, Change change, String was) {
        static Line of(String text, Change change) {
            return new Line(text, change, null);
        }
    }

    /**
     * @param kind "JSON", "text" or "binary"
     * @param summary "2 fields changed, 1 added" and the like
     */
    public record Result(String kind, List<Line> lines, int changed, int added, int removed, String summary) {
        public boolean identical() {
            return changed == 0 && added == 0 && removed == 0;
        }
    }

    private PayloadDiff() {
    }

    public static Result between(byte[] older, byte[] newer) {
        if (older.length > MAX_BYTES || newer.length > MAX_BYTES) {
            return new Result("large", List.of(), 0, 0, 0, "Too large to compare (" + Sizes.bytes(older.length) + " and "
                    + Sizes.bytes(newer.length) + "; the limit is " + Sizes.bytes(MAX_BYTES) + ")");
        }
        Optional<JsonElement> a = JsonPayload.parse(older);
        Optional<JsonElement> b = JsonPayload.parse(newer);
        if (a.isPresent() && b.isPresent()) {
            return json(a.get(), b.get());
        }
        boolean text = PayloadPreview.looksLikeText(older, older.length) && PayloadPreview.looksLikeText(newer, newer.length);
        if (text) {
            return lines("text", new String(older, StandardCharsets.UTF_8), new String(newer, StandardCharsets.UTF_8));
        }
        return lines("binary", HexDump.format(older, 0, Math.min(older.length, HEX_BYTES)),
                HexDump.format(newer, 0, Math.min(newer.length, HEX_BYTES)));
    }

    private static Result json(JsonElement older, JsonElement newer) {
        JsonRenderer renderer = new JsonRenderer();
        renderer.render(null, newer, older, 0, true, null);
        String summary = renderer.changed + renderer.added + renderer.removed == 0 ? "Identical"
                : describe(renderer.changed, "field changed", "fields changed") + describe(renderer.added, "added", "added")
                + describe(renderer.removed, "removed", "removed");
        return new Result("JSON", renderer.lines, renderer.changed, renderer.added, renderer.removed, trimSeparator(summary));
    }

    private static Result lines(String kind, String older, String newer) {
        List<String> a = older.lines().toList();
        List<String> b = newer.lines().toList();
        List<Line> lines = new ArrayList<>();
        int added = 0;
        int removed = 0;
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            Chunk<String> source = delta.getSource();
            while (position < source.getPosition()) {
                lines.add(Line.of(a.get(position++), Change.SAME));
            }
            for (String line : source.getLines()) {
                lines.add(Line.of(line, Change.REMOVED));
                removed++;
            }
            for (String line : delta.getTarget().getLines()) {
                lines.add(Line.of(line, Change.ADDED));
                added++;
            }
            position = source.getPosition() + source.size();
        }
        while (position < a.size()) {
            lines.add(Line.of(a.get(position++), Change.SAME));
        }
        String summary = added + removed == 0 ? "Identical"
                : trimSeparator(describe(removed, "line removed", "lines removed") + describe(added, "line added", "lines added"));
        return new Result(kind, lines, 0, added, removed, summary);
    }

    private static String describe(int count, String one, String many) {
        return count == 0 ? "" : ", " + count + " " + (count == 1 ? one : many);
    }

    private static String trimSeparator(String text) {
        return text.startsWith(", ") ? text.substring(2) : text;
    }

    /** Pretty-prints the newer document, comparing each value with the one at the same place in the older. */
    private static final class JsonRenderer {
        final List<Line> lines = new ArrayList<>();
        int changed;
        int added;
        int removed;

        /**
         * @param older the value at the same place in the older document, or null when there is none
         * @param forced ADDED or REMOVED for a subtree that exists on one side only, else null
         */
        void render(String key, JsonElement newer, JsonElement older, int depth, boolean last, Change forced) {
            String prefix = "  ".repeat(depth) + (key == null ? "" : COMPACT.toJson(key) + ": ");
            String comma = last ? "" : ",";
            boolean container = newer.isJsonObject() || newer.isJsonArray();
            if (forced == null && older != null && !sameShape(newer, older)) {
                // A value that changed type (a number became an object): the old one goes, the new one comes.
                render(key, older, null, depth, false, Change.REMOVED);
                render(key, newer, null, depth, last, Change.ADDED);
                return;
            }
            Change own = forced != null ? forced : older == null ? Change.ADDED : Change.SAME;
            if (!container || isEmpty(newer)) {
                Change change = forced != null ? forced : older == null ? Change.ADDED : older.equals(newer) ? Change.SAME : Change.CHANGED;
                count(change);
                lines.add(new Line(prefix + COMPACT.toJson(newer) + comma, change,
                        change == Change.CHANGED ? COMPACT.toJson(older) : null));
                return;
            }
            boolean object = newer.isJsonObject();
            lines.add(Line.of(prefix + (object ? "{" : "["), own));
            Change childForced = forced != null ? forced : older == null ? Change.ADDED : null;
            if (object) {
                JsonObject n = newer.getAsJsonObject();
                JsonObject o = childForced == null ? older.getAsJsonObject() : null;
                List<Map.Entry<String, JsonElement>> gone = new ArrayList<>();
                if (o != null) {
                    o.entrySet().stream().filter(e -> !n.has(e.getKey())).forEach(gone::add);
                }
                int remaining = n.size() + gone.size();
                for (Map.Entry<String, JsonElement> entry : n.entrySet()) {
                    render(entry.getKey(), entry.getValue(), o == null ? null : o.get(entry.getKey()), depth + 1, --remaining == 0, childForced);
                }
                for (Map.Entry<String, JsonElement> entry : gone) {
                    render(entry.getKey(), entry.getValue(), null, depth + 1, --remaining == 0, Change.REMOVED);
                }
            } else {
                JsonArray n = newer.getAsJsonArray();
                JsonArray o = childForced == null ? older.getAsJsonArray() : null;
                int total = Math.max(n.size(), o == null ? 0 : o.size());
                for (int i = 0; i < total; i++) {
                    if (i < n.size()) {
                        render(null, n.get(i), o == null || i >= o.size() ? null : o.get(i), depth + 1, i == total - 1, childForced);
                    } else {
                        render(null, o.get(i), null, depth + 1, i == total - 1, Change.REMOVED);
                    }
                }
            }
            lines.add(Line.of("  ".repeat(depth) + (object ? "}" : "]") + comma, own));
        }

        private void count(Change change) {
            switch (change) {
                case CHANGED -> changed++;
                case ADDED -> added++;
                case REMOVED -> removed++;
                case SAME -> { }
            }
        }

        private static boolean sameShape(JsonElement a, JsonElement b) {
            return a.isJsonObject() == b.isJsonObject() && a.isJsonArray() == b.isJsonArray();
        }

        private static boolean isEmpty(JsonElement container) {
            return container.isJsonObject() ? container.getAsJsonObject().isEmpty() : container.getAsJsonArray().isEmpty();
        }
    }
}
