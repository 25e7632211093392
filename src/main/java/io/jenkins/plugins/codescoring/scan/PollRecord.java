package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.AnalysisStatus;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.Redactor;
import io.jenkins.plugins.codescoring.api.StartOutcome;
import java.time.Instant;

/**
 * What one coordinator's poll stream has seen, kept for the operations page: the last status read and since
 * when it has read so, the failures of status reads in a row, the last error, and counters since the
 * coordinator was made. Written by {@link RecordingApi} as the tick's calls return, read by
 * {@link AnalysisCoordinator#snapshot()}; holds no token and no raw exception, only sanitized text.
 */
final class PollRecord {
    /** The longest error text kept; the platform's error bodies are cut to this. */
    static final int MAX_ERROR_LENGTH = 300;

    private AnalysisStatus lastStatus;
    private String lastStatusKey;
    private Instant lastStatusSince;
    private Instant lastStatusReadAt;
    private int failedReadsInRow;
    private Instant failingSince;
    private String lastError;
    private Instant lastErrorAt;
    private long statusReads;
    private long analysesStarted;

    synchronized void statusRead(AnalysisStatus status, Instant at) {
        statusReads++;
        failedReadsInRow = 0;
        failingSince = null;
        String key = status.runKey() + "/" + status.word();
        if (!key.equals(lastStatusKey)) {
            lastStatusKey = key;
            lastStatusSince = at;
        }
        lastStatus = status;
        lastStatusReadAt = at;
    }

    synchronized void statusFailed(CodescoringException e, Instant at) {
        statusReads++;
        failedReadsInRow++;
        if (failingSince == null) {
            failingSince = at;
        }
        failed(e, at);
    }

    synchronized void failed(CodescoringException e, Instant at) {
        lastError = sanitize(e);
        lastErrorAt = at;
    }

    synchronized void started(StartOutcome outcome) {
        if (outcome.isStarted()) {
            analysesStarted++;
        }
    }

    /** The error's kind and message, with anything shaped like a credential masked and cut to a bounded length. */
    static String sanitize(CodescoringException e) {
        String text = e.kind() + ": " + Redactor.standard().redact(String.valueOf(e.getMessage()));
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    synchronized CoordinatorSnapshot.Stream copy() {
        return new CoordinatorSnapshot.Stream(
                lastStatus,
                lastStatusSince,
                lastStatusReadAt,
                failedReadsInRow,
                failingSince,
                lastError,
                lastErrorAt,
                statusReads,
                analysesStarted);
    }
}
