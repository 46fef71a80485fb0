package io.mqttworkbench.topic;

import java.util.Comparator;

/**
 * Compares names the way people count: runs of digits by their value ({@code line2} before
 * {@code line10}), the rest case-insensitively, exact case as the tie-breaker.
 */
public final class NaturalOrder implements Comparator<String> {

    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int result = compareNumbers(a, i, endA, b, j, endB);
                if (result != 0) {
                    return result;
                }
                i = endA;
                j = endB;
            } else {
                int result = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (result != 0) {
                    return result;
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Compares digit runs of any length by value, without parsing (no overflow), leading zeros ignored. */
    private static int compareNumbers(String a, int startA, int endA, String b, int startB, int endB) {
        while (startA < endA - 1 && a.charAt(startA) == '0') {
            startA++;
        }
        while (startB < endB - 1 && b.charAt(startB) == '0') {
            startB++;
        }
        int byLength = Integer.compare(endA - startA, endB - startB);
        if (byLength != 0) {
            return byLength;
        }
        for (int k = 0; k < endA - startA; k++) {
            int result = Character.compare(a.charAt(startA + k), b.charAt(startB + k));
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }
}
