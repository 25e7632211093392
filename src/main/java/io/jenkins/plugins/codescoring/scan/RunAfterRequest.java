package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.AnalysisStatus;
import java.time.Instant;

/**
 * Decides whether a run that a scan did not start is proven to have begun after the scan's request, so that
 * it may decide the scan's verdict (several controllers, or a person, sharing one platform). The platform
 * runs one overall analysis at a time and its status describes its last run, so a run other than the
 * baseline (the last run a look after the request showed) is newer, unless it is known to be older. Proof
 * that it began after the request is one of:
 * <ul>
 * <li>the baseline run was seen <em>in progress</em> at a look after the request: a newer run began after it
 * ended, so after that look;</li>
 * <li>the run's start time, as the platform gives it, is not before the request (the platform notes' own test,
 * "by id change or started_at"). This is what proves a run after a start refused as "already running" when the
 * last look showed no run in progress: that look may have come inside the short window in which the status
 * still shows the previous run after another client's start.</li>
 * </ul>
 * A run whose start time is before the request is never proven, nor is any run on a platform whose status
 * names runs neither by id nor by start time: such scans keep waiting for the running analysis to end and then
 * start their own.
 */
final class RunAfterRequest {
    private static final String ID = "id:";
    private static final String STARTED = "started:";

    private RunAfterRequest() {}

    /** Whether the status shows a run, not the baseline, that is proven to have begun after the scan's request. */
    static boolean proven(ScanState state, AnalysisStatus status) {
        String key = status.runKey();
        String baseline = state.baselineRunKey();
        if (key == null || key.equals(baseline) || knownOlder(key, baseline)) {
            return false;
        }
        Instant began = status.startedAt();
        if (began != null && began.isBefore(state.requestedAt())) {
            return false;
        }
        return state.baselineSeenRunning() || began != null;
    }

    /**
     * Whether the run with this key is known to be older than the baseline: a smaller numeric id, or an earlier
     * start time. A status showing an older run again (a lagging replica, a deleted last run) proves nothing.
     */
    static boolean knownOlder(String key, String baseline) {
        if (baseline == null) {
            return false;
        }
        if (key.startsWith(ID) && baseline.startsWith(ID)) {
            Long run = number(key.substring(ID.length()));
            Long base = number(baseline.substring(ID.length()));
            return run != null && base != null && run < base;
        }
        if (key.startsWith(STARTED) && baseline.startsWith(STARTED)) {
            Instant run = instant(key.substring(STARTED.length()));
            Instant base = instant(baseline.substring(STARTED.length()));
            return run != null && base != null && run.isBefore(base);
        }
        return false;
    }

    private static Long number(String text) {
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
