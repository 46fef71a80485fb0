package io.mqttworkbench.profile;

/** Refuses an input with a {@link CheckProblem}: the message is its English sentence, the window reads the problem. */
public final class CheckProblemException extends IllegalArgumentException {
    private final transient CheckProblem problem;

    public CheckProblemException(CheckProblem.Rule rule, Object... values) {
        this(CheckProblem.of(rule, values));
    }

    private CheckProblemException(CheckProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public CheckProblem problem() {
        return problem;
    }
}
