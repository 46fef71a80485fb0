package io.mqttworkbench.ui.common;

import java.util.Locale;

/** The languages the window speaks, and "as the operating system": what the settings page offers. */
public enum InterfaceLanguage {
    SYSTEM(""), ENGLISH("en"), SIMPLIFIED_CHINESE("zh-CN");

    private final String tag;

    InterfaceLanguage(String tag) {
        this.tag = tag;
    }

    /** How it is kept in the workspace file: "", "en" or "zh-CN". */
    public String tag() {
        return tag;
    }

    /** The kept value read back; anything unknown follows the operating system. */
    public static InterfaceLanguage ofTag(String tag) {
        for (InterfaceLanguage language : values()) {
            if (language.tag.equalsIgnoreCase(tag == null ? "" : tag)) {
                return language;
            }
        }
        return SYSTEM;
    }

    /** The locale the window uses: Chinese for any Chinese system locale (simplified is the one translation), else English. */
    public Locale locale(Locale system) {
        return switch (this) {
            case ENGLISH -> Locale.ENGLISH;
            case SIMPLIFIED_CHINESE -> Locale.SIMPLIFIED_CHINESE;
            case SYSTEM -> "zh".equals(system.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        };
    }
}
