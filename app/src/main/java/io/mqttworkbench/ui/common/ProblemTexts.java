package io.mqttworkbench.ui.common;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.BrokerUrlProblem;
import io.mqttworkbench.mqtt.ReasonCodes;
import io.mqttworkbench.mqtt.TopicProblem;
import io.mqttworkbench.mqtt.TopicValidator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the MQTT layer reports, in the window's language: a broken topic rule, and reason codes inside a
 * connection's or broker's explanation ("0x86 Bad user name or password" becomes "0x86 用户名或密码错误").
 * The MQTT layer writes English for the command line; the window reads its rules and codes, not its sentences.
 */
public final class ProblemTexts {
    private static final Pattern CODE = Pattern.compile("0x([0-9A-F]{2}) ");
    /** The reasons java.net.URI gives most often for a mistyped broker URL; others stay as it words them. */
    private static final Set<String> URI_REASONS = Set.of("Expected authority", "Illegal character in authority", "Illegal character in hostname", // untranslated: the URI parser's English, matched
            "Illegal character in path", "Illegal character in port number", "Illegal character in query", "Illegal character in fragment", // untranslated: the URI parser's English, matched
            "Illegal character in scheme name", "Malformed escape pair", "Malformed IPv6 address", "Expected scheme name"); // untranslated: the URI parser's English, matched

    private final Texts texts;

    public ProblemTexts(Texts texts) {
        this.texts = texts;
    }

    /** Why {@code topic} cannot be published to, in the window's language; empty when it can. */
    public String topic(String topic) {
        return TopicValidator.topicProblem(topic).map(this::explain).orElse("");
    }

    /** Why {@code filter} cannot be subscribed to, in the window's language; empty when it can. */
    public String filter(String filter) {
        return TopicValidator.filterProblem(filter).map(this::explain).orElse("");
    }

    public String explain(TopicProblem problem) {
        String part = texts.text("problem.part." + problem.what().name().toLowerCase(Locale.ROOT));
        return texts.format("problem.topic." + problem.rule().name().toLowerCase(Locale.ROOT), part, problem.text(), problem.level(),
                problem.number(), TopicValidator.MAX_BYTES);
    }

    /** Why {@code text} is not a broker URL, in the window's language; empty when it is one. */
    public String url(String text) {
        try {
            BrokerUrl.parseWithCredentials(text);
            return "";
        } catch (BrokerUrlProblem.Exception e) {
            return explain(e.problem());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public String explain(BrokerUrlProblem problem) {
        String detail = URI_REASONS.contains(problem.detail()) ? texts.text("domain.url.reason." + slug(problem.detail())) : problem.detail();
        return texts.format("domain.url." + problem.rule().name().toLowerCase(Locale.ROOT), problem.value(), detail)
                + (problem.atHint() ? texts.format("domain.url.at_hint") : "");
    }

    private static String slug(String reason) {
        return reason.toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    /** {@code message} with each reason code's English name put in the window's language; the rest stays as written. */
    public String reasons(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        StringBuilder out = new StringBuilder();
        Matcher m = CODE.matcher(message);
        int done = 0;
        while (m.find()) {
            int code = Integer.parseInt(m.group(1), 16);
            Optional<String> english = ReasonCodes.name(code);
            if (english.isPresent() && message.startsWith(english.get(), m.end())) {
                out.append(message, done, m.end()).append(texts.text(String.format(Locale.ROOT, "problem.reason.0x%02X", code)));
                done = m.end() + english.get().length();
            }
        }
        return out.append(message, done, message.length()).toString();
    }
}
