package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.AlertScope;
import io.jenkins.plugins.codescoring.api.AnalysisStatus;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.Project;
import io.jenkins.plugins.codescoring.api.RunPhase;
import io.jenkins.plugins.codescoring.api.StartOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The poll stream of one coordinator: what one round does for all waiting scans, and what it remembers
 * between rounds (the last status seen, how long it has not changed, whether a run is in progress). One
 * status read feeds every scan through {@link AnalysisTracker}; scans that need a start in the same round
 * share one start request; scans that read the same scope share one alert read; scans naming the same
 * project share one lookup. Used by one tick at a time.
 */
final class PollRound {
    private final Clock clock;
    private final ProjectResolver projects = new ProjectResolver();
    private final AlertCollector collector = new AlertCollector();
    private int ticksSinceChange;
    private String lastSeen;
    private volatile boolean analysisRunning;
    /** Scans a call failed for in this round; the others had every call succeed. */
    private final Set<WaitingScan> failedThisRound = new HashSet<>();
    /** The soonest retry a scan asked for after a transient failure this round, or null. */
    private Duration soonestRetry;

    private Instant roundBegan;
    /** No call before this: the platform asked to wait (Retry-After). Null when it did not. */
    private volatile Instant notBefore;

    PollRound(Clock clock) {
        this.clock = clock;
    }

    /**
     * Advances every waiting scan by one round: deadlines, scopes, one status read, at most one start, one
     * alert read per scope.
     */
    void advance(CodescoringApi api, List<WaitingScan> scans) throws InterruptedException {
        Instant now = clock.instant();
        roundBegan = now;
        failedThisRound.clear();
        soonestRetry = null;
        CodescoringApi bounded = api.withDeadline(latestDeadline(scans));
        Map<String, Object> projectsThisTick = new HashMap<>();
        for (WaitingScan scan : scans) {
            if (!scan.isDone() && !scan.timeOut(now)) {
                resolveScope(bounded, scan, projectsThisTick);
            }
        }
        List<WaitingScan> polling = select(scans, w -> !w.isDone() && w.state.phase() != Phase.COLLECTING);
        if (!polling.isEmpty()) {
            pollStatus(bounded, polling);
        }
        collectAlerts(bounded, select(scans, w -> !w.isDone() && w.state.phase() == Phase.COLLECTING));
        Instant end = clock.instant();
        for (WaitingScan scan : select(scans, w -> !w.isDone() && !failedThisRound.contains(w))) {
            scan.callsSucceeded(end);
        }
    }

    /**
     * A call for these scans failed: transient failures are tried again in a later round while each scan's
     * patience lasts; the next tick comes when the soonest of them wants it, and not before a Retry-After.
     */
    private void failed(List<WaitingScan> scans, CodescoringException failure, Instant callBegan) {
        Instant now = clock.instant();
        for (WaitingScan scan : scans) {
            failedThisRound.add(scan);
            Duration retry = scan.callFailed(failure, callBegan, now);
            if (retry != null && (soonestRetry == null || retry.compareTo(soonestRetry) < 0)) {
                soonestRetry = retry;
            }
        }
        if (failure.retryAfter() != null) {
            Instant asked = now.plus(failure.retryAfter());
            Instant current = notBefore;
            notBefore = current == null || asked.isAfter(current) ? asked : current;
        }
    }

    /** How long from now the platform asked not to be called (its Retry-After), or zero. */
    Duration untilAllowed() {
        Instant until = notBefore;
        if (until == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** A scan joins: while no analysis runs, polling starts again from its shortest interval. */
    void scanArrived() {
        if (!analysisRunning) {
            ticksSinceChange = 0;
        }
    }

    /** Whether the last status read showed a run in progress. */
    boolean analysisRunning() {
        return analysisRunning;
    }

    /** Nobody waits any more: the next scan polls at once. */
    void nobodyWaits() {
        analysisRunning = false;
    }

    /**
     * Resolves the scan's project once; scans naming the same project in one tick share one lookup
     * ({@code resolved} maps a name to its Project or to the CodescoringException it gave).
     */
    private void resolveScope(CodescoringApi bounded, WaitingScan scan, Map<String, Object> resolved)
            throws InterruptedException {
        if (scan.state.isScopeResolved()) {
            return;
        }
        String selector = scan.request.project();
        if (selector != null && !resolved.containsKey(selector)) {
            try {
                resolved.put(selector, projects.resolve(bounded, selector));
            } catch (CodescoringException e) {
                resolved.put(selector, e);
            }
        }
        Object project = selector == null ? null : resolved.get(selector);
        if (project instanceof CodescoringException) {
            failed(List.of(scan), (CodescoringException) project, roundBegan);
            return;
        }
        synchronized (scan) {
            scan.state.resolveScope((Project) project, selector);
        }
    }

    private void pollStatus(CodescoringApi bounded, List<WaitingScan> polling) throws InterruptedException {
        AnalysisStatus status;
        Instant began = clock.instant();
        try {
            status = bounded.overallAnalysisStatus();
        } catch (CodescoringException e) {
            failed(polling, e, began);
            return;
        }
        noticeChange(status);
        Instant now = clock.instant();
        List<WaitingScan> needStart = new ArrayList<>();
        for (WaitingScan scan : polling) {
            // A build aborted while the status was read starts no analysis.
            if (!scan.cancelled
                    && scan.state.isScopeResolved()
                    && scan.observe(status, now) == AnalysisTracker.Action.START) {
                needStart.add(scan);
            }
        }
        if (!needStart.isEmpty()) {
            startOnce(bounded, needStart);
        }
    }

    private void startOnce(CodescoringApi bounded, List<WaitingScan> needStart) throws InterruptedException {
        StartOutcome outcome;
        Instant began = clock.instant();
        try {
            outcome = bounded.startOverallAnalysis();
        } catch (CodescoringException e) {
            // Another round reads the status first: a start that was taken though its answer was lost shows there.
            failed(needStart, e, began);
            return;
        }
        ticksSinceChange = 0;
        Instant now = clock.instant();
        for (WaitingScan scan : needStart) {
            scan.started(outcome, now);
        }
    }

    private void collectAlerts(CodescoringApi bounded, List<WaitingScan> collecting) throws InterruptedException {
        Map<AlertScope, List<WaitingScan>> byScope = new LinkedHashMap<>();
        for (WaitingScan scan : collecting) {
            byScope.computeIfAbsent(AlertScope.of(scan.state.projectId(), scan.request.stage()), s -> new ArrayList<>())
                    .add(scan);
        }
        for (Map.Entry<AlertScope, List<WaitingScan>> entry : byScope.entrySet()) {
            Instant began = clock.instant();
            try {
                PolicyGate.Decision decision = collector.collect(bounded, entry.getKey(), clock.instant());
                Instant now = clock.instant();
                for (WaitingScan scan : entry.getValue()) {
                    scan.callsSucceeded(now);
                    scan.decide(decision, now);
                }
            } catch (CodescoringException e) {
                failed(entry.getValue(), e, began);
            }
        }
    }

    private void noticeChange(AnalysisStatus status) {
        analysisRunning = status.phase() == RunPhase.RUNNING;
        String seen = status.runKey() + "/" + status.word();
        if (!seen.equals(lastSeen)) {
            lastSeen = seen;
            ticksSinceChange = 0;
        } else {
            ticksSinceChange++;
        }
    }

    /**
     * The shared adaptive interval, bounded by the most impatient scan, or sooner when a scan retries after a
     * transient failure; never before the end of a Retry-After. Deadlines do not shorten it: each scan's own
     * watch ends it on time ({@link DeadlineWatch}).
     */
    Duration nextDelay(List<WaitingScan> scans) {
        Duration first = null;
        Duration max = null;
        for (WaitingScan scan : scans) {
            first = min(first, scan.request.firstPollInterval());
            max = min(max, scan.request.maxPollInterval());
        }
        Duration delay = PollSchedule.delayAfter(ticksSinceChange, first, max);
        if (soonestRetry != null) {
            delay = min(delay, soonestRetry);
        }
        Duration allowed = untilAllowed();
        return allowed.compareTo(delay) > 0 ? allowed : delay;
    }

    private Instant latestDeadline(List<WaitingScan> scans) {
        Instant latest = clock.instant();
        for (WaitingScan scan : scans) {
            latest = scan.state.deadline().isAfter(latest) ? scan.state.deadline() : latest;
        }
        return latest;
    }

    private static List<WaitingScan> select(List<WaitingScan> scans, Predicate<WaitingScan> filter) {
        List<WaitingScan> selected = new ArrayList<>();
        for (WaitingScan scan : scans) {
            if (!scan.cancelled && filter.test(scan)) {
                selected.add(scan);
            }
        }
        return selected;
    }

    private static Duration min(Duration a, Duration b) {
        return a == null || b.compareTo(a) < 0 ? b : a;
    }
}
