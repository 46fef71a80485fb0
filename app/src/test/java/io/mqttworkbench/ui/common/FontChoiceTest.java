package io.mqttworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.ui.common.FontChoice.Platform;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FontChoiceTest {

    private static final List<String> DEBIAN_WITH_NOTO_CJK = List.of("DejaVu Sans", "DejaVu Sans Mono", "Noto Sans CJK SC", "Noto Sans CJK JP",
            "Noto Sans CJK KR", "Noto Sans CJK TC", "Noto Sans Mono CJK SC", "Noto Sans Mono CJK JP", "Symbola");

    @Test
    void linuxWithNotoCjkUsesTheVariantOfTheUsersLanguageForTextAndCode() {
        assertThat(FontChoice.of(DEBIAN_WITH_NOTO_CJK, Platform.LINUX, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(new FontChoice(java.util.Optional.of("Noto Sans CJK SC"), "Noto Sans Mono CJK SC"));
        assertThat(FontChoice.of(DEBIAN_WITH_NOTO_CJK, Platform.LINUX, Locale.JAPAN))
                .isEqualTo(new FontChoice(java.util.Optional.of("Noto Sans CJK JP"), "Noto Sans Mono CJK JP"));
        assertThat(FontChoice.of(DEBIAN_WITH_NOTO_CJK, Platform.LINUX, Locale.forLanguageTag("zh-TW")).uiFamily()).contains("Noto Sans CJK TC");
        // no TC monospace installed: the SC one still has the glyphs
        assertThat(FontChoice.of(DEBIAN_WITH_NOTO_CJK, Platform.LINUX, Locale.forLanguageTag("zh-TW")).monospaceFamily())
                .isEqualTo("Noto Sans Mono CJK SC");
        // English users see Chinese topics too: Simplified Chinese shapes by default
        assertThat(FontChoice.of(DEBIAN_WITH_NOTO_CJK, Platform.LINUX, Locale.US).uiFamily()).contains("Noto Sans CJK SC");
    }

    @Test
    void withoutACjkFontTheSystemFontStaysAndCodeUsesTheBestFixedWidthFace() {
        FontChoice choice = FontChoice.of(List.of("DejaVu Sans", "DejaVu Sans Mono", "Liberation Mono"), Platform.LINUX, Locale.US);
        assertThat(choice.uiFamily()).isEmpty();
        assertThat(choice.monospaceFamily()).isEqualTo("DejaVu Sans Mono");
        assertThat(FontChoice.of(List.of(), Platform.LINUX, Locale.US).monospaceFamily()).isEqualTo("Monospaced");
    }

    @Test
    void windowsAndMacUseTheirOwnCjkFontsAndKeepTheirCodeFonts() {
        List<String> windows = List.of("Segoe UI", "Consolas", "Microsoft YaHei UI", "Microsoft JhengHei UI", "Yu Gothic UI", "Malgun Gothic");
        assertThat(FontChoice.of(windows, Platform.WINDOWS, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(new FontChoice(java.util.Optional.of("Microsoft YaHei UI"), "Consolas"));
        assertThat(FontChoice.of(windows, Platform.WINDOWS, Locale.KOREA).uiFamily()).contains("Malgun Gothic");
        assertThat(FontChoice.of(List.of("PingFang SC", "Menlo", "Hiragino Sans"), Platform.MAC, Locale.JAPANESE))
                .isEqualTo(new FontChoice(java.util.Optional.of("Hiragino Sans"), "Menlo"));
    }

    @Test
    void theStylesheetNamesBothFamilies() {
        String url = new FontChoice(java.util.Optional.of("Noto Sans CJK SC"), "Noto Sans Mono CJK SC").stylesheet();
        String css = new String(java.util.Base64.getDecoder().decode(url.substring("data:text/css;base64,".length())), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(css).contains(".root { -fx-font-family: \"Noto Sans CJK SC\"; }").contains("-fx-font-family: \"Noto Sans Mono CJK SC\"");
        String withoutUi = new FontChoice(java.util.Optional.empty(), "Menlo").stylesheet();
        assertThat(new String(java.util.Base64.getDecoder().decode(withoutUi.substring("data:text/css;base64,".length())), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(".root");
    }
}
