package io.mqttworkbench.ui.tree;

import java.util.Locale;

/** Messages per second, short: "0", "0.4", "12", "3.4k". */
public final class Rates {
    private Rates() {
    }

    static String format(double perSecond) {
        if (perSecond < 0.05) {
            return "0";
        }
        if (perSecond < 10) {
            return String.format(Locale.ROOT, "%.1f", perSecond);
        }
        if (perSecond < 10_000) {
            return String.format(Locale.ROOT, "%,.0f", perSecond);
        }
        return String.format(Locale.ROOT, "%.1fk", perSecond / 1000);
    }
}
