package io.jenkins.plugins.codescoring.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * One overall SCA analysis: what it analyses (the dataset as it was at its start), when it started,
 * how and when it ends. Mutable only through {@link #finish}; guarded by {@link AnalysisLifecycle}.
 */
final class AnalysisRun {

    /** The {@code error} of a failed run, in {@code /status} and in the webhook events. */
    static final String FAILURE_ERROR =
            "Analysis failed: dependency resolution error in project 'shop-backend' (exit code 1)";

    private final long id;
    private final Dataset snapshot;
    private final Instant startedAt;
    private final long startNanos;
    private final Duration plannedDuration;
    private final Duration pendingFor;
    private final Outcome plannedOutcome;
    private final AnalysisRun predecessor;
    private Outcome finalOutcome;
    private Instant finishedAt;

    /**
     * @param plannedDuration how long it runs before ending by itself with {@code plannedOutcome};
     *                        null when it only ends through {@link #finish}
     * @param pendingFor how long {@code /status} says "pending" before "in_progress"
     * @param predecessor the run {@code /status} described when this one started (null if none)
     */
    AnalysisRun(
            long id,
            Dataset snapshot,
            Instant startedAt,
            long startNanos,
            Duration plannedDuration,
            Duration pendingFor,
            Outcome plannedOutcome,
            AnalysisRun predecessor) {
        this.id = id;
        this.snapshot = snapshot;
        this.startedAt = startedAt;
        this.startNanos = startNanos;
        this.plannedDuration = plannedDuration;
        this.pendingFor = pendingFor;
        this.plannedOutcome = plannedOutcome;
        this.predecessor = predecessor;
    }

    /** When the run ended, or null while it runs. */
    Instant finishedAt() {
        return finishedAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    long id() {
        return id;
    }

    Dataset snapshot() {
        return snapshot;
    }

    Outcome plannedOutcome() {
        return plannedOutcome;
    }

    AnalysisRun predecessor() {
        return predecessor;
    }

    boolean isFinished() {
        return finalOutcome != null;
    }

    Outcome finalOutcome() {
        return finalOutcome;
    }

    Duration elapsed(long nowNanos) {
        return Duration.ofNanos(nowNanos - startNanos);
    }

    /** Whether a timed run has reached its planned end at {@code nowNanos}. */
    boolean isDue(long nowNanos) {
        return !isFinished() && plannedDuration != null && nowNanos - startNanos >= plannedDuration.toNanos();
    }

    /** When a timed run ends. */
    Instant plannedEnd() {
        return startedAt.plus(plannedDuration);
    }

    void finish(Outcome outcome, Instant at) {
        if (!outcome.isFinal()) {
            throw new IllegalArgumentException("a run cannot end with " + outcome);
        }
        finalOutcome = outcome;
        finishedAt = at;
    }

    /** This run as {@code /status} shows it at {@code nowNanos}. */
    StatusView view(long nowNanos) {
        if (isFinished()) {
            String error = finalOutcome == Outcome.FAILED ? FAILURE_ERROR : null;
            return new StatusView(id, RunProgress.of(finalOutcome), startedAt, finishedAt, error);
        }
        RunProgress phase = elapsed(nowNanos).compareTo(pendingFor) < 0 ? RunProgress.PENDING : RunProgress.IN_PROGRESS;
        return new StatusView(id, phase, startedAt, null, null);
    }
}
