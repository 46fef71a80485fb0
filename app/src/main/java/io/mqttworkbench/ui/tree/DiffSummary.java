package io.mqttworkbench.ui.tree;

import io.mqttworkbench.decode.PayloadDiff;
import io.mqttworkbench.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;

/** The headline of a diff in the interface language, from its counts: "JSON: 2 fields changed, 1 added". */
final class DiffSummary {
    private DiffSummary() {
    }

    static String of(PayloadDiff.Result diff, Texts texts) {
        String kind = switch (diff.kind()) {
            case "text" -> texts.text("tree.diff.kind.text");
            case "binary" -> texts.text("tree.diff.kind.binary");
            // JSON reads the same everywhere; "large" has no counts, only the decode package's explanation
            case "large" -> null;
            default -> diff.kind();
        };
        if (kind == null) {
            return diff.summary();
        }
        List<String> parts = new ArrayList<>();
        if (diff.identical()) {
            parts.add(texts.text("tree.diff.identical"));
        } else if (diff.kind().equals("JSON")) {
            add(parts, texts, diff.changed(), "tree.diff.fields.changed.one", "tree.diff.fields.changed.other");
            add(parts, texts, diff.added(), "tree.diff.fields.added", "tree.diff.fields.added");
            add(parts, texts, diff.removed(), "tree.diff.fields.removed", "tree.diff.fields.removed");
        } else {
            add(parts, texts, diff.removed(), "tree.diff.lines.removed.one", "tree.diff.lines.removed.other");
            add(parts, texts, diff.added(), "tree.diff.lines.added.one", "tree.diff.lines.added.other");
        }
        String counts = parts.get(0);
        for (String part : parts.subList(1, parts.size())) {
            counts = texts.format("tree.diff.join", counts, part);
        }
        return texts.format("tree.diff.summary", kind, counts);
    }

    private static void add(List<String> parts, Texts texts, int count, String one, String other) {
        if (count > 0) {
            parts.add(texts.format(count == 1 ? one : other, count));
        }
    }
}
