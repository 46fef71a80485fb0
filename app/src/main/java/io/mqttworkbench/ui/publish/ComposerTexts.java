package io.mqttworkbench.ui.publish;

import io.mqttworkbench.mqtt.PublishOutcome;
import io.mqttworkbench.publish.CompositionProblem;
import io.mqttworkbench.publish.DraftFile;
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

    public ComposerTexts(Texts texts) {
        this.texts = texts;
        this.problems = new ProblemTexts(texts);
    }

    public String problem(CompositionProblem problem) {
        String body = switch (problem.rule()) {
            case TOPIC_RULE -> problems.explain(problem.topic());
            case SPARKPLUG -> problem.detail(); // the Sparkplug description's own checks stay in English
            default -> texts.format(key(problem.rule()), problem.text(), problem.detail(), problem.number());
        };
        return problem.field() == CompositionProblem.Field.NONE ? body : texts.format(key(problem.field()), body);
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
