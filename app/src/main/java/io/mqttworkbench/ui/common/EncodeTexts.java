package io.mqttworkbench.ui.common;

import io.mqttworkbench.sparkplug.EncodeProblem;
import java.util.Locale;

/** Why a Sparkplug B metric cannot be written, in the window's language (the command line prints {@link EncodeProblem#message()}). */
public final class EncodeTexts {
    private final Texts texts;

    public EncodeTexts(Texts texts) {
        this.texts = texts;
    }

    public String explain(EncodeProblem problem) {
        String metric = problem.metric().matches("alias \\d+") ? texts.format("domain.sparkplug.alias", problem.metric().substring(6)) : problem.metric();
        return texts.format("domain.sparkplug.encode." + problem.why().name().toLowerCase(Locale.ROOT), metric, problem.type(), problem.value());
    }

    /** The refusal in the window's language when {@code e} is the encoder's; else its message as written. */
    public String explain(RuntimeException e) {
        return e instanceof EncodeProblem.Refused refused ? explain(refused.problem()) : e.getMessage();
    }
}
