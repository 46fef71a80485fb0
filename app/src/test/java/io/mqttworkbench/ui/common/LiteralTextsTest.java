package io.mqttworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A source scan of {@code ui}: a string literal that reads like words a user sees ("Connect", "No messages
 * yet") must come from the bundles instead. Keys, style classes, ids, icon codes, log lines and programmer
 * errors are not words a user sees. A line may say why a literal stays with {@code // untranslated: why}
 * (a product name, a protocol keyword).
 */
class LiteralTextsTest {
    static final Path UI = Path.of("src/main/java/io/mqttworkbench/ui");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Words: a capital and small letters ("Send"), or two words with a space ("no messages"). */
    private static final Pattern WORDS = Pattern.compile("(^|[^A-Za-z])[A-Z][a-z]{2,}|[A-Za-z]{2,}[,.:;!?]? +[A-Za-z]{2,}");
    /** Not words: a bundle key, a style class or id, a CSS property, an icon code, a file name. */
    private static final Pattern NOT_WORDS = Pattern.compile("[a-z][a-zA-Z0-9]*(\\.[a-zA-Z0-9_-]+)+|[a-z0-9]+(-[a-z0-9]+)*|-fx-.*|.*\\.(css|png|json|properties)");
    /** A literal handed straight to a control's text: always the window's words, whatever the line says. */
    private static final Pattern CONTROL_TEXT = Pattern.compile("(new (Label|Button|Tooltip|MenuItem|Menu|Tab|CheckBox|RadioButton|ToggleButton"
            + "|Hyperlink|TitledPane|MenuButton|(Tree)?TableColumn<[^>]*>)|\\.set(Text|PromptText|Title|HeaderText|ContentText))\\(\"([^\"]*[A-Za-z][^\"]*)\"");
    private static final List<String> NOT_SHOWN = List.of("LOG.", "getStyleClass()", "setId(", "lookup(", "PseudoClass", "throw new Illegal",
            "@SuppressWarnings", "Thread(", "name(\"", "untranslated:", "Logger", "assert ");

    /** The literals in {@code ui}'s sources, one line each ("log/MessagesPane.java:120: Clear"), that should be bundle keys. */
    static List<String> literalTexts(Path root) {
        Properties keys;
        try {
            keys = BundlesTest.load("messages.properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                boolean inComment = false;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (inComment) {
                        inComment = !line.contains("*/");
                        continue;
                    }
                    if (line.startsWith("/*")) {
                        inComment = !line.contains("*/");
                        continue;
                    }
                    if (line.startsWith("//") || line.startsWith("*")) {
                        continue;
                    }
                    Matcher control = CONTROL_TEXT.matcher(line);
                    while (control.find()) {
                        found.add(root.relativize(file) + ":" + (i + 1) + ": " + control.group(5));
                    }
                    if (NOT_SHOWN.stream().anyMatch(line::contains)) {
                        continue;
                    }
                    Matcher m = LITERAL.matcher(line);
                    while (m.find()) {
                        String text = m.group(1);
                        if (keys.containsKey(text) || NOT_WORDS.matcher(text).matches() || !WORDS.matcher(text).find()) {
                            continue;
                        }
                        found.add(root.relativize(file) + ":" + (i + 1) + ": " + text);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Lists what is left, for one package or all: run from {@code app/} with the test class path, argument {@code log} or none. */
    public static void main(String[] args) {
        literalTexts(args.length == 0 ? UI : UI.resolve(args[0])).forEach(System.out::println);
    }

    @Test
    void theWindowsWordsComeFromTheBundles() {
        assertThat(literalTexts(UI)).as("literal texts in ui: put them in messages.properties and messages_zh_CN.properties").isEmpty();
    }
}
