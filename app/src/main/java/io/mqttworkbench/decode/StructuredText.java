package io.mqttworkbench.decode;

import java.util.Arrays;

/**
 * Writes JSON-shaped text (objects, arrays, names, values) with indentation, without recursion, into a
 * {@link BoundedText}. Every structured decoder (JSON, CBOR, MessagePack, Protobuf, Sparkplug) prints
 * through it, so a document nested 10,000 levels deep neither overflows the stack nor makes lines of
 * 20,000 spaces: indentation stops growing at {@link #MAX_INDENT} levels.
 */
final class StructuredText {
    static final int MAX_INDENT = 32;
    private static final String SPACES = " ".repeat(2 * MAX_INDENT);

    private final BoundedText out;
    /** Per open container: how many members it has so far; negative for objects. */
    private int[] counts = new int[16];
    private boolean[] objects = new boolean[16];
    private int depth;
    private boolean afterName;

    StructuredText(BoundedText out) {
        this.out = out;
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
        if (depth == 0) {
            return;
        }
        depth--;
        boolean object = objects[depth];
        if (counts[depth] > 0) {
            newline(depth);
        }
        out.append(object ? '}' : ']');
    }

    void name(String name) {
        beforeMember();
        quoted(name);
        out.append(": ");
        afterName = true;
    }

    void string(String value) {
        beforeValue();
        quoted(value);
    }

    /** A number, true, false or null, written as given. */
    void literal(String value) {
        beforeValue();
        out.append(value);
    }

    void number(double value) {
        literal(Double.isFinite(value) ? (value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value))
                : "\"" + value + "\"");
    }

    private void open(boolean object, String bracket) {
        beforeValue();
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
        if (depth == 0) {
            return;
        }
        if (counts[depth - 1]++ > 0) {
            out.append(',');
        }
        newline(depth);
    }

    private void newline(int level) {
        out.append('\n');
        out.append(SPACES.subSequence(0, 2 * Math.min(level, MAX_INDENT)));
    }

    private void quoted(String s) {
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
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
