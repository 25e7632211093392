package io.jenkins.plugins.codescoring.api;

import java.time.Instant;
import java.util.Objects;

/** The platform's description of its last overall analysis run. */
public final class AnalysisStatus {
    private final String runId;
    private final String word;
    private final Instant startedAt;
    private final Instant finishedAt;
    private final String error;

    public AnalysisStatus(String runId, String word, Instant startedAt, Instant finishedAt, String error) {
        this.runId = runId;
        this.word = word == null ? "" : word;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.error = error;
    }

    /** The run's id, or null when the platform gives none. */
    public String runId() {
        return runId;
    }

    /** The status word as the platform wrote it. */
    public String word() {
        return word;
    }

    public RunPhase phase() {
        return RunPhase.ofWord(word);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    /** The platform's error text for a failed run, or null. */
    public String error() {
        return error;
    }

    /**
     * What tells this run apart from others: its id, else its start time, else null (no run, or a
     * platform that names neither).
     */
    public String runKey() {
        if (runId != null && !runId.isEmpty()) {
            return "id:" + runId;
        }
        return startedAt == null ? null : "started:" + startedAt;
    }

    /** A short, safe description for logs, e.g. {@code run 42 (in_progress)}. */
    public String describe() {
        return runName() + " (" + (word.isEmpty() ? "no status" : word) + ")";
    }

    /** The run's name for a reader, e.g. {@code run 42} or {@code run started 2026-11-27T10:00:00Z}. */
    public String runName() {
        return runId != null ? "run " + runId : startedAt != null ? "run started " + startedAt : "the last run";
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof AnalysisStatus)) {
            return false;
        }
        AnalysisStatus that = (AnalysisStatus) other;
        return Objects.equals(runId, that.runId)
                && word.equals(that.word)
                && Objects.equals(startedAt, that.startedAt)
                && Objects.equals(finishedAt, that.finishedAt)
                && Objects.equals(error, that.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(runId, word, startedAt, finishedAt, error);
    }

    @Override
    public String toString() {
        return "AnalysisStatus[" + describe() + "]";
    }
}
