package io.mqttworkbench.ui.common;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's words in the interface language: {@code io/mqttworkbench/ui/messages.properties} (English) and
 * {@code messages_zh_CN.properties} (Simplified Chinese). Patterns use {@link String#format} conversions
 * ({@code %s}, {@code %,d}, {@code %1$s}), formatted with the interface locale, so numbers group as the
 * language does. One instance is made at start and passed to whoever shows text.
 */
public final class Texts {
    public static final String BUNDLE = "io.mqttworkbench.ui.messages";
    private static final Logger LOG = LoggerFactory.getLogger(Texts.class);

    private final Locale locale;
    private final ResourceBundle bundle;

    public Texts(Locale locale) {
        this.locale = locale;
        // no fallback to the JVM's default locale: English is the base bundle, whatever the machine says
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The English words: tests, and the first start before the language is known. */
    public static Texts english() {
        return new Texts(Locale.ENGLISH);
    }

    public static Texts simplifiedChinese() {
        return new Texts(Locale.SIMPLIFIED_CHINESE);
    }

    public Locale locale() {
        return locale;
    }

    /** The text of {@code key}; a missing key shows as {@code !key!} (and is logged) rather than breaking the window. */
    public String text(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            LOG.warn("no text for key {} in {}", key, locale);
            return "!" + key + "!";
        }
    }

    /** The pattern of {@code key} with {@code args} put in, formatted for the interface locale. */
    public String format(String key, Object... args) {
        String pattern = text(key);
        try {
            return String.format(locale, pattern, args);
        } catch (IllegalFormatException e) {
            LOG.warn("text {} does not take {} arguments: {}", key, args.length, e.getMessage());
            return pattern;
        }
    }

    /** Whole numbers grouped as the interface language groups them: 12,345. */
    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** Date and time in the interface language's medium style, for places that show a full moment. */
    public DateTimeFormatter dateTime() {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale);
    }

    /** Whether the interface reads in Chinese (a few layouts and fonts differ). */
    public boolean isChinese() {
        return "zh".equals(locale.getLanguage());
    }
}
