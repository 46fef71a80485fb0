package io.mqttworkbench.ui.common;

import io.mqttworkbench.message.QueryProblem;
import java.util.Locale;

/** Why a search or a time range cannot be used, in the window's language (the command line prints {@link QueryProblem#message()}). */
public final class SearchTexts {
    private final Texts texts;

    public SearchTexts(Texts texts) {
        this.texts = texts;
    }

    public String explain(QueryProblem problem) {
        String reason = problem.why() == QueryProblem.Why.BAD_FILTER ? new ProblemTexts(texts).filter(problem.text()) : "";
        return texts.format("domain.message.search." + problem.why().name().toLowerCase(Locale.ROOT), problem.text(),
                reason.isEmpty() ? problem.reason() : reason, problem.position());
    }

    /** A time that cannot be read, in the window's language; any other refusal as written. */
    public String explain(RuntimeException e) {
        return e instanceof QueryProblem.Refused refused ? explain(refused.problem()) : e.getMessage();
    }
}
