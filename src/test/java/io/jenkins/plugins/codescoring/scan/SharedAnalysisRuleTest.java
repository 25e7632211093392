package io.jenkins.plugins.codescoring.scan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.AnalysisStatus;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.ManualClock;
import io.jenkins.plugins.codescoring.api.StartOutcome;
import io.jenkins.plugins.codescoring.scan.AnalysisTracker.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * The shared-analysis rule of {@link AnalysisTracker}: a scan waiting for another analysis follows any run that
 * began after its request, whoever started it, and never a run from before its request.
 */
public class SharedAnalysisRuleTest {
    private static final String ADOPTED_LINE =
            "Analysis run 42, started by another client after this build's request, will" + " decide the verdict.";

    private final ManualClock clock = new ManualClock();
    private final List<String> lines = new ArrayList<>();
    private final ScanRequest request =
            ScanRequest.builder().timeout(Duration.ofMinutes(30)).build();
    private final AnalysisTracker tracker =
            new AnalysisTracker(new ResultFactory(request, "http://codescoring.test"), lines::add);
    private final ScanState state = ScanState.begin(request, clock.instant());
    private final Instant requested = state.requestedAt();

    /** A run as the status shows it, begun that many seconds after the scan's request (negative: before). */
    private static AnalysisStatus run(String id, String word, long startedSecondsAfterRequest, Instant requested) {
        return new AnalysisStatus(id, word, requested.plusSeconds(startedSecondsAfterRequest), null, null);
    }

    private AnalysisStatus run(String id, String word, long startedSecondsAfterRequest) {
        return run(id, word, startedSecondsAfterRequest, requested);
    }

    private Action observe(AnalysisStatus status) {
        clock.advance(Duration.ofSeconds(2));
        return tracker.observe(state, status, clock.instant());
    }

    @Test
    public void aRunBegunWhileWaitingIsFollowedInsteadOfStartingAnother() {
        assertEquals(Action.WAIT, observe(run("41", "in_progress", -60)));
        assertEquals(Phase.WAITING_FOR_OTHER, state.phase());
        assertEquals(Action.WAIT, observe(run("41", "in_progress", -60)));
        assertEquals(Action.WAIT, observe(run("42", "pending", 5)));
        assertEquals(Phase.RUNNING, state.phase());
        assertTrue(state.ourRunAdopted());
        assertEquals("42", state.ourRunId());
        assertTrue(lines.toString(), lines.contains(ADOPTED_LINE));
        assertEquals(Action.WAIT, observe(run("42", "in_progress", 5)));
        assertEquals(Action.COLLECT, observe(run("42", "success", 5)));
        assertEquals(Phase.COLLECTING, state.phase());
    }

    @Test
    public void theProofIsTheBaselineSeenRunningEvenWithoutStartTimes() {
        // A platform that gives ids only: the run at the request was seen in progress, so the next one began after it.
        assertEquals(Action.WAIT, observe(new AnalysisStatus("41", "running", null, null, null)));
        assertEquals(Action.WAIT, observe(new AnalysisStatus("42", "running", null, null, null)));
        assertTrue(state.ourRunAdopted());
        assertEquals("42", state.ourRunId());
    }

    @Test
    public void aRunThatBeganAndEndedBetweenTwoPollsDecides() {
        observe(run("41", "in_progress", -60));
        assertEquals(Action.COLLECT, observe(run("42", "success", 3)));
        assertTrue(state.ourRunAdopted());
        assertEquals("42", state.ourRunId());
        assertEquals(
                List.of(ADOPTED_LINE, "Analysis run 42 finished; reading its active alerts to decide the verdict."),
                lines.subList(1, lines.size()));
    }

    @Test
    public void aFollowedRunThatFailsEndsTheScanWithItsError() {
        observe(run("41", "in_progress", -60));
        assertEquals(
                Action.FINISHED,
                observe(new AnalysisStatus("42", "failed", requested.plusSeconds(3), null, "disk full")));
        assertEquals(ErrorKind.ANALYSIS_FAILED, state.result().errorKind());
        assertEquals("42", state.result().analysisRunId());
    }

    @Test
    public void theRunRunningAtTheRequestNeverDecides() {
        observe(run("41", "in_progress", -60));
        assertEquals(Action.START, observe(run("41", "success", -60)));
        assertFalse(state.ourRunAdopted());
        assertNull(state.ourRunKey());
        tracker.started(state, StartOutcome.started(null), clock.instant());
        assertEquals(Action.WAIT, observe(run("41", "success", -60)));
        assertEquals(Phase.STARTED, state.phase());
        assertEquals(Action.COLLECT, observe(run("43", "success", 20)));
        assertEquals("43", state.ourRunId());
        assertFalse(state.ourRunAdopted());
    }

    @Test
    public void anOlderRunsSuccessSeenAgainIsNeverUsed() {
        // The status goes back to run 40 (a lagging replica, a deleted last run): it proves nothing.
        observe(run("41", "in_progress", -60));
        assertEquals(Action.START, observe(run("40", "success", -600)));
        assertFalse(state.ourRunAdopted());
        assertEquals("id:41", state.baselineRunKey());
        tracker.started(state, StartOutcome.started(null), clock.instant());
        assertEquals(Action.WAIT, observe(run("41", "success", -60)));
        assertEquals(Action.WAIT, observe(run("40", "success", -600)));
        assertEquals(Phase.STARTED, state.phase());
        assertEquals(Action.COLLECT, observe(run("42", "success", 10)));
        assertEquals("42", state.ourRunId());
    }

    @Test
    public void anOlderRunIsNeverUsedEvenWhenOnlyItsStartTimeTellsItsAge() {
        // No ids: start times are the keys, and an earlier one is an older run.
        observe(new AnalysisStatus(null, "in_progress", requested.minusSeconds(60), null, null));
        assertEquals(
                Action.START, observe(new AnalysisStatus(null, "success", requested.minusSeconds(600), null, null)));
        assertFalse(state.ourRunAdopted());
    }

    @Test
    public void aKeylessPlatformKeepsWaitingAndStartsItsOwn() {
        AnalysisStatus running = new AnalysisStatus(null, "running", null, null, null);
        assertEquals(Action.WAIT, observe(running));
        assertEquals(Action.WAIT, observe(running));
        assertEquals(Action.START, observe(new AnalysisStatus(null, "success", null, null, null)));
        assertFalse(state.ourRunAdopted());
        assertFalse(lines.toString(), lines.stream().anyMatch(l -> l.contains("will decide the verdict")));
    }

    @Test
    public void aRunThatShowedNoKeyWhileRunningIsNotUsedOnceItShowsOne() {
        // Running without id or start time at the request; finished with an id: it is still the run of the request.
        assertEquals(Action.WAIT, observe(new AnalysisStatus(null, "running", null, null, null)));
        assertEquals(Action.START, observe(new AnalysisStatus("41", "success", null, null, null)));
        assertFalse(state.ourRunAdopted());
    }

    @Test
    public void aRefusedStartFollowsTheRunThatRefusedIt() {
        assertEquals(Action.START, observe(run("41", "success", -600)));
        tracker.started(state, StartOutcome.alreadyRunning(), clock.instant());
        assertEquals(Phase.WAITING_FOR_OTHER, state.phase());
        assertEquals("id:41", state.baselineRunKey());
        assertTrue(
                lines.toString(),
                lines.contains("The platform is already running another analysis; this build waits for an"
                        + " analysis that begins after its request (it may be that one)."));
        assertEquals(Action.WAIT, observe(run("42", "in_progress", 1)));
        assertTrue(state.ourRunAdopted());
        assertEquals(Action.COLLECT, observe(run("42", "success", 1)));
        assertEquals("42", state.ourRunId());
    }

    @Test
    public void aStartWhoseAnswerWasLostIsFollowedThroughTheRefusedRetry() throws Exception {
        // The first start did start run 42, but its answer never came back; the retry is refused "already running".
        FakeApi api = new FakeApi()
                .statuses(
                        run("41", "success", -600),
                        run("42", "pending", 1),
                        run("42", "in_progress", 1),
                        run("42", "success", 1))
                .starts(StartOutcome.alreadyRunning());
        ScanResult result = new ScanRunner(api, clock, clock.sleeper()).run(request, lines::add);
        assertEquals(Verdict.PASSED, result.verdict());
        assertEquals("42", result.analysisRunId());
        assertEquals(1, api.count("start"));
        assertEquals(List.of("status", "start", "status", "status", "status", "alerts"), api.calls);
    }

    @Test
    public void aRefusedStartDoesNotFollowARunThatBeganBeforeTheRequest() {
        // The first look fell in the moment after another client's start when the status still shows the previous run:
        // the running run began before the request. It is waited for, then this scan starts its own.
        assertEquals(Action.START, observe(run("41", "success", -600)));
        tracker.started(state, StartOutcome.alreadyRunning(), clock.instant());
        assertEquals(Action.WAIT, observe(run("42", "in_progress", -1)));
        assertFalse(state.ourRunAdopted());
        assertEquals(Action.WAIT, observe(run("42", "in_progress", -1)));
        assertEquals(Action.START, observe(run("42", "success", -1)));
        assertFalse(state.ourRunAdopted());
        tracker.started(state, StartOutcome.started("43"), clock.instant());
        assertEquals(Action.COLLECT, observe(run("43", "success", 30)));
        assertEquals("43", state.ourRunId());
        assertFalse(state.ourRunAdopted());
    }

    @Test
    public void aRefusedStartWithoutStartTimesHasNoProofAndStartsItsOwnLater() {
        // The last look saw no run in progress and the platform gives no start times: nothing proves "after".
        assertEquals(Action.START, observe(new AnalysisStatus("41", "success", null, null, null)));
        tracker.started(state, StartOutcome.alreadyRunning(), clock.instant());
        assertEquals(Action.WAIT, observe(new AnalysisStatus("42", "running", null, null, null)));
        assertFalse(state.ourRunAdopted());
        assertEquals(Action.START, observe(new AnalysisStatus("42", "success", null, null, null)));
        assertFalse(state.ourRunAdopted());
    }

    @Test
    public void theBaselineSeenRunningProvesNothingAboutARunThatSaysItBeganBeforeTheRequest() {
        observe(run("41", "in_progress", -60));
        assertEquals(Action.START, observe(run("42", "success", -30)));
        assertFalse(state.ourRunAdopted());
    }

    @Test
    public void anAdoptedRunSurvivesARestart() {
        observe(run("41", "in_progress", -60));
        observe(run("42", "in_progress", 5));
        ScanState resumed = state.copy();
        assertTrue(resumed.ourRunAdopted());
        assertEquals(Phase.RUNNING, resumed.phase());
        assertEquals(Action.COLLECT, tracker.observe(resumed, run("42", "success", 5), clock.instant()));
    }

    @Test
    public void aFollowedRunIsNotSwappedForAnOlderOne() {
        observe(run("41", "in_progress", -60));
        observe(run("43", "in_progress", 5));
        assertEquals(Action.WAIT, observe(run("42", "success", 3)));
        assertEquals("43", state.ourRunId());
    }

    @Test
    public void theEngineFollowsAnotherClientsRunWithoutStartingOne() throws Exception {
        FakeApi api = new FakeApi()
                .statuses(
                        run("41", "in_progress", -60),
                        run("41", "in_progress", -60),
                        run("42", "in_progress", 4),
                        run("42", "success", 4));
        ScanResult result = new ScanRunner(api, clock, clock.sleeper()).run(request, lines::add);
        assertEquals(Verdict.PASSED, result.verdict());
        assertEquals("42", result.analysisRunId());
        assertEquals(0, api.count("start"));
    }
}
