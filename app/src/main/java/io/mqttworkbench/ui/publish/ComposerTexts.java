package io.mqttworkbench.ui.publish;

import io.mqttworkbench.mqtt.PublishOutcome;
import io.mqttworkbench.publish.CompositionProblem;
import io.mqttworkbench.publish.DescriptionProblem;
import io.mqttworkbench.publish.DraftFile;
import io.mqttworkbench.ui.common.EncodeTexts;
import io.mqttworkbench.ui.common.ProblemTexts;
import io.mqttworkbench.ui.common.Texts;
import java.util.Locale;

/**
 * What the publish layer reports to the composer, in the window's language: a form problem, an unreadable
 * draft, a publish's outcome. The publish layer writes English for the command line; the window reads its
 * rules and values, not its sentences.
 */
public final class ComposerTexts {
    private final Texts texts;
    private final ProblemTexts problems;
    private final EncodeTexts encoder;

    public ComposerTexts(Texts texts) {
        this.texts = texts;
        this.problems = new ProblemTexts(texts);
        this.encoder = new EncodeTexts(texts);
    }

    public String problem(CompositionProblem problem) {
        String body = switch (problem.rule()) {
            case TOPIC_RULE -> problems.explain(problem.topic());
            case SPARKPLUG -> problem.sparkplug() == null ? problem.detail() : sparkplug(problem.sparkplug());
            default -> texts.format(key(problem.rule()), problem.text(), problem.detail(), problem.number());
        };
        return problem.field() == CompositionProblem.Field.NONE ? body : texts.format(key(problem.field()), body);
    }

    /** What is wrong with a Sparkplug B description; the JSON parser's own words and the numbers as written stay. */
    public String sparkplug(DescriptionProblem problem) {
        if (problem.check() == DescriptionProblem.Check.ENCODER) {
            return encoder.explain(problem.encoder());
        }
        return texts.format("domain.sparkplugjson." + problem.check().name().toLowerCase(Locale.ROOT), problem.metric(), problem.value());
    }

    public String unreadable(DraftFile.Unreadable draft) {
        return draft.aside().isEmpty() ? texts.format("domain.publish.draft.unreadable", draft.file(), draft.reason())
                : texts.format("domain.publish.draft.unreadable.aside", draft.file(), draft.reason(), draft.aside());
    }

    /** "PUBACK 0x00 Success" with the reason named in the window's language. */
    public String outcome(PublishOutcome outcome) {
        return outcome.qos() == 0 ? texts.text("domain.publish.outcome.sent") : problems.reasons(outcome.description());
    }

    private static String key(Enum<?> value) {
        String kind = value instanceof CompositionProblem.Field ? "field" : "problem";
        return "domain.publish." + kind + "." + value.name().toLowerCase(Locale.ROOT);
    }
}
