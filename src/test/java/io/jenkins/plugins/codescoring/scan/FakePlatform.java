package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.Alert;
import io.jenkins.plugins.codescoring.api.AlertScope;
import io.jenkins.plugins.codescoring.api.AnalysisStatus;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ManualClock;
import io.jenkins.plugins.codescoring.api.Policy;
import io.jenkins.plugins.codescoring.api.Project;
import io.jenkins.plugins.codescoring.api.StartOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory platform on a {@link ManualClock}: one overall analysis at a time, runs that take a set
 * time, a stale status right after a start, and alerts published from the code as it was when the run
 * started. Deterministic counterpart of the HTTP simulator for coordinator tests.
 */
final class FakePlatform implements InMemoryApi {
    private final ManualClock clock;
    Duration analysisDuration = Duration.ofMinutes(3);
    Duration staleWindow = Duration.ofSeconds(5);
    /** The code as it is now; a run publishes what it saw at its start. */
    volatile List<Alert> currentAlerts = new ArrayList<>();

    CodescoringException statusFailure;
    /** Which credential the scans use: fakes with another key get a coordinator of their own. */
    volatile String key = "default";
    /** While set, status calls wait for it: a platform that hangs. */
    volatile java.util.concurrent.CountDownLatch statusHangs;
    /** The platform's address; fakes at another address belong to another platform. */
    volatile String url = "http://codescoring.test";
    /** Runs once, right after the next status has been read (and before the caller sees it). */
    volatile Runnable afterStatusRead;

    private int lastRunId = 40;
    private Instant runStartedAt;
    private Instant previousFinishedAt = Instant.parse("2026-11-27T08:00:00Z");
    private List<Alert> runSnapshot = new ArrayList<>();
    private List<Alert> published = new ArrayList<>();
    private boolean runEnded = true;
    final Map<String, Integer> calls = new ConcurrentHashMap<>();
    int acceptedStarts;

    FakePlatform(ManualClock clock) {
        this.clock = clock;
    }

    int calls(String name) {
        return calls.getOrDefault(name, 0);
    }

    int totalCalls() {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void count(String name) {
        calls.merge(name, 1, Integer::sum);
    }

    private synchronized void settle() {
        Instant now = clock.instant();
        if (!runEnded && !now.isBefore(runStartedAt.plus(analysisDuration))) {
            runEnded = true;
            published = runSnapshot;
            previousFinishedAt = runStartedAt.plus(analysisDuration);
        }
    }

    @Override
    public synchronized StartOutcome startOverallAnalysis() {
        count("start");
        settle();
        if (!runEnded) {
            return StartOutcome.alreadyRunning();
        }
        acceptedStarts++;
        lastRunId++;
        runStartedAt = clock.instant();
        runEnded = false;
        runSnapshot = new ArrayList<>(currentAlerts);
        return StartOutcome.started(null);
    }

    @Override
    public String connectionKey() {
        return platformUrl() + "#" + key;
    }

    @Override
    public AnalysisStatus overallAnalysisStatus() throws CodescoringException, InterruptedException {
        java.util.concurrent.CountDownLatch hang = statusHangs;
        if (hang != null) {
            hang.await();
        }
        AnalysisStatus status = statusNow();
        Runnable after = afterStatusRead;
        if (after != null) {
            afterStatusRead = null;
            after.run();
        }
        return status;
    }

    @Override
    public String platformUrl() {
        return url;
    }

    /** Makes the current run end at this time instead of after {@link #analysisDuration}. */
    synchronized void endCurrentRunAt(Instant end) {
        analysisDuration = Duration.between(runStartedAt, end);
    }

    private synchronized AnalysisStatus statusNow() throws CodescoringException {
        count("status");
        if (statusFailure != null) {
            throw statusFailure;
        }
        settle();
        Instant now = clock.instant();
        if (runStartedAt != null && !runEnded && now.isBefore(runStartedAt.plus(staleWindow))) {
            return new AnalysisStatus(String.valueOf(lastRunId - 1), "success", null, previousFinishedAt, null);
        }
        if (runStartedAt == null) {
            return new AnalysisStatus(String.valueOf(lastRunId), "success", null, previousFinishedAt, null);
        }
        return new AnalysisStatus(
                String.valueOf(lastRunId),
                runEnded ? "success" : "in_progress",
                runStartedAt,
                runEnded ? previousFinishedAt : null,
                null);
    }

    /** When the current run ends (for verdict-delay assertions). */
    synchronized Instant runEndsAt() {
        return runStartedAt == null ? null : runStartedAt.plus(analysisDuration);
    }

    @Override
    public synchronized List<Alert> activeAlerts(AlertScope scope) {
        count("alerts");
        settle();
        List<Alert> inScope = new ArrayList<>();
        for (Alert alert : published) {
            boolean project = scope.projectId() == null
                    || alert.project() != null
                            && scope.projectId().equals(alert.project().id());
            boolean stage = scope.stage() == null || scope.stage().equals(alert.stage());
            if (project && stage) {
                inScope.add(alert);
            }
        }
        return inScope;
    }

    @Override
    public List<Policy> policies() {
        count("policies");
        return List.of();
    }

    @Override
    public List<Project> searchProjects(String name) {
        count("projects");
        return List.of(new Project("7", name));
    }

    @Override
    public Project project(String id) throws CodescoringException {
        count("project");
        return new Project(id, "project-" + id);
    }

    @Override
    public void checkConnection() {
        count("check");
    }
}
