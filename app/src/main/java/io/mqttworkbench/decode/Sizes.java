package io.mqttworkbench.decode;

import java.util.Locale;

/** Byte counts as people read them: 512 B, 1.5 KB, 12.0 MB. */
public final class Sizes {
    private Sizes() {
    }

    public static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        double value = count;
        String[] units = {"KB", "MB", "GB", "TB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
