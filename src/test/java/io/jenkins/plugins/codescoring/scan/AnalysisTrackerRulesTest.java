package io.jenkins.plugins.codescoring.scan;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.AnalysisStatus;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.StartOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * The rules of {@link AnalysisTracker} one status at a time, each with a status sequence that breaks it
 * when the rule is gone: the baseline run is never ours, a newer run replaces ours, a start must show,
 * progress lines are rationed, the deadline and its wording.
 */
public class AnalysisTrackerRulesTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final ScanRequest request = ScanRequest.builder()
            .timeout(Duration.ofMinutes(30))
            .startVisibleWithin(Duration.ofMinutes(5))
            .build();
    private final List<String> lines = new ArrayList<>();
    private final AnalysisTracker tracker =
            new AnalysisTracker(new ResultFactory(request, "https://cs.example.com"), lines::add);
    private final ScanState state = ScanState.begin(request, T0);

    private static AnalysisStatus run(String id, String word) {
        return new AnalysisStatus(id, word, T0.minusSeconds(60), null, null);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    /** Requested while run 40 had succeeded; our start of run 41 is accepted. */
    private void startedAfterRun40(String announcedId) {
        assertEquals(AnalysisTracker.Action.START, tracker.observe(state, run("40", "success"), at(1)));
        tracker.started(state, StartOutcome.started(announcedId), at(1));
        assertEquals(Phase.STARTED, state.phase());
    }

    @Test
    public void thePreviousRunsSuccessSeenAgainWhileOursRunsIsIgnoredAndTheVerdictComesFromOurs() {
        startedAfterRun40("41");
        assertEquals(
                "the stale status right after the start",
                AnalysisTracker.Action.WAIT,
                tracker.observe(state, run("40", "success"), at(2)));
        assertEquals(AnalysisTracker.Action.WAIT, tracker.observe(state, run("41", "in_progress"), at(4)));
        assertEquals(Phase.RUNNING, state.phase());
        // A load-balanced platform answers from a node that still shows run 40.
        assertEquals(AnalysisTracker.Action.WAIT, tracker.observe(state, run("40", "success"), at(6)));
        assertEquals(Phase.RUNNING, state.phase());
        assertEquals("id:41", state.ourRunKey());
        assertEquals(
                AnalysisTracker.Action.FINISHED,
                tracker.observe(state, new AnalysisStatus("41", "failed", T0, at(8), "out of disk"), at(8)));
        assertEquals(ErrorKind.ANALYSIS_FAILED, state.result().errorKind());
        assertEquals("Analysis run 41 failed: out of disk", state.result().errorMessage());
        assertEquals("41", state.result().analysisRunId());
    }

    @Test
    public void ourRunsSuccessAfterThePreviousRunWasSeenAgainIsCollected() {
        startedAfterRun40("41");
        tracker.observe(state, run("41", "in_progress"), at(4));
        tracker.observe(state, run("40", "success"), at(6));
        assertEquals(AnalysisTracker.Action.COLLECT, tracker.observe(state, run("41", "success"), at(8)));
        assertEquals(Phase.COLLECTING, state.phase());
        assertEquals("41", state.ourRunId());
        assertEquals(
                "Analysis run 41 finished; reading its active alerts to decide the verdict.",
                lines.get(lines.size() - 1));
    }

    @Test
    public void aNewerRunThatReplacedOursDecidesAndIsAnnounced() {
        startedAfterRun40("41");
        tracker.observe(state, run("41", "in_progress"), at(4));
        assertEquals(AnalysisTracker.Action.WAIT, tracker.observe(state, run("42", "in_progress"), at(6)));
        assertEquals("id:42", state.ourRunKey());
        assertTrue(
                lines.toString(),
                lines.contains("A newer analysis (run 42) started after this build's; its result will be used."));
        assertEquals(AnalysisTracker.Action.COLLECT, tracker.observe(state, run("42", "success"), at(8)));
        assertEquals("42", state.ourRunId());
    }

    @Test
    public void aStartThatNamedItsRunIsNotAnnouncedTwiceAndOneThatDidNotIs() {
        startedAfterRun40("41");
        tracker.observe(state, run("41", "in_progress"), at(4));
        assertFalse(
                lines.toString(), lines.stream().anyMatch(l -> l.startsWith("The analysis started for this build is")));

        List<String> other = new ArrayList<>();
        AnalysisTracker quiet = new AnalysisTracker(new ResultFactory(request, "https://cs.example.com"), other::add);
        ScanState unnamed = ScanState.begin(request, T0);
        quiet.observe(unnamed, run("40", "success"), at(1));
        quiet.started(unnamed, StartOutcome.started(null), at(1));
        quiet.observe(unnamed, run("41", "in_progress"), at(4));
        assertTrue(other.toString(), other.contains("The analysis started for this build is run 41."));
        assertEquals("41", unnamed.ourRunId());
    }

    @Test
    public void aStartedAnalysisThatNeverShowsEndsTheScanAtTheLimitNotBefore() {
        startedAfterRun40(null);
        Instant limit = at(1).plus(Duration.ofMinutes(5));
        assertEquals(AnalysisTracker.Action.WAIT, tracker.observe(state, run("40", "success"), limit.minusMillis(1)));
        assertFalse(state.isDone());
        assertEquals(AnalysisTracker.Action.FINISHED, tracker.observe(state, run("40", "success"), limit));
        assertEquals(ErrorKind.TIMEOUT, state.result().errorKind());
        assertEquals(
                "The platform accepted the start of the analysis, but no new run appeared in its status within 5 min.",
                state.result().errorMessage());
    }

    @Test
    public void withoutRunIdsOrStartTimesOnlyRunningProvesANewRun() {
        tracker.observe(state, new AnalysisStatus(null, "success", null, null, null), at(1));
        tracker.started(state, StartOutcome.started(null), at(1));
        assertEquals(
                AnalysisTracker.Action.WAIT,
                tracker.observe(state, new AnalysisStatus(null, "success", null, null, null), at(2)));
        assertEquals(Phase.STARTED, state.phase());
        assertEquals(
                AnalysisTracker.Action.WAIT,
                tracker.observe(state, new AnalysisStatus(null, "running", null, null, null), at(3)));
        assertEquals(Phase.RUNNING, state.phase());
        assertEquals(
                AnalysisTracker.Action.COLLECT,
                tracker.observe(state, new AnalysisStatus(null, "success", null, null, null), at(4)));
    }

    @Test
    public void aCancelledRunEndsTheScanWithItsOwnError() {
        startedAfterRun40("41");
        assertEquals(AnalysisTracker.Action.FINISHED, tracker.observe(state, run("41", "cancelled"), at(4)));
        assertEquals(ErrorKind.ANALYSIS_CANCELLED, state.result().errorKind());
        assertEquals(
                "Analysis run 41 was cancelled on the platform.", state.result().errorMessage());
    }

    @Test
    public void aFailedRunWithoutAnErrorTextSaysSoPlainly() {
        startedAfterRun40("41");
        tracker.observe(state, new AnalysisStatus("41", "failed", T0, at(4), " "), at(4));
        assertEquals("Analysis run 41 failed.", state.result().errorMessage());
    }

    @Test
    public void progressIsReportedWhenTheWordChangesOrAMinuteHasPassedAndNotOtherwise() {
        startedAfterRun40("41");
        tracker.observe(state, run("41", "queued"), at(10));
        lines.clear();
        tracker.observe(state, run("41", "queued"), at(20));
        assertThat("same word within the minute", lines, empty());
        tracker.observe(state, run("41", "in_progress"), at(30));
        assertThat(
                lines,
                contains("Still waiting for analysis run 41 to finish (status in_progress, 30 s since the request)."));
        lines.clear();
        tracker.observe(state, run("41", "in_progress"), at(89));
        assertThat("59 s after the last line", lines, empty());
        tracker.observe(state, run("41", "in_progress"), at(90));
        assertThat(
                lines,
                contains(
                        "Still waiting for analysis run 41 to finish (status in_progress, 1 min 30 s since the request)."));
        assertEquals(at(90), state.lastProgressAt());
    }

    @Test
    public void anUnknownStatusWordIsReportedOnceAndTreatedAsRunning() {
        startedAfterRun40("41");
        tracker.observe(state, run("41", "in_progress"), at(4));
        lines.clear();
        assertEquals(AnalysisTracker.Action.WAIT, tracker.observe(state, run("41", "indexing"), at(5)));
        assertEquals(AnalysisTracker.Action.WAIT, tracker.observe(state, run("41", "indexing"), at(6)));
        assertEquals(
                1,
                lines.stream()
                        .filter(
                                l -> l.equals(
                                        "The platform reported an unknown analysis status 'indexing'; treating it as still running."))
                        .count());
    }

    @Test
    public void anotherRunningAnalysisAtTheRequestIsWaitedForAndSaidOnce() {
        assertEquals(AnalysisTracker.Action.WAIT, tracker.observe(state, run("40", "in_progress"), at(1)));
        assertEquals(Phase.WAITING_FOR_OTHER, state.phase());
        assertEquals("id:40", state.baselineRunKey());
        assertThat(
                lines,
                contains(
                        "Another CodeScoring analysis is running (run 40); this build waits for an analysis that begins after its request."));
    }

    /**
     * Waited for another client's run 41, which then succeeded: it becomes the baseline before our start, so its
     * success, still shown while our run 42 is not yet visible, is not taken for ours.
     */
    @Test
    public void theOtherRunWaitedForBecomesTheBaselineSoItsSuccessIsNotTakenForOurs() {
        tracker.observe(state, run("40", "success"), at(1));
        tracker.started(state, StartOutcome.alreadyRunning(), at(1));
        AnalysisStatus otherRunning = new AnalysisStatus("41", "in_progress", null, null, null);
        AnalysisStatus otherDone = new AnalysisStatus("41", "success", null, null, null);
        assertEquals(AnalysisTracker.Action.WAIT, tracker.observe(state, otherRunning, at(3)));
        assertEquals(AnalysisTracker.Action.START, tracker.observe(state, otherDone, at(5)));
        tracker.started(state, StartOutcome.started("42"), at(5));
        assertEquals("41 is the other client's", AnalysisTracker.Action.WAIT, tracker.observe(state, otherDone, at(7)));
        assertEquals(Phase.STARTED, state.phase());
        assertEquals(AnalysisTracker.Action.COLLECT, tracker.observe(state, run("42", "success"), at(9)));
        assertEquals("42", state.ourRunId());
    }

    /** A run adopted (begun after the request by another client) is the one the timeout's last status names. */
    @Test
    public void anAdoptedRunsStatusIsTheLastStatusSeen() {
        tracker.observe(state, run("40", "in_progress"), at(1));
        assertEquals(Phase.WAITING_FOR_OTHER, state.phase());
        assertEquals(
                AnalysisTracker.Action.COLLECT,
                tracker.observe(state, new AnalysisStatus("41", "success", null, null, null), at(5)));
        assertEquals("41", state.ourRunId());
        assertTrue(tracker.timeOutIfDue(state, state.deadline()));
        assertEquals(
                "No verdict within 30 min. The last status seen was 'success', while reading the alerts.",
                state.result().errorMessage());
    }

    @Test
    public void aRefusedStartWaitsForTheOtherAnalysis() {
        tracker.observe(state, run("40", "success"), at(1));
        tracker.started(state, StartOutcome.alreadyRunning(), at(1));
        assertEquals(Phase.WAITING_FOR_OTHER, state.phase());
        assertNull(state.startAcceptedAt());
        assertEquals(
                "The platform is already running another analysis; this build waits for an analysis that begins after its"
                        + " request (it may be that one).",
                lines.get(lines.size() - 1));
    }

    @Test
    public void whileAnotherAnalysisRunsAChangedStatusIsReportedAndTheScanKeepsWaiting() {
        tracker.observe(state, run("40", "queued"), at(1));
        lines.clear();
        assertEquals(AnalysisTracker.Action.WAIT, tracker.observe(state, run("40", "in_progress"), at(5)));
        assertEquals(Phase.WAITING_FOR_OTHER, state.phase());
        assertThat(
                lines,
                contains("Still waiting for the other analysis to end (status in_progress, 5 s since the request)."));
    }

    @Test
    public void aRunFollowedWithoutAKeyIsNotReplacedWhenTheStatusLaterNamesIt() {
        tracker.observe(state, new AnalysisStatus(null, "success", null, null, null), at(1));
        tracker.started(state, StartOutcome.started(null), at(1));
        tracker.observe(state, new AnalysisStatus(null, "running", null, null, null), at(2));
        assertNull(state.ourRunKey());
        assertEquals(AnalysisTracker.Action.COLLECT, tracker.observe(state, run("41", "success"), at(3)));
        assertFalse(lines.toString(), lines.stream().anyMatch(l -> l.startsWith("A newer analysis")));
    }

    @Test
    public void theDeadlineEndsTheScanAtItsInstantAndNotAMillisecondBefore() {
        startedAfterRun40("41");
        tracker.observe(state, run("41", "in_progress"), at(4));
        assertFalse(tracker.timeOutIfDue(state, state.deadline().minusMillis(1)));
        assertFalse(state.isDone());
        assertTrue(tracker.timeOutIfDue(state, state.deadline()));
        assertEquals(ErrorKind.TIMEOUT, state.result().errorKind());
        assertEquals(
                "No verdict within 30 min. The last status seen was 'in_progress', while waiting for this build's analysis to finish.",
                state.result().errorMessage());
    }

    @Test
    public void theTimeoutSaysWhatTheScanWasWaitingFor() {
        assertEquals("No verdict within 30 min.", timeoutMessage(Phase.REQUESTED, null));
        assertEquals(
                "No verdict within 30 min. The last status seen was 'success', before an analysis was started.",
                timeoutMessage(Phase.REQUESTED, "success"));
        assertEquals(
                "No verdict within 30 min. The last status seen was 'in_progress', while waiting for another analysis to end.",
                timeoutMessage(Phase.WAITING_FOR_OTHER, "in_progress"));
        assertEquals(
                "No verdict within 30 min. The last status seen was 'success', while waiting for the started analysis to appear.",
                timeoutMessage(Phase.STARTED, "success"));
        assertEquals(
                "No verdict within 30 min. The last status seen was 'success', while reading the alerts.",
                timeoutMessage(Phase.COLLECTING, "success"));
    }

    private String timeoutMessage(Phase phase, String lastWord) {
        ScanState scan = ScanState.begin(request, T0);
        scan.moveTo(phase);
        scan.lastWord(lastWord);
        assertTrue(tracker.timeOutIfDue(scan, scan.deadline()));
        return scan.result().errorMessage();
    }

    /**
     * A run the platform has created but not begun ("not_started") when the scan first looks, which refuses the
     * scan's start and then shows in progress: seen in progress after the request, so the next run (here without
     * a start time) began after the request and decides the verdict, with no start of the scan's own.
     */
    @Test
    public void aBaselineFirstSeenNotStartedThenInProgressProvesTheNextRunBeganAfterTheRequest() {
        assertEquals(
                AnalysisTracker.Action.START,
                tracker.observe(state, new AnalysisStatus("41", "not_started", null, null, null), at(1)));
        tracker.started(state, StartOutcome.alreadyRunning(), at(1));
        assertEquals(Phase.WAITING_FOR_OTHER, state.phase());
        assertEquals(
                AnalysisTracker.Action.WAIT,
                tracker.observe(state, new AnalysisStatus("41", "in_progress", null, null, null), at(5)));
        assertEquals(
                AnalysisTracker.Action.WAIT,
                tracker.observe(state, new AnalysisStatus("42", "in_progress", null, null, null), at(10)));
        assertEquals(Phase.RUNNING, state.phase());
        assertTrue(state.ourRunAdopted());
        assertEquals("id:42", state.ourRunKey());
    }
}
