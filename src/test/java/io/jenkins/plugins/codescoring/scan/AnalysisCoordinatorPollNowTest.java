package io.jenkins.plugins.codescoring.scan;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.Alert;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.ManualClock;
import io.jenkins.plugins.codescoring.api.Policy;
import io.jenkins.plugins.codescoring.api.Project;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.Test;

/** A webhook said an analysis ended: {@link AnalysisCoordinator#pollNow()} reads the status soon, and only that. */
public class AnalysisCoordinatorPollNowTest {
    private static final Duration STEP = Duration.ofMillis(100);

    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakePlatform platform = new FakePlatform(clock);
    private final AnalysisCoordinator coordinator = new AnalysisCoordinator(scheduler, clock);
    private final ScanRequest patient = ScanRequest.builder()
            .maxPollInterval(Duration.ofSeconds(60))
            .timeout(Duration.ofHours(2))
            .build();
    private ScanResult result;
    private Instant finishedAt;

    private void submit() {
        coordinator.submit(platform, patient, ScanState.begin(patient, clock.instant()), ScanListener.SILENT, r -> {
            assertNull("a scan completes once", result);
            result = r;
            finishedAt = clock.instant();
        });
    }

    /** A long analysis, polled long enough for the interval to reach its maximum of 60 s. */
    private void waitUntilPollingSlowly() {
        platform.analysisDuration = Duration.ofHours(1);
        submit();
        scheduler.runFor(Duration.ofMinutes(10));
        assertNull(result);
    }

    /** Runs the scheduler in small steps until the next status read has happened. */
    private void runUntilJustAfterAPoll() {
        int before = platform.calls("status");
        for (int i = 0; i < 1_000 && platform.calls("status") == before; i++) {
            scheduler.runFor(STEP);
        }
        assertEquals("a regular poll within 100 s", before + 1, platform.calls("status"));
    }

    @Test
    public void anAnalysisEndingJustAfterAPollGetsItsVerdictWithinASecondOfPollNow() {
        waitUntilPollingSlowly();
        runUntilJustAfterAPoll();
        platform.endCurrentRunAt(clock.instant().plus(STEP));
        scheduler.runFor(STEP.multipliedBy(3));
        assertNull("the regular schedule would read the status only about 60 s later", result);

        Instant webhook = clock.instant();
        assertTrue(coordinator.pollNow());
        scheduler.runFor(Duration.ofSeconds(2));

        assertNotNull("verdict after the webhook", result);
        assertEquals(Verdict.PASSED, result.verdict());
        assertEquals("41", result.analysisRunId());
        assertThat(Duration.between(webhook, finishedAt), lessThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    public void aPollNowDuringATickIsFollowedByAnotherTick() {
        waitUntilPollingSlowly();
        // The run ends and the webhook arrives while a tick is reading the status: that read came too early.
        platform.afterStatusRead = () -> {
            platform.endCurrentRunAt(clock.instant());
            assertTrue(coordinator.pollNow());
        };
        runUntilJustAfterAPoll();
        assertNull(result);
        Instant webhook = clock.instant();

        scheduler.runFor(Duration.ofSeconds(2));

        assertNotNull("the webhook that came during the tick is not lost", result);
        assertEquals(Verdict.PASSED, result.verdict());
        assertThat(Duration.between(webhook, finishedAt), lessThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    public void aPollNowWhileNobodyWaitsAsksNothingOfThePlatform() {
        assertFalse("before any scan", coordinator.pollNow());
        assertEquals(0, scheduler.pending());

        submit();
        scheduler.runFor(Duration.ofMinutes(10));
        assertEquals(Verdict.PASSED, result.verdict());
        int calls = platform.totalCalls();

        assertFalse("after the last scan has its verdict", coordinator.pollNow());
        assertEquals("no tick scheduled", 0, scheduler.pending());
        scheduler.runFor(Duration.ofMinutes(1));
        assertEquals(calls, platform.totalCalls());
    }

    @Test
    public void aPollNowBeforeTheAnalysisStartedNeverGivesTheVerdictOfAnOlderOne() {
        // Run 40 passed on the old code; this build's code has a blocker, so only run 41 can judge it.
        platform.currentAlerts = List.of(Alert.builder("a1")
                .policy(new Policy("p1", "No critical CVEs", "critical", true, true))
                .project(new Project("7", "shop"))
                .stage("build")
                .dependencyPurl("pkg:npm/lodash@4.17.20")
                .build());
        submit();
        // The finish of run 40 is delivered (late, or replayed) while the platform still shows run 40 as the last.
        for (int i = 0; i < 4; i++) {
            coordinator.pollNow();
            scheduler.runFor(Duration.ofSeconds(1));
            assertNull("no verdict from run 40 (after " + (i + 1) + " s)", result);
        }
        assertThat(
                "the webhooks did make it read the status",
                platform.calls("status"),
                org.hamcrest.Matchers.greaterThanOrEqualTo(4));

        scheduler.runFor(Duration.ofMinutes(10));
        assertEquals(Verdict.BLOCKED, result.verdict());
        assertEquals("41", result.analysisRunId());
        assertEquals(1, platform.acceptedStarts);
    }

    @Test
    public void aFloodOfPollNowReadsTheStatusAboutOnceASecond() {
        waitUntilPollingSlowly();
        runUntilJustAfterAPoll();
        int before = platform.calls("status");
        for (int i = 0; i < 1_000; i++) {
            coordinator.pollNow();
            scheduler.runFor(Duration.ofMillis(10));
        }
        int reads = platform.calls("status") - before;
        assertThat("status reads in 10 s of webhooks", reads, lessThanOrEqualTo(11));
        assertThat(reads, org.hamcrest.Matchers.greaterThanOrEqualTo(9));
        assertNull(result);
    }

    /** Issue 19, item 7: each failed check used to count against "3 failed checks in a row", so webhooks used them up in seconds. */
    @Test
    public void webhookHurriedChecksOfAFailingStatusDoNotShortenThePatience() {
        waitUntilPollingSlowly();
        int before = platform.calls("status");
        platform.statusFailure = new CodescoringException(ErrorKind.SERVER_ERROR, "HTTP 503");
        for (int i = 0; i < 30; i++) {
            coordinator.pollNow();
            scheduler.runFor(Duration.ofMillis(1500));
        }
        assertNull("45 s of failures is within the patience of 2 min, however many checks failed", result);
        assertThat("each webhook made a check", platform.calls("status") - before, greaterThanOrEqualTo(30));

        platform.statusFailure = null;
        platform.endCurrentRunAt(clock.instant());
        coordinator.pollNow();
        scheduler.runFor(Duration.ofSeconds(5));
        assertNotNull(result);
        assertEquals(Verdict.PASSED, result.verdict());
    }

    @Test
    public void aStatusThatKeepsFailingEndsTheScanWhenThePatienceIsSpentWhateverTheWebhooks() {
        waitUntilPollingSlowly();
        runUntilJustAfterAPoll();
        platform.statusFailure = new CodescoringException(ErrorKind.SERVER_ERROR, "HTTP 503");
        Instant firstFailure = null;
        for (int i = 0; i < 200 && result == null; i++) {
            coordinator.pollNow();
            scheduler.runFor(Duration.ofMillis(1500));
            if (firstFailure == null) {
                firstFailure = clock.instant();
            }
        }
        assertNotNull(result);
        assertEquals(ErrorKind.SERVER_ERROR, result.errorKind());
        assertThat(result.errorMessage(), containsString("Tried again for 2 min"));
        Duration failing = Duration.between(firstFailure, finishedAt);
        assertThat(failing, greaterThanOrEqualTo(Duration.ofSeconds(117)));
        assertThat(failing, lessThanOrEqualTo(Duration.ofSeconds(125)));
    }
}
