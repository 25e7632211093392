package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.AnalysisStatus;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.RunPhase;
import io.jenkins.plugins.codescoring.api.StartOutcome;
import java.time.Duration;
import java.time.Instant;

/**
 * The analysis half of the state machine, without I/O: given what the status endpoint said, decides
 * whether a scan waits, needs an analysis started, or may read its alerts. The status describes the
 * platform's <em>last</em> run, so a scan only accepts a final status of a run that is not the baseline
 * (the last run before its own start was requested): right after a start the status can still show
 * the previous run's success.
 *
 * <p>While it waits for another analysis to end, a scan follows instead any run that began after its request
 * ({@link RunAfterRequest}), whoever started it; the run that was running at the request never decides.
 *
 * <p>Both the single-scan {@link ScanEngine} and a coordinator that shares one status poll among many
 * scans drive scans through this class, so they follow the same rules.
 */
public final class AnalysisTracker {
    static final Duration PROGRESS_EVERY = Duration.ofMinutes(1);

    /** What the caller must do next for a scan. */
    public enum Action {
        /** Poll again later. */
        WAIT,
        /** Ask the platform to start the overall analysis, then report with {@link #started}. */
        START,
        /** Our run succeeded: read the alerts and decide. */
        COLLECT,
        /** The scan has failed; its state holds the result. */
        FINISHED
    }

    private final ResultFactory results;
    private final ScanListener listener;
    private final TransientPatience patience;

    public AnalysisTracker(ResultFactory results, ScanListener listener) {
        this.results = results;
        this.listener = listener;
        this.patience = new TransientPatience(results.request());
    }

    /** Feeds one status observation to a scan that is waiting for its analysis. */
    public Action observe(ScanState state, AnalysisStatus status, Instant now) {
        state.polled();
        reportUnknownWord(state, status);
        switch (state.phase()) {
            case REQUESTED:
                state.baseline(status.runKey());
                if (status.phase() == RunPhase.RUNNING) {
                    if (status.runKey() != null) {
                        state.baselineRunning();
                    }
                    state.moveTo(Phase.WAITING_FOR_OTHER);
                    say(
                            state,
                            now,
                            "Another CodeScoring analysis is running (" + status.runName()
                                    + "); this build waits for an analysis that begins after its request.");
                    return Action.WAIT;
                }
                return Action.START;
            case WAITING_FOR_OTHER:
                if (RunAfterRequest.proven(state, status)) {
                    return adopt(state, status, now);
                }
                if (status.phase() == RunPhase.RUNNING) {
                    if (status.runKey() != null && status.runKey().equals(state.baselineRunKey())) {
                        // The baseline runs after the request: whatever runs next began after the request.
                        state.baselineRunning();
                    }
                    reportProgress(state, status, now, "Still waiting for the other analysis to end");
                    return Action.WAIT;
                }
                if (status.runKey() == null || !RunAfterRequest.knownOlder(status.runKey(), state.baselineRunKey())) {
                    // A status gone back to an older run does not lower the baseline: that run may not become ours.
                    state.baseline(status.runKey());
                }
                return Action.START;
            case STARTED:
                if (!isNewRun(state, status)) {
                    return waitForStartToShow(state, now);
                }
                String announced = state.ourRunId();
                state.ourRun(status.runKey(), status.runId());
                state.moveTo(Phase.RUNNING);
                state.lastWord(status.word());
                if (announced == null || !announced.equals(status.runId())) {
                    // The start did not name the run: say which one it is, once.
                    say(state, now, "The analysis started for this build is " + status.runName() + ".");
                }
                return followOurRun(state, status, now);
            case RUNNING:
                return followOurRun(state, status, now);
            default:
                throw new IllegalStateException("no status is expected in phase " + state.phase());
        }
    }

    /**
     * Records a call of the scan that failed after the client's own quick retries: the project lookup, the
     * status, the start or an alerts page. A transient failure (see {@link CodescoringException#isTransient()})
     * is tried again, with growing waits and honouring Retry-After, for up to the request's
     * {@link ScanRequest#transientPatience()} from the start of the first failed call of the streak, never
     * past the deadline ({@link TransientPatience}); then, or at once for any other failure, the scan ends
     * with the error. How many calls fail does not matter, only for how long: extra status checks (a
     * webhook's) use up nothing.
     * The console hears of a streak when it begins and when it ends.
     *
     * @param callBegan when the failed call began (a call that hangs uses up patience too)
     * @return how long to wait before trying again, or null when the scan has ended (its state holds the result)
     */
    public Duration callFailed(ScanState state, CodescoringException failure, Instant callBegan, Instant now) {
        if (!failure.isTransient()) {
            state.finish(results.error(state, failure.kind(), failure.getMessage(), now));
            return null;
        }
        boolean streakBegins = state.failingSince() == null;
        state.failing(callBegan.isAfter(now) ? now : callBegan);
        TransientPatience.Next next = patience.next(state.failingSince(), state.deadline(), failure.retryAfter(), now);
        if (next.retryIn() == null) {
            state.finish(results.error(state, failure.kind(), failure.getMessage() + " " + next.givingUp(), now));
            return null;
        }
        if (streakBegins) {
            listener.progress(failure.getMessage() + " Trying again for up to "
                    + Durations.describe(patience.left(state.failingSince(), state.deadline(), now)) + ".");
        }
        return next.retryIn();
    }

    /**
     * Records that every call a scan made in a step or round succeeded: a streak of transient failures, if
     * any, is over (and said so, once), and the next one has its whole patience again.
     */
    public void callsSucceeded(ScanState state, Instant now) {
        Instant since = state.failingSince();
        if (since != null && !state.isDone()) {
            state.recovered();
            listener.progress("The platform answers again, after " + Durations.describe(Duration.between(since, now))
                    + " of transient failures.");
        }
    }

    /** Records what the platform said to the start request made after {@link Action#START}. */
    public void started(ScanState state, StartOutcome outcome, Instant now) {
        if (outcome.isStarted()) {
            state.startAccepted(now, outcome.runId());
            state.moveTo(Phase.STARTED);
            say(
                    state,
                    now,
                    "Started a new CodeScoring analysis"
                            + (outcome.runId() == null ? "" : " (run " + outcome.runId() + ")")
                            + "; waiting for it to finish.");
        } else {
            // The baseline stays the run of the last look: a run with another key that shows next may be followed.
            state.moveTo(Phase.WAITING_FOR_OTHER);
            say(
                    state,
                    now,
                    "The platform is already running another analysis; this build waits for an analysis that begins"
                            + " after its request (it may be that one).");
        }
    }

    /**
     * Follows a run that this scan did not start but which began after its request (another controller's, a
     * person's, or this scan's own start whose answer was lost), instead of waiting for its end to start another.
     */
    private Action adopt(ScanState state, AnalysisStatus status, Instant now) {
        state.adoptRun(status.runKey(), status.runId());
        state.moveTo(Phase.RUNNING);
        state.lastWord(status.word());
        say(
                state,
                now,
                "Analysis " + status.runName() + ", started by another client after this build's request, will decide"
                        + " the verdict.");
        return followOurRun(state, status, now);
    }

    /** Ends the scan with a timeout when its deadline has passed; returns whether it did. */
    public boolean timeOutIfDue(ScanState state, Instant now) {
        if (now.isBefore(state.deadline())) {
            return false;
        }
        String where = state.lastWord() == null
                ? ""
                : " The last status seen was '" + state.lastWord() + "', " + during(state.phase()) + ".";
        state.finish(results.error(
                state,
                ErrorKind.TIMEOUT,
                "No verdict within " + Durations.describe(Duration.between(state.requestedAt(), state.deadline())) + "."
                        + where,
                now));
        return true;
    }

    /** What the scan was doing in a phase, for the timeout message. */
    private static String during(Phase phase) {
        switch (phase) {
            case WAITING_FOR_OTHER:
                return "while waiting for another analysis to end";
            case STARTED:
                return "while waiting for the started analysis to appear";
            case RUNNING:
                return "while waiting for this build's analysis to finish";
            case COLLECTING:
                return "while reading the alerts";
            default:
                return "before an analysis was started";
        }
    }

    private Action followOurRun(ScanState state, AnalysisStatus status, Instant now) {
        String key = status.runKey();
        if (key != null && state.ourRunKey() != null && !key.equals(state.ourRunKey())) {
            if (key.equals(state.baselineRunKey()) || RunAfterRequest.knownOlder(key, state.ourRunKey())) {
                return Action.WAIT;
            }
            // A newer run replaced ours before we saw it end; it began after our request too.
            say(
                    state,
                    now,
                    "A newer analysis (" + status.runName() + ") started after this build's; its result will be used.");
            state.ourRun(key, status.runId());
        }
        switch (status.phase()) {
            case SUCCEEDED:
                state.moveTo(Phase.COLLECTING);
                say(
                        state,
                        now,
                        "Analysis " + status.runName() + " finished; reading its active alerts to decide the verdict.");
                return Action.COLLECT;
            case FAILED:
                state.finish(results.error(
                        state,
                        ErrorKind.ANALYSIS_FAILED,
                        "Analysis " + status.runName() + " failed"
                                + (status.error() == null || status.error().isBlank() ? "." : ": " + status.error()),
                        now));
                return Action.FINISHED;
            case CANCELLED:
                state.finish(results.error(
                        state,
                        ErrorKind.ANALYSIS_CANCELLED,
                        "Analysis " + status.runName() + " was cancelled on the platform.",
                        now));
                return Action.FINISHED;
            default:
                reportProgress(state, status, now, "Still waiting for analysis " + status.runName() + " to finish");
                return Action.WAIT;
        }
    }

    private Action waitForStartToShow(ScanState state, Instant now) {
        Duration limit = results.request().startVisibleWithin();
        if (state.startAcceptedAt() != null
                && !now.isBefore(state.startAcceptedAt().plus(limit))) {
            state.finish(results.error(
                    state,
                    ErrorKind.TIMEOUT,
                    "The platform accepted the start of the analysis, but no new run"
                            + " appeared in its status within " + Durations.describe(limit) + ".",
                    now));
            return Action.FINISHED;
        }
        return Action.WAIT;
    }

    private static boolean isNewRun(ScanState state, AnalysisStatus status) {
        String key = status.runKey();
        if (key == null) {
            // A platform that names its runs neither by id nor by start time: only "running" proves a new run.
            return status.phase() == RunPhase.RUNNING;
        }
        return !key.equals(state.baselineRunKey()) && !RunAfterRequest.knownOlder(key, state.baselineRunKey());
    }

    private void reportProgress(ScanState state, AnalysisStatus status, Instant now, String what) {
        boolean changed = !status.word().equals(state.lastWord());
        boolean due = state.lastProgressAt() == null
                || !now.isBefore(state.lastProgressAt().plus(PROGRESS_EVERY));
        state.lastWord(status.word());
        if (changed || due) {
            say(
                    state,
                    now,
                    what + " (status " + status.word() + ", "
                            + Durations.describe(Duration.between(state.requestedAt(), now)) + " since the request).");
        }
    }

    private void reportUnknownWord(ScanState state, AnalysisStatus status) {
        if (!RunPhase.isKnownWord(status.word()) && state.firstTimeUnknown(status.word())) {
            say(
                    state,
                    null,
                    "The platform reported an unknown analysis status '" + status.word()
                            + "'; treating it as still running.");
        }
    }

    private void say(ScanState state, Instant now, String line) {
        if (now != null) {
            state.progressReported(now);
        }
        listener.progress(line);
    }
}
