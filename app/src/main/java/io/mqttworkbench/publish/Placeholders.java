package io.mqttworkbench.publish;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholders testers put in topics and payloads, replaced at send time (each send of a repeat run gets
 * new values): {@code {{timestamp}}} epoch ms, {@code {{iso8601}}}, {@code {{uuid}}}, {@code {{counter}}},
 * {@code {{random:MIN:MAX}}}, {@code {{randomString:N}}}, {@code {{env:NAME}}}.
 */
public final class Placeholders {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** A longer random string is surely a typo, and would make a huge payload. */
    private static final int MAX_RANDOM_STRING = 1_000_000;

    /**
     * What the values come from: the send's counter (from 1), its time, a random source and the
     * environment (a function, so tests need not change the real one).
     */
    public record Context(long counter, Instant now, Random random, UnaryOperator<String> environment) {

        public static Context of(long counter) {
            return new Context(counter, Instant.now(), new SecureRandom(), System::getenv);
        }
    }

    private Placeholders() {
    }

    /** Replaces every placeholder; throws {@link IllegalArgumentException} naming the first one that is wrong. */
    public static String expand(String text, Context context) {
        if (text == null || text.indexOf("{{") < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1).strip(), context)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every placeholder that would fail, for the composer to show while typing. */
    public static List<String> problems(String text, UnaryOperator<String> environment) {
        return problemsOf(text, environment).stream().map(CompositionProblem::message).toList();
    }

    /** {@link #problems} as values the window can put in its own language. */
    public static List<CompositionProblem> problemsOf(String text, UnaryOperator<String> environment) {
        List<CompositionProblem> problems = new ArrayList<>();
        if (text == null || text.indexOf("{{") < 0) {
            return problems;
        }
        Context probe = new Context(1, Instant.EPOCH, new Random(0), environment);
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            try {
                value(m.group(1).strip(), probe);
            } catch (CompositionProblem.Failure e) {
                problems.add(e.problem());
            }
        }
        return problems;
    }

    public static boolean contains(String text) {
        return text != null && PLACEHOLDER.matcher(text).find();
    }

    private static String value(String name, Context c) {
        String[] parts = name.split(":", -1);
        return switch (parts[0]) {
            case "timestamp" -> whole(parts, Long.toString(c.now().toEpochMilli()), name);
            case "iso8601" -> whole(parts, c.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(), name);
            case "uuid" -> whole(parts, new UUID(c.random().nextLong(), c.random().nextLong()).toString(), name);
            case "counter" -> whole(parts, Long.toString(c.counter()), name);
            case "random" -> random(parts, c.random(), name);
            case "randomString" -> randomString(parts, c.random(), name);
            case "env" -> env(parts, c.environment(), name);
            default -> throw new CompositionProblem.Failure(CompositionProblem.of(CompositionProblem.Rule.NOT_PLACEHOLDER, name, "", 0));
        };
    }

    private static String whole(String[] parts, String value, String name) {
        if (parts.length != 1) {
            throw new CompositionProblem.Failure(CompositionProblem.of(CompositionProblem.Rule.NO_ARGUMENTS, name, parts[0], 0));
        }
        return value;
    }

    private static String random(String[] parts, Random random, String name) {
        try {
            if (parts.length != 3) {
                throw new NumberFormatException();
            }
            long min = Long.parseLong(parts[1].strip());
            long max = Long.parseLong(parts[2].strip());
            if (min > max) {
                throw new CompositionProblem.Failure(CompositionProblem.of(CompositionProblem.Rule.MIN_ABOVE_MAX, name, "", 0));
            }
            long span = max - min + 1;
            return Long.toString(span <= 0 ? random.nextLong() : min + Math.floorMod(random.nextLong(), span));
        } catch (NumberFormatException e) {
            throw new CompositionProblem.Failure(CompositionProblem.of(CompositionProblem.Rule.RANDOM_FORM, name, "", 0));
        }
    }

    private static String randomString(String[] parts, Random random, String name) {
        int length;
        try {
            length = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : -1;
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 0 || length > MAX_RANDOM_STRING) {
            throw new CompositionProblem.Failure(CompositionProblem.of(CompositionProblem.Rule.RANDOM_STRING_FORM, name, "", MAX_RANDOM_STRING));
        }
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return s.toString();
    }

    private static String env(String[] parts, UnaryOperator<String> environment, String name) {
        if (parts.length != 2 || parts[1].isBlank()) {
            throw new CompositionProblem.Failure(CompositionProblem.of(CompositionProblem.Rule.ENV_FORM, name, "", 0));
        }
        String value = environment.apply(parts[1].strip());
        if (value == null) {
            throw new CompositionProblem.Failure(CompositionProblem.of(CompositionProblem.Rule.ENV_UNSET, name, parts[1].strip(), 0));
        }
        return value;
    }
}
