package io.mqttworkbench.ui.tree;

import java.util.Locale;

/** Messages per second, short: "0", "0.4", "12", "3.4k", in the interface language's digits. */
public final class Rates {
    private Rates() {
    }

    static String format(double perSecond, Locale locale) {
        if (perSecond < 0.05) {
            return "0";
        }
        if (perSecond < 10) {
            return String.format(locale, "%.1f", perSecond);
        }
        if (perSecond < 10_000) {
            return String.format(locale, "%,.0f", perSecond);
        }
        return String.format(locale, "%.1fk", perSecond / 1000);
    }
}
