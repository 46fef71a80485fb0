package io.mqttworkbench.publish;

import io.mqttworkbench.mqtt.TopicProblem;

/**
 * What stops a composition from being sent, with the values the explanation needs, so the window can say it
 * in its own language; {@link #message()} is the English sentence the command line prints.
 *
 * @param rule   the rule broken
 * @param field  the form field concerned, named before the explanation ("Response topic: …"); NONE names none
 * @param topic  the topic rule broken, for {@link Rule#TOPIC_RULE}; else null
 * @param text   a placeholder's name, a file's path or a wrong character; else empty
 * @param detail a parser's own words, a placeholder's base name or an environment variable; else empty
 * @param number a digit count or a limit the rule names; else 0
 * @param sparkplug what is wrong with a Sparkplug description, for {@link Rule#SPARKPLUG} when it is known; else null
 */
public record CompositionProblem(Rule rule, Field field, TopicProblem topic, String text, String detail, long number,
        DescriptionProblem sparkplug) {

    public enum Rule {
        TOPIC_NEEDED, TOPIC_RULE, QOS_RANGE, EXPIRY_RANGE, ALIAS_RANGE, KEY_NEEDED,
        INVALID_JSON, CHOOSE_FILE, HEX_ODD, HEX_DIGIT, INVALID_BASE64, NO_FILE, CANNOT_READ, SPARKPLUG,
        NOT_PLACEHOLDER, NO_ARGUMENTS, MIN_ABOVE_MAX, RANDOM_FORM, RANDOM_STRING_FORM, ENV_FORM, ENV_UNSET
    }

    /** The field a problem is about, as the sentence names it before the explanation. */
    public enum Field {
        NONE(""), TOPIC("Topic: "), RESPONSE_TOPIC("Response topic: "), CORRELATION("Correlation data: "), USER_PROPERTY("User property: ");

        private final String english;

        Field(String english) {
            this.english = english;
        }

        public String english() {
            return english;
        }
    }

    public CompositionProblem {
        text = text == null ? "" : text;
        detail = detail == null ? "" : detail;
    }

    public static CompositionProblem of(Rule rule) {
        return new CompositionProblem(rule, Field.NONE, null, "", "", 0, null);
    }

    public static CompositionProblem of(Rule rule, String text, String detail, long number) {
        return new CompositionProblem(rule, Field.NONE, null, text, detail, number, null);
    }

    /** The Sparkplug description's problem; its detail is the English sentence. */
    public static CompositionProblem sparkplug(DescriptionProblem problem) {
        return new CompositionProblem(Rule.SPARKPLUG, Field.NONE, null, "", problem.message(), 0, problem);
    }

    static CompositionProblem topic(Field field, TopicProblem problem) {
        return new CompositionProblem(Rule.TOPIC_RULE, field, problem, "", "", 0, null);
    }

    /** The same problem said of {@code which} field. */
    public CompositionProblem in(Field which) {
        return new CompositionProblem(rule, which, topic, text, detail, number, sparkplug);
    }

    /** The explanation in English. */
    public String message() {
        return field.english() + switch (rule) {
            case TOPIC_NEEDED -> "a topic is needed";
            case TOPIC_RULE -> topic.message();
            case QOS_RANGE -> "QoS is 0, 1 or 2";
            case EXPIRY_RANGE -> "Message expiry is 0 to 4294967295 seconds";
            case ALIAS_RANGE -> "Topic alias is 1 to 65535";
            case KEY_NEEDED -> "a key is needed (values may be empty)";
            case INVALID_JSON -> "Not valid JSON: " + detail;
            case CHOOSE_FILE -> "Choose a file to send";
            case HEX_ODD -> "Hex needs two digits per byte: " + number + " digits given";
            case HEX_DIGIT -> "'" + text + "' is not a hex digit (0-9, a-f)";
            case INVALID_BASE64 -> "Not valid Base64: " + detail;
            case NO_FILE -> "No such file: " + text;
            case CANNOT_READ -> "Cannot read " + text + ": " + detail;
            case SPARKPLUG -> detail;
            case NOT_PLACEHOLDER -> "{{" + text + "}} is not a placeholder: use timestamp, iso8601, uuid, counter, "
                    + "random:MIN:MAX, randomString:N or env:NAME";
            case NO_ARGUMENTS -> "{{" + text + "}} takes no arguments: write {{" + detail + "}}";
            case MIN_ABOVE_MAX -> "{{" + text + "}}: MIN is greater than MAX";
            case RANDOM_FORM -> "{{" + text + "}}: write {{random:MIN:MAX}} with whole numbers, such as {{random:1:100}}";
            case RANDOM_STRING_FORM -> "{{" + text + "}}: write {{randomString:N}} with N from 0 to " + number;
            case ENV_FORM -> "{{" + text + "}}: write {{env:NAME}}";
            case ENV_UNSET -> "{{" + text + "}}: the environment variable " + detail + " is not set";
        };
    }

    /** Thrown where a composition cannot be turned into bytes; its message is the English sentence. */
    public static final class Failure extends IllegalArgumentException {
        private final transient CompositionProblem problem;

        public Failure(CompositionProblem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public CompositionProblem problem() {
            return problem;
        }
    }
}
