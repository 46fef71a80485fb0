package io.mqttworkbench.decode;

import java.util.Arrays;

/**
 * Writes JSON-shaped text (objects, arrays, names, values) with indentation, without recursion, into a
 * {@link BoundedText}. Every structured decoder (JSON, CBOR, MessagePack, Protobuf, Sparkplug) prints
 * through it, so the same limits hold for all of them, and the output states where they apply:
 * <ul>
 * <li>indentation stops growing at {@link #MAX_INDENT} levels (no lines of 20,000 spaces);</li>
 * <li>containers nested deeper than {@link #MAX_DEPTH} levels are not shown: a string says so in their place;</li>
 * <li>a list or map shows its first {@link #MAX_ENTRIES} entries, then a string saying how many there are (for
 * binary formats, where an entry can be a single byte and a few megabytes make millions of them; JSON is shown
 * as it was written, up to the output's limit).</li>
 * </ul>
 * What is not shown is still read by the decoder (so the counts are right), at the cost of reading, not writing.
 */
final class StructuredText {
    static final int MAX_INDENT = 32;
    static final int MAX_DEPTH = 256;
    static final int MAX_ENTRIES = 100_000;
    static final String ELLIPSIS = "\u2026";
    private static final String SPACES = " ".repeat(2 * MAX_INDENT);

    private final BoundedText out;
    private final int maxEntries;
    /** Per open container: how many members it has so far (a name and its value are one). */
    private int[] counts = new int[16];
    private boolean[] objects = new boolean[16];
    private int depth;
    private boolean afterName;
    /** Nothing is written while {@code depth >= hiddenFrom}: inside a container cut for depth or for its entries. */
    private int hiddenFrom = Integer.MAX_VALUE;
    private boolean hiddenForDepth;

    /** With lists and maps cut at {@link #MAX_ENTRIES}: for binary formats, where a byte can be an entry. */
    StructuredText(BoundedText out) {
        this(out, MAX_ENTRIES);
    }

    StructuredText(BoundedText out, int maxEntries) {
        this.out = out;
        this.maxEntries = maxEntries;
    }

    int depth() {
        return depth;
    }

    boolean full() {
        return out.full();
    }

    void beginObject() {
        open(true, "{");
    }

    void beginArray() {
        open(false, "[");
    }

    /** Closes the innermost container, whichever kind it is. */
    void end() {
        end("entries", 0);
    }

    /**
     * Closes the innermost container, which holds {@code total} {@code noun} of which only the ones
     * written so far are shown: a decoder that kept only the first ones says how many there were.
     */
    void end(String noun, long total) {
        if (depth == 0) {
            return;
        }
        if (depth > hiddenFrom) {
            depth--;
            return;
        }
        if (depth == hiddenFrom) {
            hiddenFrom = Integer.MAX_VALUE;
            if (hiddenForDepth) {
                hiddenForDepth = false;
                depth--; // the string written in its place stands for it
                return;
            }
        }
        depth--;
        boolean object = objects[depth];
        long shown = Math.min(counts[depth], maxEntries);
        long all = Math.max(total, counts[depth]);
        if (all > shown) {
            if (shown > 0) {
                out.append(',');
            }
            newline(depth + 1);
            String statement = String.format(java.util.Locale.ROOT, "showing the first %,d of %,d %s", shown, all, noun);
            if (object) {
                quoted(ELLIPSIS);
                out.append(": ");
                quoted(statement);
            } else {
                quoted(ELLIPSIS + " " + statement);
            }
            counts[depth] = Math.max(counts[depth], 1);
        }
        if (counts[depth] > 0) {
            newline(depth);
        }
        out.append(object ? '}' : ']');
    }

    void name(String name) {
        beforeMember();
        quoted(name);
        if (!hidden()) {
            out.append(": ");
        }
        afterName = true;
    }

    void string(String value) {
        beforeValue();
        quoted(value);
    }

    /** A number, true, false or null, written as given. */
    void literal(String value) {
        beforeValue();
        if (!hidden()) {
            out.append(value);
        }
    }

    void number(double value) {
        literal(Double.isFinite(value) ? (value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value))
                : "\"" + value + "\"");
    }

    private boolean hidden() {
        return depth >= hiddenFrom;
    }

    private void open(boolean object, String bracket) {
        beforeValue();
        if (hidden()) {
            depth++;
            return;
        }
        if (depth == MAX_DEPTH) {
            quoted(ELLIPSIS + " nested deeper than " + MAX_DEPTH + " levels, not shown");
            depth++;
            hiddenFrom = depth;
            hiddenForDepth = true;
            return;
        }
        if (depth == counts.length) {
            counts = Arrays.copyOf(counts, depth * 2);
            objects = Arrays.copyOf(objects, depth * 2);
        }
        counts[depth] = 0;
        objects[depth] = object;
        depth++;
        out.append(bracket);
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        beforeMember();
    }

    private void beforeMember() {
        out.tick();
        if (depth == 0 || depth > hiddenFrom || depth == hiddenFrom && hiddenForDepth) {
            return; // inside what is not shown, apart from the entries of a list cut short (counted)
        }
        int count = ++counts[depth - 1];
        if (depth == hiddenFrom) {
            return; // counted, not shown
        }
        if (count > maxEntries) {
            hiddenFrom = depth;
            hiddenForDepth = false;
            return;
        }
        if (count > 1) {
            out.append(',');
        }
        newline(depth);
    }

    private void newline(int level) {
        out.append('\n');
        out.append(SPACES.subSequence(0, 2 * Math.min(level, MAX_INDENT)));
    }

    private void quoted(String s) {
        if (hidden()) {
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length() && !out.full(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(Utf8.controlEscape(c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
