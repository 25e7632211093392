package io.jenkins.plugins.codescoring.scan;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Test;

/** What {@link AnalysisCoordinator#snapshot()} tells the operations page, and that telling it costs the platform nothing. */
public class CoordinatorSnapshotTest {
    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakePlatform platform = new FakePlatform(clock);
    private final AnalysisCoordinator coordinator = new AnalysisCoordinator(scheduler, clock);
    private final ScanRequest request = ScanRequest.builder()
            .project("shop")
            .stage("build")
            .timeout(Duration.ofMinutes(30))
            .build();

    private AnalysisCoordinator.Ticket submit(String owner) {
        return coordinator.submit(
                platform, request, ScanState.begin(request, clock.instant()), ScanListener.SILENT, r -> {}, owner);
    }

    private static List<Object> owners(CoordinatorSnapshot snapshot) {
        return snapshot.scans().stream().map(CoordinatorSnapshot.Scan::owner).collect(Collectors.toList());
    }

    @Test
    public void showsTheOtherAnalysisTheScanWaitsForThenItsOwnRun() throws Exception {
        platform.startOverallAnalysis(); // another client's run 41
        scheduler.runFor(Duration.ofSeconds(10));
        submit("build-a");
        scheduler.runFor(Duration.ofSeconds(1));

        int calls = platform.totalCalls();
        CoordinatorSnapshot first = coordinator.snapshot();
        assertEquals("a snapshot makes no request", calls, platform.totalCalls());
        assertEquals(platform.platformUrl(), first.platformUrl());
        CoordinatorSnapshot.Scan a = first.scans().get(0);
        assertEquals("build-a", a.owner());
        assertEquals(Phase.WAITING_FOR_OTHER, a.phase());
        assertEquals("build", a.stage());
        assertEquals(request.timeout(), Duration.between(a.requestedAt(), a.deadline()));
        assertEquals("41", first.stream().lastStatus().runId());
        assertEquals("in_progress", first.stream().lastStatus().word());
        assertThat(first.stream().statusReads(), greaterThanOrEqualTo(1L));
        assertEquals(0, first.stream().analysesStarted());
        assertNotNull("a read is planned while a scan waits", first.nextReadAt());
        assertTrue(first.nextReadAt().isAfter(first.takenAt()));

        scheduler.runFor(Duration.ofMinutes(3)); // run 41 ends; the scan starts run 42
        submit("build-b");
        scheduler.runFor(Duration.ofSeconds(40));
        CoordinatorSnapshot later = coordinator.snapshot();
        assertEquals("longest waiting first", List.of("build-a", "build-b"), owners(later));
        for (CoordinatorSnapshot.Scan scan : later.scans()) {
            assertEquals(Phase.RUNNING, scan.phase());
        }
        assertEquals("42", later.stream().lastStatus().runId());
        assertEquals(1, later.stream().analysesStarted());
        assertThat(later.stream().statusReads(), greaterThan(first.stream().statusReads()));
        assertEquals(
                "the status has shown run 42 running since it first did",
                later.stream().lastStatusSince(),
                coordinator.snapshot().stream().lastStatusSince());
    }

    @Test
    public void aRunAnotherClientStartedAfterTheRequestIsShownAsAdopted() {
        platform.startOverallAnalysis(); // another client's run 41
        scheduler.runFor(Duration.ofSeconds(10));
        submit("build-a");
        scheduler.runFor(Duration.ofSeconds(1));
        CoordinatorSnapshot.Scan waiting = coordinator.snapshot().scans().get(0);
        assertEquals(Phase.WAITING_FOR_OTHER, waiting.phase());
        assertFalse(waiting.runAdopted());

        platform.endCurrentRunAt(clock.instant()); // run 41 ends, and another client starts run 42 at once
        platform.startOverallAnalysis();
        platform.analysisDuration = Duration.ofMinutes(3); // run 42 takes its usual time
        scheduler.runFor(Duration.ofSeconds(30));
        CoordinatorSnapshot.Scan following = coordinator.snapshot().scans().get(0);
        assertEquals(Phase.RUNNING, following.phase());
        assertEquals("42", following.runId());
        assertTrue("the scan follows run 42 instead of starting its own", following.runAdopted());
        assertEquals(
                "no start of this coordinator was accepted",
                0,
                coordinator.snapshot().stream().analysesStarted());
    }

    @Test
    public void theScansOwnRunIsNotAdopted() {
        submit("build-a");
        scheduler.runFor(Duration.ofSeconds(30));
        CoordinatorSnapshot.Scan own = coordinator.snapshot().scans().get(0);
        assertEquals(Phase.RUNNING, own.phase());
        assertFalse(own.runAdopted());
    }

    @Test
    public void scansThatEndedOrWereCancelledAreGoneAndNoReadIsPlannedOnceNobodyWaits() {
        AnalysisCoordinator.Ticket cancelled = submit("cancelled");
        submit("kept");
        scheduler.runFor(Duration.ofSeconds(1));
        cancelled.cancel();
        assertEquals("a cancelled scan leaves the page at once", List.of("kept"), owners(coordinator.snapshot()));

        scheduler.runFor(Duration.ofMinutes(10));
        CoordinatorSnapshot done = coordinator.snapshot();
        assertTrue(done.scans().isEmpty());
        assertNull(done.nextReadAt());
        assertEquals(1, done.stream().analysesStarted());
    }

    @Test
    public void failedReadsAreCountedInARowWithTheLastErrorSanitized() {
        submit("build-a");
        scheduler.runFor(Duration.ofSeconds(20)); // its run is under way: transient failures are tolerated now
        platform.statusFailure = new CodescoringException(
                ErrorKind.UNREACHABLE, "connection refused; Authorization: Token s3cr3t-t0ken-value");
        scheduler.runFor(Duration.ofSeconds(60));
        CoordinatorSnapshot.Stream stream = coordinator.snapshot().stream();
        assertThat(stream.failedReadsInRow(), greaterThanOrEqualTo(2));
        assertNotNull(stream.failingSince());
        assertThat(stream.lastError(), containsString("UNREACHABLE"));
        assertThat(stream.lastError(), not(containsString("s3cr3t")));
        assertEquals(
                "the last status read stays shown",
                "in_progress",
                stream.lastStatus().word());

        platform.statusFailure = null;
        submit("build-b"); // someone still waits, whether or not the first scan gave up
        scheduler.runFor(Duration.ofSeconds(30));
        CoordinatorSnapshot.Stream recovered = coordinator.snapshot().stream();
        assertEquals(0, recovered.failedReadsInRow());
        assertNull(recovered.failingSince());
        assertNotNull("the last error stays shown after recovery", recovered.lastError());
    }

    @Test
    public void fiveHundredWaitingScansAreSnapshottedQuicklyAndInOrder() {
        for (int i = 0; i < 500; i++) {
            submit("build-" + i);
            clock.advance(Duration.ofMillis(10));
        }
        scheduler.runFor(Duration.ofSeconds(1));
        CoordinatorSnapshot snapshot = coordinator.snapshot();
        assertEquals(500, snapshot.scans().size());
        assertEquals("build-0", snapshot.scans().get(0).owner());
        assertEquals("build-499", snapshot.scans().get(499).owner());
    }

    /** A scan names its project as the build gave it until the lookup, then by the platform's name for it. */
    @Test
    public void aScansProjectIsShownAsGivenUntilLookedUpThenByItsName() {
        platform.analysisDuration = Duration.ofMinutes(10);
        ScanRequest byId = ScanRequest.builder()
                .project("7")
                .timeout(Duration.ofMinutes(30))
                .build();
        coordinator.submit(
                platform, byId, ScanState.begin(byId, clock.instant()), ScanListener.SILENT, r -> {}, "build-a");
        assertEquals("7", coordinator.snapshot().scans().get(0).project());
        scheduler.runFor(Duration.ofSeconds(1));
        assertEquals(1, platform.calls("project"));
        assertEquals("project-7", coordinator.snapshot().scans().get(0).project());
    }
}
