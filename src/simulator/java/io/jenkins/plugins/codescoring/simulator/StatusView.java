package io.jenkins.plugins.codescoring.simulator;

import java.time.Instant;

/**
 * What {@code GET /api/analyses/overall_sca/status/} reports: the last run as visible at that moment.
 *
 * @param runId null before any run
 * @param error the failure message of a failed run, else null
 */
record StatusView(Long runId, RunProgress phase, Instant startedAt, Instant finishedAt, String error) {

    static final StatusView NOT_STARTED = new StatusView(null, RunProgress.NOT_STARTED, null, null, null);

    /** The same run, reported as if it were still running (what a lagging replica would say). */
    StatusView asStillRunning() {
        return new StatusView(runId, RunProgress.IN_PROGRESS, startedAt, null, null);
    }
}
