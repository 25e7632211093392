package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.AlertScope;
import io.jenkins.plugins.codescoring.api.AnalysisStatus;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Drives one scan a step at a time: each {@link #step} makes the calls the current phase needs and says
 * when to call again. All the scan remembers is its {@link ScanState}, so the caller may run the steps
 * from a loop ({@link ScanRunner}), from a timer, or resume them after a restart.
 */
public final class ScanEngine {
    private final CodescoringApi api;
    private final Clock clock;
    private final ScanListener listener;
    private final ProjectResolver projects = new ProjectResolver();
    private final AlertCollector collector = new AlertCollector();

    public ScanEngine(CodescoringApi api, Clock clock, ScanListener listener) {
        this.api = api;
        this.clock = clock;
        this.listener = listener;
    }

    /** Advances the scan by one step. Never throws for platform trouble: that ends the scan with an ERROR result. */
    public Step step(ScanRequest request, ScanState state) throws InterruptedException {
        if (state.isDone()) {
            return Step.done(state.result());
        }
        ResultFactory results = new ResultFactory(request, api.platformUrl());
        AnalysisTracker tracker = new AnalysisTracker(results, listener);
        CodescoringApi bounded = api.withDeadline(state.deadline());
        try {
            if (tracker.timeOutIfDue(state, clock.instant())) {
                return Step.done(state.result());
            }
            if (!state.isScopeResolved()) {
                resolveScope(bounded, request, state);
            }
            if (state.phase() != Phase.COLLECTING) {
                AnalysisTracker.Action action = poll(bounded, tracker, state);
                if (action == AnalysisTracker.Action.START) {
                    tracker.started(state, bounded.startOverallAnalysis(), clock.instant());
                }
                if (state.isDone()) {
                    return Step.done(state.result());
                }
                if (action != AnalysisTracker.Action.COLLECT) {
                    return Step.waitFor(nextDelay(request, state));
                }
            }
            PolicyGate.Decision decision = collector.collect(bounded, AlertScope.of(state.projectId(), request.stage()), clock.instant());
            state.finish(results.decided(state, decision, clock.instant()));
        } catch (CodescoringException e) {
            state.finish(results.error(state, e.kind(), e.getMessage(), clock.instant()));
        }
        return Step.done(state.result());
    }

    /** Reads the status and feeds it, or the failure to read it, to the tracker. */
    private AnalysisTracker.Action poll(CodescoringApi bounded, AnalysisTracker tracker, ScanState state)
            throws InterruptedException {
        AnalysisStatus status;
        try {
            status = bounded.overallAnalysisStatus();
        } catch (CodescoringException e) {
            return tracker.pollFailed(state, e, clock.instant());
        }
        return tracker.observe(state, status, clock.instant());
    }

    private void resolveScope(CodescoringApi bounded, ScanRequest request, ScanState state)
            throws CodescoringException, InterruptedException {
        String selector = request.project();
        state.resolveScope(selector == null ? null : projects.resolve(bounded, selector), selector);
    }

    private Duration nextDelay(ScanRequest request, ScanState state) {
        Duration delay = PollSchedule.delayAfter(Math.max(0, state.pollsInPhase() - 1), request.firstPollInterval(),
                request.maxPollInterval());
        Duration untilDeadline = Duration.between(clock.instant(), state.deadline());
        if (untilDeadline.compareTo(delay) < 0) {
            // Wake up at the deadline, not past it, so a timeout is reported on time.
            return untilDeadline.isNegative() ? Duration.ZERO : untilDeadline;
        }
        return delay;
    }
}
