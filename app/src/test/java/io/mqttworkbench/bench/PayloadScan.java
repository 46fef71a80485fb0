package io.mqttworkbench.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** Payloads streamed out of a database into a Java matcher: how a search the SQL cannot express would run. */
final class PayloadScan {

    private PayloadScan() {
    }

    /** Counts the rows of a one-column (payload bytes) query that {@code match} accepts. */
    static long bytes(Connection c, String sql, Predicate<byte[]> match) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setFetchSize(4096);
            try (ResultSet rs = s.executeQuery(sql)) {
                long n = 0;
                while (rs.next()) {
                    if (match.test(rs.getBytes(1))) {
                        n++;
                    }
                }
                return n;
            }
        }
    }

    /** Counts the rows of a one-column (payload text) query that {@code match} accepts. */
    static long text(Connection c, String sql, Predicate<String> match) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setFetchSize(4096);
            try (ResultSet rs = s.executeQuery(sql)) {
                long n = 0;
                while (rs.next()) {
                    String value = rs.getString(1);
                    if (value != null && match.test(value)) {
                        n++;
                    }
                }
                return n;
            }
        }
    }

    /** Two scans at once (two halves of the time range, each on its own connection); the sum of their counts. */
    static long inTwo(Callable<Long> first, Callable<Long> second) throws Exception {
        CompletableFuture<Long> other = CompletableFuture.supplyAsync(() -> {
            try {
                return second.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return first.call() + other.join();
    }

    /** Byte search with ASCII case folding, as the message log's matcher does it. */
    static boolean containsIgnoringAsciiCase(byte[] haystack, byte[] lowerNeedle) {
        int n = lowerNeedle.length;
        outer:
        for (int i = 0, last = haystack.length - n; i <= last; i++) {
            for (int j = 0; j < n; j++) {
                byte b = haystack[i + j];
                if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != lowerNeedle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The same for text the database hands over as a String. */
    static boolean containsIgnoringCase(String haystack, String needle) {
        for (int i = 0, last = haystack.length() - needle.length(); i <= last; i++) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }
}
