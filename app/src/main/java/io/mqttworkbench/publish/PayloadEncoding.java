package io.mqttworkbench.publish;

import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * How the composer's payload text becomes bytes; what is sent is exactly what the selector says.
 * Text and JSON are UTF-8; hex and Base64 are decoded; a file is read as it is; a Sparkplug description is
 * encoded as a Sparkplug B payload.
 */
public enum PayloadEncoding {
    TEXT("Text"), JSON("JSON"), HEX("Hex"), BASE64("Base64"), FILE("File"),
    /** A JSON description of a Sparkplug B payload (see {@link SparkplugDescription}), sent as its protobuf bytes. */
    SPARKPLUG("Sparkplug B");

    private final String label;

    PayloadEncoding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether placeholders such as {@code {{counter}}} apply: to text the user typed, not to bytes. */
    public boolean takesPlaceholders() {
        return this == TEXT || this == JSON || this == SPARKPLUG;
    }

    /** Whether the text is JSON (coloured as such): JSON itself and the Sparkplug description. */
    public boolean writtenAsJson() {
        return this == JSON || this == SPARKPLUG;
    }

    /** The bytes for this text; throws {@link IllegalArgumentException} saying what is wrong with it. */
    public byte[] encode(String text) {
        String value = text == null ? "" : text;
        return switch (this) {
            case TEXT, JSON -> value.getBytes(StandardCharsets.UTF_8);
            case HEX -> hex(value);
            case BASE64 -> base64(value);
            case FILE -> file(value);
            case SPARKPLUG -> SparkplugDescription.encode(value, System.currentTimeMillis());
        };
    }

    /** What is wrong with the text for this encoding, checked as the user types; empty when it can be sent. */
    public Optional<String> problem(String text) {
        return problemOf(text).map(CompositionProblem::message);
    }

    /** {@link #problem(String)} as a value the window can put in its own language. */
    public Optional<CompositionProblem> problemOf(String text) {
        String value = text == null ? "" : text;
        if (this == JSON) {
            if (value.isBlank()) {
                return Optional.empty();
            }
            try {
                JsonParser.parseString(value);
                return Optional.empty();
            } catch (JsonSyntaxException e) {
                String message = e.getMessage() == null ? "invalid" : e.getMessage();
                int see = message.indexOf("\nSee ");
                return Optional.of(CompositionProblem.of(CompositionProblem.Rule.INVALID_JSON, "", (see > 0 ? message.substring(0, see) : message)
                        .replace("com.google.gson.stream.MalformedJsonException: ", "")
                        .replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON"), 0));
            }
        }
        if (this == FILE) {
            return value.isBlank() ? Optional.of(CompositionProblem.of(CompositionProblem.Rule.CHOOSE_FILE)) : Optional.empty();
        }
        try {
            encode(value);
            return Optional.empty();
        } catch (CompositionProblem.Failure e) {
            return Optional.of(e.problem());
        } catch (DescriptionProblem.Invalid e) {
            return Optional.of(CompositionProblem.sparkplug(e.problem()));
        } catch (IllegalArgumentException e) {
            // anything else the encoding refuses, in English
            return Optional.of(CompositionProblem.of(CompositionProblem.Rule.SPARKPLUG, "", e.getMessage(), 0));
        }
    }

    /** Hex digits in pairs; spaces, line breaks, colons and a leading 0x are allowed between them. */
    static byte[] hex(String text) {
        String digits = text.replaceAll("(?i)0x", "").replaceAll("[\\s:,-]", "");
        if (digits.length() % 2 != 0) {
            throw new CompositionProblem.Failure(CompositionProblem.of(CompositionProblem.Rule.HEX_ODD, "", "", digits.length()));
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(digits.charAt(2 * i), 16);
            int low = Character.digit(digits.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                char bad = high < 0 ? digits.charAt(2 * i) : digits.charAt(2 * i + 1);
                throw new CompositionProblem.Failure(CompositionProblem.of(CompositionProblem.Rule.HEX_DIGIT, String.valueOf(bad), "", 0));
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    /** Standard or URL-safe Base64; line breaks and spaces are ignored. */
    static byte[] base64(String text) {
        String compact = text.replaceAll("\\s", "");
        try {
            return compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(compact)
                    : Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new CompositionProblem.Failure(CompositionProblem.of(CompositionProblem.Rule.INVALID_BASE64, "", e.getMessage().toLowerCase(Locale.ROOT), 0));
        }
    }

    static byte[] file(String path) {
        if (path.isBlank()) {
            throw new CompositionProblem.Failure(CompositionProblem.of(CompositionProblem.Rule.CHOOSE_FILE));
        }
        try {
            return Files.readAllBytes(Path.of(path.strip()));
        } catch (NoSuchFileException e) {
            throw new CompositionProblem.Failure(CompositionProblem.of(CompositionProblem.Rule.NO_FILE, path.strip(), "", 0));
        } catch (IOException | OutOfMemoryError e) {
            throw new CompositionProblem.Failure(CompositionProblem.of(CompositionProblem.Rule.CANNOT_READ, path.strip(), String.valueOf(e.getMessage()), 0));
        }
    }
}
