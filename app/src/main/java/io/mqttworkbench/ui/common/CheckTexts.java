package io.mqttworkbench.ui.common;

import io.mqttworkbench.mqtt.TopicProblem;
import io.mqttworkbench.profile.CheckProblem;
import io.mqttworkbench.profile.FieldCheck;
import io.mqttworkbench.profile.JwtToken;
import java.util.Locale;
import java.util.function.Function;

/**
 * The profile editor's field checks in the window's language: the checks give a rule and its values
 * ({@link CheckProblem}); this says them from the bundle. Free-text verdicts (a certificate reader's, the keyring note)
 * go through {@link ProfileFileTexts}.
 */
public final class CheckTexts {
    private final Texts texts;
    private final ProblemTexts problems;
    private final ProfileFileTexts files;

    public CheckTexts(Texts texts) {
        this.texts = texts;
        this.problems = new ProblemTexts(texts);
        this.files = new ProfileFileTexts(texts);
    }

    /** {@code check} as a checker whose verdicts are in the window's language. */
    public Function<String, FieldCheck> of(Function<String, FieldCheck> check) {
        return text -> explain(check.apply(text));
    }

    public FieldCheck explain(FieldCheck check) {
        return check.problem() == null ? new FieldCheck(check.severity(), files.of(check.message()), null)
                : new FieldCheck(check.severity(), explain(check.problem()), check.problem());
    }

    public String explain(CheckProblem problem) {
        return texts.format("domain.profile." + lower(problem.rule()), problem.values().stream().map(this::value).toArray());
    }

    /** What a token is, for whom, and until when: "JWT（HS256），主体 alice，59 分钟后过期". */
    public String summary(JwtToken.Summary s) {
        if (s.encrypted()) {
            return s.method() == null ? texts.format("domain.profile.jwt.encrypted", s.algorithm())
                    : texts.format("domain.profile.jwt.encrypted.method", s.algorithm(), s.method());
        }
        StringBuilder text = new StringBuilder(texts.format("domain.profile.jwt.head", s.algorithm()));
        if (s.subject() != null) {
            text.append(texts.format("domain.profile.jwt.subject", s.subject()));
        }
        if (s.notValidFor() != null) {
            text.append(texts.format("domain.profile.jwt.early", rough(s.notValidFor())));
        }
        text.append(switch (s.expiry()) {
            case NONE -> texts.text(s.notValidFor() != null ? "domain.profile.jwt.none" : "domain.profile.jwt.none.alone");
            case EXPIRED -> texts.format("domain.profile.jwt.expired", rough(s.span()));
            case EXPIRES -> texts.format("domain.profile.jwt.expires", rough(s.span()));
        });
        return text.toString();
    }

    private String rough(JwtToken.Rough rough) {
        return texts.format("domain.profile.rough." + lower(rough.unit()), rough.amount());
    }

    private Object value(Object value) {
        return switch (value) {
            case CheckProblem.Quantity q -> texts.text("domain.profile.quantity." + lower(q));
            case TopicProblem p -> problems.explain(p);
            case JwtToken.Summary s -> summary(s);
            default -> value;
        };
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
