package io.jenkins.plugins.codescoring.simulator;

/** Where the run that {@code /status} describes stands; {@link StatusWords} turns it into a word. */
enum RunProgress {
    NOT_STARTED,
    PENDING,
    IN_PROGRESS,
    SUCCESS,
    FAILED,
    CANCELLED;

    boolean isFinished() {
        return this == SUCCESS || this == FAILED || this == CANCELLED;
    }

    static RunProgress of(Outcome finalOutcome) {
        switch (finalOutcome) {
            case SUCCESS:
                return SUCCESS;
            case FAILED:
                return FAILED;
            case CANCELLED:
                return CANCELLED;
            default:
                throw new IllegalArgumentException("not a final outcome: " + finalOutcome);
        }
    }
}
