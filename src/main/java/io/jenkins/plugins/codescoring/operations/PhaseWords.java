package io.jenkins.plugins.codescoring.operations;

import io.jenkins.plugins.codescoring.scan.Phase;

/** A waiting scan's phase in words, in the reader's language. */
final class PhaseWords {
    private PhaseWords() {}

    /**
     * The words of a phase, saying for a running analysis when another client started it (the scan follows a run
     * begun after its request instead of starting its own).
     */
    static String of(Phase phase, boolean runAdopted) {
        switch (phase) {
            case REQUESTED:
                return Messages.Phase_REQUESTED();
            case WAITING_FOR_OTHER:
                return Messages.Phase_WAITING_FOR_OTHER();
            case STARTED:
                return Messages.Phase_STARTED();
            case RUNNING:
                return runAdopted ? Messages.Phase_RUNNING_ADOPTED() : Messages.Phase_RUNNING();
            case COLLECTING:
                return Messages.Phase_COLLECTING();
            default:
                return Messages.Phase_DONE();
        }
    }
}
