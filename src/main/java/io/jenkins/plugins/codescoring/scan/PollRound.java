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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    PollRound(Clock clock) {
        this.clock = clock;
    }

    /**
     * Advances every waiting scan by one round: deadlines, scopes, one status read, at most one start, one
     * alert read per scope.
     */
    void advance(CodescoringApi api, List<WaitingScan> scans) throws InterruptedException {
        Instant now = clock.instant();
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
    private void resolveScope(CodescoringApi bounded, WaitingScan scan, Map<String, Object> resolved) throws InterruptedException {
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
            scan.fail((CodescoringException) project, clock.instant());
            return;
        }
        synchronized (scan) {
            scan.state.resolveScope((Project) project, selector);
        }
    }

    private void pollStatus(CodescoringApi bounded, List<WaitingScan> polling) throws InterruptedException {
        AnalysisStatus status;
        try {
            status = bounded.overallAnalysisStatus();
        } catch (CodescoringException e) {
            for (WaitingScan scan : polling) {
                scan.pollFailed(e, clock.instant());
            }
            return;
        }
        noticeChange(status);
        Instant now = clock.instant();
        List<WaitingScan> needStart = new ArrayList<>();
        for (WaitingScan scan : polling) {
            if (scan.state.isScopeResolved() && scan.observe(status, now) == AnalysisTracker.Action.START) {
                needStart.add(scan);
            }
        }
        if (!needStart.isEmpty()) {
            startOnce(bounded, needStart);
        }
    }

    private void startOnce(CodescoringApi bounded, List<WaitingScan> needStart) throws InterruptedException {
        StartOutcome outcome;
        try {
            outcome = bounded.startOverallAnalysis();
        } catch (CodescoringException e) {
            for (WaitingScan scan : needStart) {
                scan.fail(e, clock.instant());
            }
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
            try {
                PolicyGate.Decision decision = collector.collect(bounded, entry.getKey(), clock.instant());
                Instant now = clock.instant();
                for (WaitingScan scan : entry.getValue()) {
                    scan.decide(decision, now);
                }
            } catch (CodescoringException e) {
                for (WaitingScan scan : entry.getValue()) {
                    scan.fail(e, clock.instant());
                }
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
     * The shared adaptive interval, bounded by the most impatient scan. Deadlines do not shorten it: each
     * scan's own watch ends it on time ({@link DeadlineWatch}).
     */
    Duration nextDelay(List<WaitingScan> scans) {
        Duration first = null;
        Duration max = null;
        for (WaitingScan scan : scans) {
            first = min(first, scan.request.firstPollInterval());
            max = min(max, scan.request.maxPollInterval());
        }
        return PollSchedule.delayAfter(ticksSinceChange, first, max);
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
