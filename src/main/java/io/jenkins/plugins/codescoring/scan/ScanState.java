package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.Project;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashSet;

/**
 * Everything a scan must remember between two steps, and nothing more: no token, client or thread.
 * A Pipeline step persists it and resumes from it after a controller restart.
 */
public final class ScanState implements Serializable {
    private static final long serialVersionUID = 1L;

    private Phase phase = Phase.REQUESTED;
    private final Instant requestedAt;
    private final Instant deadline;
    private String projectId;
    private String projectLabel;
    private boolean scopeResolved;
    /** The run the status described before ours was requested; a run with another key is newer. */
    private String baselineRunKey;
    /** Whether the baseline run was seen in progress after the request: every newer run then began after it. */
    private boolean baselineSeenRunning;

    private String ourRunKey;
    private String ourRunId;
    /** Whether our run is one this scan did not start (another client's, begun after the request). */
    private boolean ourRunAdopted;

    private Instant startAcceptedAt;
    private int pollsInPhase;
    /**
     * When the current streak of transient failures began; null while the last call succeeded. (Scans saved
     * by older versions also hold {@code consecutiveFailures}, the count used before: deserialisation skips it.)
     */
    private Instant failingSince;

    private String lastWord;
    private Instant lastProgressAt;
    private final HashSet<String> reportedUnknownWords = new HashSet<>();
    private ScanResult result;

    private ScanState(Instant requestedAt, Instant deadline) {
        this.requestedAt = requestedAt;
        this.deadline = deadline;
    }

    /** A new scan requested now. */
    public static ScanState begin(ScanRequest request, Instant now) {
        return new ScanState(now, now.plus(request.timeout()));
    }

    /** An independent copy, e.g. to persist while a coordinator goes on changing the original. */
    public ScanState copy() {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(this);
            }
            try (java.io.ObjectInputStream in =
                    new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                return (ScanState) in.readObject();
            }
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new IllegalStateException("a scan state holds only serializable values", e);
        }
    }

    public Phase phase() {
        return phase;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant deadline() {
        return deadline;
    }

    /** The project id the scope was resolved to, or null for all projects. */
    public String projectId() {
        return projectId;
    }

    /** The project as reported (its name when known), or null for all projects. */
    public String projectLabel() {
        return projectLabel;
    }

    public boolean isScopeResolved() {
        return scopeResolved;
    }

    public String baselineRunKey() {
        return baselineRunKey;
    }

    /** Whether the baseline run was seen in progress at a look made after the request. */
    public boolean baselineSeenRunning() {
        return baselineSeenRunning;
    }

    public String ourRunKey() {
        return ourRunKey;
    }

    /** Our run's id as the platform names it, or null while unknown. */
    public String ourRunId() {
        return ourRunId;
    }

    /** Whether our run was started by someone else (another controller, a person) after this scan's request. */
    public boolean ourRunAdopted() {
        return ourRunAdopted;
    }

    /** When the current streak of transient failures began, or null while the last call succeeded. */
    public Instant failingSince() {
        return failingSince;
    }

    public Instant startAcceptedAt() {
        return startAcceptedAt;
    }

    public int pollsInPhase() {
        return pollsInPhase;
    }

    public String lastWord() {
        return lastWord;
    }

    public Instant lastProgressAt() {
        return lastProgressAt;
    }

    /** The result once {@link #phase()} is DONE, else null. */
    public ScanResult result() {
        return result;
    }

    public boolean isDone() {
        return phase == Phase.DONE;
    }

    /** Scopes the scan to the project its selector named (labelled by its name when it has one), or to all projects when null. */
    void resolveScope(Project project, String selector) {
        this.projectId = project == null ? null : project.id();
        this.projectLabel = project == null ? null : project.name().isEmpty() ? selector : project.name();
        this.scopeResolved = true;
    }

    void moveTo(Phase next) {
        if (phase != next) {
            phase = next;
            pollsInPhase = 0;
        }
    }

    void baseline(String runKey) {
        if (!java.util.Objects.equals(runKey, baselineRunKey)) {
            this.baselineSeenRunning = false;
        }
        this.baselineRunKey = runKey;
    }

    /** The baseline run was seen in progress now, after the request. */
    void baselineRunning() {
        this.baselineSeenRunning = true;
    }

    void ourRun(String runKey, String runId) {
        this.ourRunKey = runKey;
        if (runId != null) {
            this.ourRunId = runId;
        }
    }

    /** Takes a run this scan did not start, but which began after its request, as the one that decides. */
    void adoptRun(String runKey, String runId) {
        ourRun(runKey, runId);
        this.ourRunAdopted = true;
    }

    /** A call failed transiently; the streak begins now unless it began already. */
    void failing(Instant at) {
        if (failingSince == null) {
            failingSince = at;
        }
    }

    /** A call succeeded: the streak of transient failures, if any, is over. */
    void recovered() {
        failingSince = null;
    }

    void startAccepted(Instant at, String runId) {
        this.startAcceptedAt = at;
        if (runId != null) {
            this.ourRunId = runId;
        }
    }

    void polled() {
        pollsInPhase++;
    }

    void lastWord(String word) {
        this.lastWord = word;
    }

    void progressReported(Instant at) {
        this.lastProgressAt = at;
    }

    /** Whether this unknown status word is new to this scan (so it is reported once). */
    boolean firstTimeUnknown(String word) {
        return reportedUnknownWords.add(word);
    }

    void finish(ScanResult value) {
        this.result = value;
        this.phase = Phase.DONE;
    }

    @Override
    public String toString() {
        return "ScanState[" + phase + (ourRunId == null ? "" : ", run " + ourRunId) + ", polls " + pollsInPhase + "]";
    }
}
