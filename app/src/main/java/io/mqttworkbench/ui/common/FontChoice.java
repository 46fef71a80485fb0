package io.mqttworkbench.ui.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which installed font families the window uses for its text and for its fixed-width text. JavaFX CSS takes
 * one family, not a stack, and on Linux the fallback of its "System" font skips the CJK collections
 * (Noto Sans CJK is a .ttc): Chinese showed as boxes although fonts-noto-cjk was installed. So the family
 * is chosen here: one whose own glyphs cover CJK, in the variant of the user's language (the shapes of a
 * character differ between Simplified and Traditional Chinese, Japanese and Korean). Other scripts and emoji
 * still come from JavaFX's fallback (Symbola, DejaVu…), which works for them.
 *
 * @param uiFamily        the family for all text, or empty to keep JavaFX's System font
 * @param monospaceFamily the family for payloads, topics in the log and code views
 */
public record FontChoice(Optional<String> uiFamily, String monospaceFamily) {

    /** The operating systems whose font names differ. */
    public enum Platform {
        LINUX, WINDOWS, MAC;

        public static Platform current() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            return os.startsWith("win") ? WINDOWS : os.startsWith("mac") ? MAC : LINUX;
        }
    }

    /** The CJK variants, named as font families name them. */
    private enum Variant {
        SC, TC, JP, KR;

        static Variant of(Locale locale) {
            return switch (locale.getLanguage()) {
                case "ja" -> JP;
                case "ko" -> KR;
                case "zh" -> "TW".equals(locale.getCountry()) || "HK".equals(locale.getCountry()) || "MO".equals(locale.getCountry())
                        || "Hant".equals(locale.getScript()) ? TC : SC; // untranslated: a script code
                default -> SC;
            };
        }
    }

    /** Fixed-width faces we like, best first, after the ones that carry CJK themselves. */
    private static final List<String> MONOSPACE_FAMILIES = List.of("JetBrains Mono", "Cascadia Mono", "SF Mono", "Menlo", // untranslated: font family names
            "Consolas", "DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", "Ubuntu Mono"); // untranslated: font family names

    /** Picks among the {@code installed} families for a user of {@code locale} on {@code platform}. */
    public static FontChoice of(Collection<String> installed, Platform platform, Locale locale) {
        Set<String> have = Set.copyOf(installed);
        Variant variant = Variant.of(locale);
        Optional<String> ui = uiCandidates(platform, variant).stream().filter(have::contains).findFirst();
        List<String> mono = new ArrayList<>(monospaceCandidates(platform, variant));
        mono.addAll(MONOSPACE_FAMILIES);
        return new FontChoice(ui, mono.stream().filter(have::contains).findFirst().orElse("Monospaced")); // untranslated: font family names
    }

    private static List<String> uiCandidates(Platform platform, Variant v) {
        return switch (platform) {
            // fonts-noto-cjk, Adobe's Source Han Sans (the same design), then the older Chinese fonts
            case LINUX -> List.of("Noto Sans CJK " + v, "Source Han Sans " + v, "Source Han Sans " + (v == Variant.SC ? "CN" : v), // untranslated: font family names
                    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback"); // untranslated: font family names
            case WINDOWS -> switch (v) {
                case SC -> List.of("Microsoft YaHei UI", "Microsoft YaHei"); // untranslated: font family names
                case TC -> List.of("Microsoft JhengHei UI", "Microsoft JhengHei"); // untranslated: font family names
                case JP -> List.of("Yu Gothic UI", "Meiryo UI", "Meiryo"); // untranslated: font family names
                case KR -> List.of("Malgun Gothic"); // untranslated: font family names
            };
            case MAC -> switch (v) {
                case SC -> List.of("PingFang SC"); // untranslated: font family names
                case TC -> List.of("PingFang TC"); // untranslated: font family names
                case JP -> List.of("Hiragino Sans", "Hiragino Kaku Gothic ProN"); // untranslated: font family names
                case KR -> List.of("Apple SD Gothic Neo"); // untranslated: font family names
            };
        };
    }

    private static List<String> monospaceCandidates(Platform platform, Variant v) {
        // Windows and macOS fall back from Consolas and Menlo to their CJK fonts; Linux's JavaFX does not
        return platform == Platform.LINUX
                ? List.of("Noto Sans Mono CJK " + v, "Noto Sans Mono CJK SC", "Sarasa Mono " + v, "Source Han Mono " + v) // untranslated: font family names
                : List.of();
    }

    /** A style sheet naming the chosen families, as a data: URL a scene or dialog can add. */
    public String stylesheet() {
        StringBuilder css = new StringBuilder();
        uiFamily.ifPresent(family -> css.append(".root { -fx-font-family: \"").append(family).append("\"; }\n"));
        css.append(".monospace, .monospace .text, .message-table .table-cell, .payload-code .lineno { -fx-font-family: \"")
                .append(monospaceFamily).append("\"; }\n");
        return "data:text/css;base64," + java.util.Base64.getEncoder().encodeToString(css.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
