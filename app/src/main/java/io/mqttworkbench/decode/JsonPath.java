package io.mqttworkbench.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * Paths to values in a JSON document as people write them: {@code a.b[2].c}. A key that holds a dot,
 * a bracket or a quote is written in brackets and quotes: {@code ["a.b"]}.
 */
public final class JsonPath {
    private JsonPath() {
    }

    /** The path of a member of the object at {@code parent}. */
    public static String child(String parent, String key) {
        boolean plain = !key.isEmpty() && key.chars().noneMatch(c -> c == '.' || c == '[' || c == ']' || c == '"' || c == '\\');
        if (plain) {
            return parent.isEmpty() ? key : parent + "." + key;
        }
        return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    /** One step of a path: a member name, or an array index (then {@code key} is null). */
    record Step(String key, int index) {
        static Step member(String key) {
            return new Step(key, -1);
        }

        boolean isIndex() {
            return key == null;
        }
    }

    /** The steps of a path; an unreadable index is a member name, which then matches nothing. */
    static List<Step> steps(String path) {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[' && i + 1 < path.length() && path.charAt(i + 1) == '"') {
                StringBuilder key = new StringBuilder();
                int j = i + 2;
                while (j < path.length() && path.charAt(j) != '"') {
                    if (path.charAt(j) == '\\' && j + 1 < path.length()) {
                        j++;
                    }
                    key.append(path.charAt(j++));
                }
                steps.add(Step.member(key.toString()));
                i = path.indexOf(']', j) + 1;
                if (i == 0) {
                    break;
                }
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) {
                    break;
                }
                String inside = path.substring(i + 1, end).strip();
                try {
                    steps.add(new Step(null, Integer.parseInt(inside)));
                } catch (NumberFormatException e) {
                    steps.add(Step.member(path.substring(i, end + 1)));
                }
                i = end + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                steps.add(Step.member(path.substring(i, end)));
                i = end;
            }
        }
        return steps;
    }
}
