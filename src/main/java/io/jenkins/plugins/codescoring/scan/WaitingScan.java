package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.AnalysisStatus;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.StartOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One scan waiting in an {@link AnalysisCoordinator}. Its state changes in ticks and at its deadline, under
 * its own lock so snapshots are consistent; once done it changes no more, and it is completed once.
 */
final class WaitingScan implements AnalysisCoordinator.Ticket {
    private static final Logger LOGGER = Logger.getLogger(WaitingScan.class.getName());

    final ScanRequest request;
    final ScanState state;
    final Consumer<ScanResult> onDone;
    final ResultFactory results;
    final AnalysisTracker tracker;
    /** The platform URL the scan began on (its request's), else the one it was submitted with. */
    final String platformUrl;

    volatile boolean cancelled;
    volatile ScheduledFuture<?> deadlineCheck;
    /** What the adapter gave to tell this scan apart (its build), for the operations page; may be null. */
    final Object owner;

    private boolean completed;

    WaitingScan(
            ScanRequest request,
            ScanState state,
            ScanListener listener,
            Consumer<ScanResult> onDone,
            String platformUrl) {
        this(request, state, listener, onDone, platformUrl, null);
    }

    WaitingScan(
            ScanRequest request,
            ScanState state,
            ScanListener listener,
            Consumer<ScanResult> onDone,
            String platformUrl,
            Object owner) {
        this.owner = owner;
        this.request = request;
        this.state = state;
        this.onDone = onDone;
        this.results = new ResultFactory(request, platformUrl);
        this.tracker = new AnalysisTracker(results, listener);
        this.platformUrl = request.platformUrl() != null ? request.platformUrl() : platformUrl;
    }

    synchronized boolean isDone() {
        return state.isDone();
    }

    /** Ends the scan with a timeout if its deadline has passed; whether it did. */
    synchronized boolean timeOut(Instant now) {
        return !state.isDone() && tracker.timeOutIfDue(state, now);
    }

    synchronized AnalysisTracker.Action observe(AnalysisStatus status, Instant now) {
        return state.isDone() ? AnalysisTracker.Action.FINISHED : tracker.observe(state, status, now);
    }

    synchronized void started(StartOutcome outcome, Instant now) {
        if (!state.isDone()) {
            tracker.started(state, outcome, now);
        }
    }

    synchronized void decide(PolicyGate.Decision decision, Instant now) {
        if (!state.isDone()) {
            state.finish(results.decided(state, decision, now));
        }
    }

    synchronized void fail(CodescoringException e, Instant now) {
        if (!state.isDone()) {
            state.finish(results.error(state, e.kind(), e.getMessage(), now));
        }
    }

    /**
     * A call for this scan failed: see {@link AnalysisTracker#callFailed}.
     *
     * @return how long to wait before trying again, or null when the scan has ended
     */
    synchronized Duration callFailed(CodescoringException e, Instant callBegan, Instant now) {
        return state.isDone() ? null : tracker.callFailed(state, e, callBegan, now);
    }

    /** Every call made for this scan in a round succeeded. */
    synchronized void callsSucceeded(Instant now) {
        tracker.callsSucceeded(state, now);
    }

    void stopWatching() {
        ScheduledFuture<?> check = deadlineCheck;
        if (check != null) {
            check.cancel(false);
        }
    }

    void complete() {
        ScanResult result;
        synchronized (this) {
            if (completed) {
                return;
            }
            completed = true;
            result = state.result();
        }
        stopWatching();
        try {
            onDone.accept(result);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "A CodeScoring scan's completion callback failed", e);
        }
    }

    /** Where the scan stands now, for the operations page; null once it is done or cancelled. */
    synchronized CoordinatorSnapshot.Scan view() {
        if (cancelled || state.isDone()) {
            return null;
        }
        String project = state.isScopeResolved() ? state.projectLabel() : request.project();
        return new CoordinatorSnapshot.Scan(
                owner,
                state.phase(),
                state.requestedAt(),
                state.deadline(),
                project,
                request.stage(),
                request.platformName(),
                state.ourRunId(),
                state.ourRunAdopted());
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public synchronized ScanState snapshot() {
        return state.copy();
    }
}
