package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.AlertScope;
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

    /**
     * Advances the scan by one step. Never throws for platform trouble: a transient failure is tried again at
     * a later step while the scan's patience lasts ({@link AnalysisTracker#callFailed}); any other ends the scan
     * with an ERROR result.
     */
    public Step step(ScanRequest request, ScanState state) throws InterruptedException {
        if (state.isDone()) {
            return Step.done(state.result());
        }
        ResultFactory results = new ResultFactory(request, api.platformUrl());
        AnalysisTracker tracker = new AnalysisTracker(results, listener);
        CodescoringApi bounded = api.withDeadline(state.deadline());
        Instant callBegan = clock.instant();
        try {
            if (tracker.timeOutIfDue(state, clock.instant())) {
                return Step.done(state.result());
            }
            if (!state.isScopeResolved()) {
                resolveScope(bounded, request, state);
            }
            if (state.phase() != Phase.COLLECTING) {
                callBegan = clock.instant();
                AnalysisTracker.Action action =
                        tracker.observe(state, bounded.overallAnalysisStatus(), clock.instant());
                if (action == AnalysisTracker.Action.START) {
                    callBegan = clock.instant();
                    tracker.started(state, bounded.startOverallAnalysis(), clock.instant());
                }
                if (state.isDone()) {
                    return Step.done(state.result());
                }
                if (action != AnalysisTracker.Action.COLLECT) {
                    tracker.callsSucceeded(state, clock.instant());
                    return Step.waitFor(untilDeadline(nextDelay(request, state), state));
                }
            }
            callBegan = clock.instant();
            PolicyGate.Decision decision =
                    collector.collect(bounded, AlertScope.of(state.projectId(), request.stage()), clock.instant());
            tracker.callsSucceeded(state, clock.instant());
            state.finish(results.decided(state, decision, clock.instant()));
        } catch (CodescoringException e) {
            Duration retry = tracker.callFailed(state, e, callBegan, clock.instant());
            if (retry != null) {
                return Step.waitFor(untilDeadline(retry, state));
            }
        }
        return Step.done(state.result());
    }

    private void resolveScope(CodescoringApi bounded, ScanRequest request, ScanState state)
            throws CodescoringException, InterruptedException {
        String selector = request.project();
        state.resolveScope(selector == null ? null : projects.resolve(bounded, selector), selector);
    }

    private static Duration nextDelay(ScanRequest request, ScanState state) {
        return PollSchedule.delayAfter(
                Math.max(0, state.pollsInPhase() - 1), request.firstPollInterval(), request.maxPollInterval());
    }

    private Duration untilDeadline(Duration delay, ScanState state) {
        Duration untilDeadline = Duration.between(clock.instant(), state.deadline());
        if (untilDeadline.compareTo(delay) < 0) {
            // Wake up at the deadline, not past it, so a timeout is reported on time.
            return untilDeadline.isNegative() ? Duration.ZERO : untilDeadline;
        }
        return delay;
    }
}
