package io.jenkins.plugins.codescoring.scan;

import static io.jenkins.plugins.codescoring.scan.FakeApi.status;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.Alert;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.ManualClock;
import io.jenkins.plugins.codescoring.api.Policy;
import io.jenkins.plugins.codescoring.api.Project;
import io.jenkins.plugins.codescoring.api.StartOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class ScanEngineTest {
    private final ManualClock clock = new ManualClock();
    private final List<String> lines = new ArrayList<>();
    private final ScanRequest request =
            ScanRequest.builder().timeout(Duration.ofMinutes(10)).build();

    private ScanResult run(FakeApi api, ScanRequest scanRequest) throws InterruptedException {
        return new ScanRunner(api, clock, clock.sleeper()).run(scanRequest, lines::add);
    }

    private static Alert blockingAlert() {
        return Alert.builder("a1")
                .policy(new Policy("p1", "No critical CVEs", "critical", true, true))
                .dependencyPurl("pkg:maven/com.google.guava/guava@31.0.1-jre")
                .vulnerability("CVE-2023-2976")
                .build();
    }

    @Test
    public void passesWhenOurRunSucceedsWithoutBlockingAlerts() throws Exception {
        FakeApi api =
                new FakeApi().statuses(status("5", "success"), status("6", "in_progress"), status("6", "success"));
        ScanResult result = run(api, request);
        assertEquals(Verdict.PASSED, result.verdict());
        assertEquals("6", result.analysisRunId());
        assertEquals(List.of("status", "start", "status", "status", "alerts"), api.calls);
        assertEquals("http://codescoring.test", result.platformUrl());
    }

    @Test
    public void blocksWhenAnActiveAlertComesFromABlockingPolicy() throws Exception {
        FakeApi api = new FakeApi().statuses(status("5", "success"), status("6", "success"));
        api.alerts = List.of(blockingAlert());
        ScanResult result = run(api, request);
        assertEquals(Verdict.BLOCKED, result.verdict());
        assertEquals(List.of("No critical CVEs"), result.blockingPolicyNames());
        assertEquals(1, result.blockingAlertCount());
    }

    @Test
    public void ignoresThePreviousRunsSuccessRightAfterTheStart() throws Exception {
        // The status endpoint describes the last run: run 5's success is stale until run 6 shows up.
        FakeApi api = new FakeApi()
                .statuses(
                        status("5", "success"),
                        status("5", "success"),
                        status("5", "success"),
                        status("6", "pending"),
                        status("6", "success"));
        api.alerts = List.of(blockingAlert());
        ScanResult result = run(api, request);
        assertEquals(Verdict.BLOCKED, result.verdict());
        assertEquals("6", result.analysisRunId());
        assertEquals(5, api.count("status"));
        assertEquals(1, api.count("alerts"));
    }

    @Test
    public void waitsForARunningAnalysisThenStartsItsOwn() throws Exception {
        FakeApi api = new FakeApi()
                .statuses(
                        status("5", "in_progress"),
                        status("5", "in_progress"),
                        status("5", "success"),
                        status("6", "success"));
        ScanResult result = run(api, request);
        assertEquals(Verdict.PASSED, result.verdict());
        assertEquals("6", result.analysisRunId());
        assertEquals(List.of("status", "status", "status", "start", "status", "alerts"), api.calls);
        assertTrue(
                String.join("\n", lines),
                lines.stream().anyMatch(l -> l.contains("Another CodeScoring analysis is running")));
    }

    @Test
    public void alreadyRunningAnswerMeansWaitThenStartAgain() throws Exception {
        FakeApi api = new FakeApi()
                .statuses(
                        status("5", "success"), status("6", "running"), status("6", "success"), status("7", "success"));
        api.starts(StartOutcome.alreadyRunning(), StartOutcome.started("7"));
        ScanResult result = run(api, request);
        assertEquals(Verdict.PASSED, result.verdict());
        assertEquals("7", result.analysisRunId());
        assertEquals(2, api.count("start"));
    }

    @Test
    public void failedAnalysisIsAnErrorWithThePlatformsReason() throws Exception {
        FakeApi api = new FakeApi()
                .statuses(
                        status("5", "success"),
                        new io.jenkins.plugins.codescoring.api.AnalysisStatus(
                                "6", "failed", null, null, "git clone failed"));
        ScanResult result = run(api, request);
        assertEquals(Verdict.ERROR, result.verdict());
        assertEquals(ErrorKind.ANALYSIS_FAILED, result.errorKind());
        assertThat(result.errorMessage(), containsString("git clone failed"));
        assertEquals(0, api.count("alerts"));
    }

    @Test
    public void cancelledAnalysisIsAnError() throws Exception {
        FakeApi api = new FakeApi().statuses(status("5", "success"), status("6", "cancelled"));
        assertEquals(ErrorKind.ANALYSIS_CANCELLED, run(api, request).errorKind());
    }

    /** The wait between polls of a long analysis grows from the first interval to the longest, so a slow analysis costs few requests. */
    @Test
    public void theWaitBetweenPollsGrowsToTheLongestWhileTheAnalysisRuns() throws Exception {
        FakeApi api = new FakeApi().statuses(status("5", "success"), status("6", "in_progress"));
        ScanRequest slow = ScanRequest.builder()
                .timeout(Duration.ofMinutes(10))
                .firstPollInterval(Duration.ofSeconds(5))
                .maxPollInterval(Duration.ofSeconds(60))
                .build();
        assertEquals(ErrorKind.TIMEOUT, run(api, slow).errorKind());
        List<Duration> sleeps = clock.sleeps();
        assertEquals(Duration.ofSeconds(5), sleeps.get(0));
        for (int i = 1; i < sleeps.size() - 1; i++) {
            assertThat(
                    "never shorter than the wait before, " + sleeps,
                    sleeps.get(i - 1),
                    lessThanOrEqualTo(sleeps.get(i)));
        }
        assertTrue("reaches the longest wait: " + sleeps, sleeps.contains(Duration.ofSeconds(60)));
        assertThat("polls in 10 min, not one every 5 s: " + sleeps, sleeps.size(), lessThanOrEqualTo(20));
    }

    @Test
    public void timesOutAtTheDeadlineAndNeverSleepsPastIt() throws Exception {
        FakeApi api = new FakeApi().statuses(status("5", "success"), status("6", "in_progress"));
        ScanRequest shortRequest = ScanRequest.builder()
                .timeout(Duration.ofSeconds(95))
                .maxPollInterval(Duration.ofSeconds(30))
                .build();
        ScanResult result = run(api, shortRequest);
        assertEquals(ErrorKind.TIMEOUT, result.errorKind());
        assertThat(result.errorMessage(), containsString("in_progress"));
        Duration slept = clock.sleeps().stream().reduce(Duration.ZERO, Duration::plus);
        assertEquals(Duration.ofSeconds(95), slept);
        for (Duration sleep : clock.sleeps()) {
            assertThat(sleep, lessThanOrEqualTo(Duration.ofSeconds(30)));
        }
    }

    @Test
    public void aStartThatNeverShowsInTheStatusEndsTheScan() throws Exception {
        FakeApi api = new FakeApi().statuses(status("5", "success"));
        ScanRequest scanRequest =
                ScanRequest.builder().startVisibleWithin(Duration.ofMinutes(2)).build();
        ScanResult result = run(api, scanRequest);
        assertEquals(ErrorKind.TIMEOUT, result.errorKind());
        assertThat(result.errorMessage(), containsString("no new run appeared"));
        assertEquals(
                Duration.ofMinutes(2).toSeconds(),
                result.finishedAt().getEpochSecond() - result.requestedAt().getEpochSecond(),
                30);
    }

    @Test
    public void aRejectedTokenIsNotRetriedByTheEngine() throws Exception {
        FakeApi api = new FakeApi()
                .statuses(status("5", "success"), new CodescoringException(ErrorKind.TOKEN_REJECTED, "HTTP 401"));
        assertEquals(ErrorKind.TOKEN_REJECTED, run(api, request).errorKind());
        assertEquals(2, api.count("status"));
    }

    @Test
    public void resumesFromASerializedStateAfterARestart() throws Exception {
        FakeApi api =
                new FakeApi().statuses(status("5", "success"), status("6", "in_progress"), status("6", "success"));
        api.alerts = List.of(blockingAlert());
        ScanState state = ScanState.begin(request, clock.instant());
        ScanEngine engine = new ScanEngine(api, clock, lines::add);
        engine.step(request, state);
        engine.step(request, state);
        assertEquals(Phase.RUNNING, state.phase());

        ScanState restored = roundTrip(state);
        ScanRequest restoredRequest = roundTrip(request);
        ScanResult result = new ScanRunner(api, clock, clock.sleeper()).resume(restoredRequest, restored, lines::add);
        assertEquals(Verdict.BLOCKED, result.verdict());
        assertEquals(1, api.count("start"));
    }

    @Test
    public void resolvesAProjectNameByExactMatchBeforeStarting() throws Exception {
        FakeApi api = new FakeApi().statuses(status("5", "success"), status("6", "success"));
        api.projects = List.of(new Project("11", "shop-backend"), new Project("12", "shop"), new Project("13", "Shop"));
        ScanResult result =
                run(api, ScanRequest.builder().project("shop").stage("build").build());
        assertEquals(Verdict.PASSED, result.verdict());
        assertEquals("12", api.alertScopes.get(0).projectId());
        assertEquals("build", api.alertScopes.get(0).stage());
        assertEquals("shop", result.project());
    }

    @Test
    public void anUnknownProjectFailsBeforeAnyAnalysisIsStarted() throws Exception {
        FakeApi api = new FakeApi().statuses(status("5", "success"));
        api.projects = List.of(new Project("11", "shop-backend"));
        ScanResult result = run(api, ScanRequest.builder().project("shop").build());
        assertEquals(ErrorKind.BAD_CONFIGURATION, result.errorKind());
        assertThat(result.errorMessage(), containsString("'shop-backend'"));
        assertEquals(0, api.count("start"));
    }

    @Test
    public void anAmbiguousProjectNameAsksForTheId() throws Exception {
        FakeApi api = new FakeApi().statuses(status("5", "success"));
        api.projects = List.of(new Project("11", "Shop"), new Project("12", "SHOP"));
        ScanResult result = run(api, ScanRequest.builder().project("shop").build());
        assertEquals(ErrorKind.BAD_CONFIGURATION, result.errorKind());
        assertThat(result.errorMessage(), containsString("ids 11, 12"));
    }

    @Test
    public void aNumericProjectIsTakenAsAnIdWithoutSearching() throws Exception {
        FakeApi api = new FakeApi().statuses(status("5", "success"), status("6", "success"));
        api.projects = List.of(new Project("42", "billing"));
        ScanResult result = run(api, ScanRequest.builder().project("42").build());
        assertEquals(0, api.count("projects"));
        assertEquals("42", api.alertScopes.get(0).projectId());
        assertEquals("billing", result.project());
    }

    @Test
    public void aNumericProjectIdThatDoesNotExistFailsBeforeAnyAnalysis() throws Exception {
        FakeApi api = new FakeApi().statuses(status("5", "success"));
        ScanResult result = run(api, ScanRequest.builder().project("999").build());
        assertEquals(ErrorKind.BAD_CONFIGURATION, result.errorKind());
        assertEquals(0, api.count("start"));
    }

    @Test
    public void joinsAlertsWithThePolicyListOnlyWhenTheyNameAPolicyById() throws Exception {
        FakeApi api = new FakeApi().statuses(status("5", "success"), status("6", "success"));
        api.alerts = List.of(Alert.builder("a1")
                .policyId("p9")
                .dependencyPurl("pkg:npm/lodash@4.17.20")
                .build());
        api.policies = List.of(new Policy("p9", "Licences", "warning", true, true));
        ScanResult result = run(api, request);
        assertEquals(Verdict.BLOCKED, result.verdict());
        assertEquals(1, api.count("policies"));

        FakeApi embedded = new FakeApi().statuses(status("5", "success"), status("6", "success"));
        embedded.alerts = List.of(blockingAlert());
        run(embedded, request);
        assertEquals(0, embedded.count("policies"));
    }

    @Test
    public void aPlatformWithoutRunIdsIsFollowedThroughTheRunningWord() throws Exception {
        FakeApi api = new FakeApi()
                .statuses(
                        status(null, "success"),
                        status(null, "success"),
                        status(null, "running"),
                        status(null, "success"));
        ScanResult result = run(api, request);
        assertEquals(Verdict.PASSED, result.verdict());
        assertEquals(4, api.count("status"));
    }

    @Test
    public void unknownStatusWordsCountAsRunningAndAreReportedOnce() throws Exception {
        FakeApi api = new FakeApi()
                .statuses(
                        status("5", "success"),
                        status("6", "crunching"),
                        status("6", "crunching"),
                        status("6", "crunching"),
                        status("6", "done"));
        ScanResult result = run(api, request);
        assertEquals(Verdict.PASSED, result.verdict());
        assertEquals(
                1,
                lines.stream()
                        .filter(l -> l.contains("unknown analysis status 'crunching'"))
                        .count());
    }

    @Test
    public void progressIsReportedOnChangesAndAboutOnceAMinuteNotOnEveryPoll() throws Exception {
        Object[] statuses = new Object[2 + 200];
        statuses[0] = status("5", "success");
        for (int i = 1; i <= 200; i++) {
            statuses[i] = status("6", "in_progress");
        }
        statuses[201] = status("6", "success");
        FakeApi api = new FakeApi().statuses(statuses);
        ScanRequest scanRequest = ScanRequest.builder()
                .maxPollInterval(Duration.ofSeconds(5))
                .timeout(Duration.ofHours(1))
                .build();
        ScanResult result = run(api, scanRequest);
        assertEquals(Verdict.PASSED, result.verdict());
        Duration elapsed = Duration.between(result.requestedAt(), result.finishedAt());
        long progressLines =
                lines.stream().filter(l -> l.contains("in_progress")).count();
        assertThat(progressLines, lessThanOrEqualTo(elapsed.toMinutes() + 2));
        assertTrue(progressLines >= elapsed.toMinutes() - 1);
    }

    @Test
    public void theStateHoldsNoResultUntilDone() throws Exception {
        FakeApi api = new FakeApi().statuses(status("5", "success"), status("6", "running"));
        ScanState state = ScanState.begin(request, clock.instant());
        Step step = new ScanEngine(api, clock, lines::add).step(request, state);
        assertFalse(step.isDone());
        assertNull(state.result());
        assertEquals(Duration.ofSeconds(2), step.delay());
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    public void eachProgressLineSaysWhatHappenedAndWhatComesNextOnce() throws Exception {
        // The start names the run: saying so again when the status shows it would only repeat it.
        FakeApi named = new FakeApi()
                .statuses(status("5", "success"), status("6", "in_progress"), status("6", "success"))
                .starts(StartOutcome.started("6"));
        run(named, request);
        assertEquals(
                List.of(
                        "Started a new CodeScoring analysis (run 6); waiting for it to finish.",
                        "Analysis run 6 finished; reading its active alerts to decide the verdict."),
                lines);

        // A start without a run id: the run is named once, when the status shows it.
        lines.clear();
        run(
                new FakeApi().statuses(status("5", "success"), status("6", "in_progress"), status("6", "success")),
                request);
        assertEquals(
                List.of(
                        "Started a new CodeScoring analysis; waiting for it to finish.",
                        "The analysis started for this build is run 6.",
                        "Analysis run 6 finished; reading its active alerts to decide the verdict."),
                lines);
        for (String line : lines) {
            assertFalse(line, line.contains("is ours") || line.contains("(in_progress)") || line.contains("(success)"));
        }
    }
}
