package io.jenkins.plugins.codescoring.simulator;

/** How a simulated overall SCA analysis ends. */
public enum Outcome {
    /** The run succeeds and its snapshot becomes the published alert set. */
    SUCCESS,
    /** The run fails; {@code /status} says {@code failed} and carries an {@code error}. */
    FAILED,
    /** The run is cancelled (by an administrator, say). */
    CANCELLED,
    /** The start request is answered with 2xx, but no run ever appears in {@code /status}. */
    NEVER_STARTS,
    /** The run stays running until {@link CodescoringSimulator#completeAnalysis(Outcome)} or close. */
    NEVER_ENDS;

    /** Whether a run can end this way (the last two describe runs that do not end by themselves). */
    boolean isFinal() {
        return this == SUCCESS || this == FAILED || this == CANCELLED;
    }
}
