package io.jenkins.plugins.codescoring.scan;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.Assert.assertEquals;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class AnalysisCoordinatorTest {
    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakePlatform platform = new FakePlatform(clock);
    private final AnalysisCoordinator coordinator = new AnalysisCoordinator(scheduler, clock);
    private final ScanRequest request =
            ScanRequest.builder().timeout(Duration.ofMinutes(30)).build();
    private final Map<Integer, ScanResult> results = new HashMap<>();
    private final Map<Integer, Instant> finishedAt = new HashMap<>();

    private AnalysisCoordinator.Ticket submit(int scan, ScanRequest scanRequest) {
        return coordinator.submit(
                platform, scanRequest, ScanState.begin(scanRequest, clock.instant()), ScanListener.SILENT, result -> {
                    assertNull("a scan completes once", results.put(scan, result));
                    finishedAt.put(scan, clock.instant());
                });
    }

    private static Alert blocking(String id, String stage) {
        return Alert.builder(id)
                .policy(new Policy("p1", "No critical CVEs", "critical", true, true))
                .project(new Project("7", "shop"))
                .stage(stage)
                .dependencyPurl("pkg:npm/lodash@4.17.20")
                .build();
    }

    @Test
    public void aBurstOfScansArrivingTogetherSharesOneAnalysisAndOneAlertRead() {
        for (int i = 0; i < 100; i++) {
            submit(i, request);
        }
        scheduler.runFor(Duration.ofMinutes(10));
        assertEquals(100, results.size());
        results.values().forEach(r -> assertEquals(Verdict.PASSED, r.verdict()));
        assertEquals(1, platform.acceptedStarts);
        assertEquals(1, platform.calls("alerts"));
        assertThat(platform.calls("status"), lessThanOrEqualTo(20));
        assertEquals(0, coordinator.waiting());
        assertEquals("no tick is left scheduled once nobody waits", 0, scheduler.pending());
    }

    @Test
    public void scansArrivingDuringTheAnalysisShareOneFollowUpAtMostOneRequestPerScan() {
        submit(0, request);
        for (int i = 1; i < 100; i++) {
            scheduler.runFor(Duration.ofSeconds(1));
            submit(i, request);
        }
        scheduler.runFor(Duration.ofMinutes(15));
        assertEquals(100, results.size());
        assertEquals("the first scan's analysis and one follow-up", 2, platform.acceptedStarts);
        assertThat("requests per scan", platform.totalCalls() / 100.0, lessThanOrEqualTo(1.0));
    }

    @Test
    public void aScanRequestedDuringARunningAnalysisGetsTheFollowUpsVerdict() {
        submit(1, request);
        scheduler.runFor(Duration.ofSeconds(30));
        // New code is pushed while run 41 analyses the old code: only a later run sees it.
        platform.currentAlerts = List.of(blocking("a1", "build"));
        submit(2, request);
        scheduler.runFor(Duration.ofMinutes(15));
        assertEquals(Verdict.PASSED, results.get(1).verdict());
        assertEquals(Verdict.BLOCKED, results.get(2).verdict());
        assertEquals("41", results.get(1).analysisRunId());
        assertEquals("42", results.get(2).analysisRunId());
        assertEquals(2, platform.acceptedStarts);
    }

    @Test
    public void aFailingPollReachesEveryWaiter() {
        for (int i = 0; i < 5; i++) {
            submit(i, request);
        }
        scheduler.runFor(Duration.ofSeconds(20));
        platform.statusFailure =
                new CodescoringException(ErrorKind.TOKEN_REJECTED, "The platform rejected the API token (HTTP 401).");
        scheduler.runFor(Duration.ofMinutes(2));
        assertEquals(5, results.size());
        results.values().forEach(r -> assertEquals(ErrorKind.TOKEN_REJECTED, r.errorKind()));
    }

    @Test
    public void transientPollFailuresAreToleratedForEveryWaiter() {
        for (int i = 0; i < 3; i++) {
            submit(i, request);
        }
        scheduler.runFor(Duration.ofSeconds(20));
        platform.statusFailure = new CodescoringException(ErrorKind.SERVER_ERROR, "HTTP 503");
        scheduler.runFor(Duration.ofSeconds(10));
        platform.statusFailure = null;
        scheduler.runFor(Duration.ofMinutes(10));
        assertEquals(3, results.size());
        results.values().forEach(r -> assertEquals(Verdict.PASSED, r.verdict()));
    }

    @Test
    public void cancellingOneScanLeavesTheOthersAndTheAnalysisRunning() {
        AnalysisCoordinator.Ticket first = submit(1, request);
        submit(2, request);
        submit(3, request);
        scheduler.runFor(Duration.ofSeconds(30));
        first.cancel();
        scheduler.runFor(Duration.ofMinutes(10));
        assertNull(results.get(1));
        assertEquals(Verdict.PASSED, results.get(2).verdict());
        assertEquals(Verdict.PASSED, results.get(3).verdict());
        assertEquals(1, platform.acceptedStarts);
    }

    @Test
    public void eachScopeIsReadOnceWhateverTheNumberOfScansInIt() {
        platform.currentAlerts = List.of(blocking("a1", "build"), blocking("a2", "prod"));
        ScanRequest build = ScanRequest.builder().project("shop").stage("build").build();
        ScanRequest dev = ScanRequest.builder().project("shop").stage("dev").build();
        for (int i = 0; i < 10; i++) {
            submit(i, i % 2 == 0 ? build : dev);
        }
        scheduler.runFor(Duration.ofMinutes(10));
        assertEquals(2, platform.calls("alerts"));
        assertEquals("scans naming one project in one tick share its lookup", 1, platform.calls("projects"));
        for (int i = 0; i < 10; i++) {
            assertEquals(
                    i % 2 == 0 ? Verdict.BLOCKED : Verdict.PASSED,
                    results.get(i).verdict());
        }
    }

    @Test
    public void aResumedScanJoinsTheSharedPoll() {
        ScanState saved = ScanState.begin(request, clock.instant());
        AnalysisCoordinator.Ticket ticket =
                coordinator.submit(platform, request, saved, ScanListener.SILENT, r -> results.put(1, r));
        scheduler.runFor(Duration.ofSeconds(40));
        ScanState snapshot = ticket.snapshot();
        assertEquals(Phase.RUNNING, snapshot.phase());
        ticket.cancel();

        // A controller restart: a new coordinator resumes from the persisted copy.
        AnalysisCoordinator afterRestart = new AnalysisCoordinator(scheduler, clock);
        afterRestart.submit(platform, request, snapshot, ScanListener.SILENT, r -> results.put(2, r));
        scheduler.runFor(Duration.ofMinutes(10));
        assertNull(results.get(1));
        assertEquals(Verdict.PASSED, results.get(2).verdict());
        assertEquals(1, platform.acceptedStarts);
    }

    @Test
    public void aShortTimeoutEndsOneScanWhileTheOthersGoOn() {
        submit(1, ScanRequest.builder().timeout(Duration.ofMinutes(1)).build());
        submit(2, request);
        scheduler.runFor(Duration.ofMinutes(10));
        assertEquals(ErrorKind.TIMEOUT, results.get(1).errorKind());
        assertEquals(
                Duration.ofMinutes(1),
                Duration.between(results.get(1).requestedAt(), results.get(1).finishedAt()));
        assertEquals(Verdict.PASSED, results.get(2).verdict());
    }

    @Test
    public void aScanEndsAtItsDeadlineByTheClockEvenWhenTheClockIsSetBackWhileItWaits() {
        // The scheduler's time runs on while the wall clock is stepped back (as NTP may do): the deadline
        // watch fires before the clock says the deadline has come, and must look again rather than give up.
        Duration[] setBack = {Duration.ZERO};
        java.time.Clock wall = new java.time.Clock() {
            @Override
            public Instant instant() {
                return clock.instant().minus(setBack[0]);
            }

            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        platform.analysisDuration = Duration.ofHours(1);
        AnalysisCoordinator onWallClock = new AnalysisCoordinator(scheduler, wall);
        ScanRequest minute =
                ScanRequest.builder().timeout(Duration.ofMinutes(1)).build();
        onWallClock.submit(
                platform, minute, ScanState.begin(minute, wall.instant()), ScanListener.SILENT, r -> results.put(1, r));
        scheduler.runFor(Duration.ofSeconds(20));
        setBack[0] = Duration.ofSeconds(7);
        scheduler.runFor(Duration.ofMinutes(2));
        ScanResult result = results.get(1);
        assertEquals(ErrorKind.TIMEOUT, result.errorKind());
        assertEquals(Duration.ofMinutes(1), Duration.between(result.requestedAt(), result.finishedAt()));
    }

    @Test
    public void theVerdictFollowsTheEndOfTheAnalysisWithinOnePollInterval() {
        ScanRequest patient =
                ScanRequest.builder().maxPollInterval(Duration.ofSeconds(30)).build();
        for (int i = 0; i < 20; i++) {
            submit(i, patient);
        }
        scheduler.runFor(Duration.ofMinutes(10));
        Instant platformDone = platform.runEndsAt();
        assertNotNull(platformDone);
        for (Instant done : finishedAt.values()) {
            Duration delay = Duration.between(platformDone, done);
            assertTrue(!delay.isNegative());
            assertThat(delay, lessThanOrEqualTo(Duration.ofSeconds(30)));
        }
    }

    @Test(timeout = 20_000)
    public void aHangingPlatformCannotHoldAScanPastItsDeadlineWhileOthersWait() throws Exception {
        // Real threads: the tick is stuck in the status call while the deadline passes.
        java.util.concurrent.ScheduledExecutorService threads =
                java.util.concurrent.Executors.newScheduledThreadPool(2);
        try {
            FakePlatform hanging = new FakePlatform(clock);
            hanging.statusHangs = new java.util.concurrent.CountDownLatch(1);
            AnalysisCoordinator shared = new AnalysisCoordinator(threads, java.time.Clock.systemUTC());
            ScanRequest soon =
                    ScanRequest.builder().timeout(Duration.ofMillis(300)).build();
            ScanRequest later =
                    ScanRequest.builder().timeout(Duration.ofMinutes(10)).build();
            java.util.concurrent.CompletableFuture<ScanResult> first = new java.util.concurrent.CompletableFuture<>();
            java.util.concurrent.CompletableFuture<ScanResult> second = new java.util.concurrent.CompletableFuture<>();
            long started = System.nanoTime();
            shared.submit(hanging, soon, ScanState.begin(soon, Instant.now()), ScanListener.SILENT, first::complete);
            AnalysisCoordinator.Ticket other = shared.submit(
                    hanging, later, ScanState.begin(later, Instant.now()), ScanListener.SILENT, second::complete);

            ScanResult timedOut = first.get(5, java.util.concurrent.TimeUnit.SECONDS);
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(ErrorKind.TIMEOUT, timedOut.errorKind());
            assertThat("ended at its deadline, not when the platform answered", tookMillis, lessThanOrEqualTo(2_000L));
            assertTrue("the other scan still waits", !second.isDone());

            other.cancel();
            hanging.statusHangs.countDown();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    public void aPollWithNoThreadFreeIsTriedAgainShortly() {
        int[] offered = {0};
        java.util.concurrent.Executor busyAtFirst = command -> {
            if (offered[0]++ < 3) {
                throw new java.util.concurrent.RejectedExecutionException("every poll thread is busy");
            }
            scheduler.execute(command);
        };
        AnalysisCoordinator withBusyPolls = new AnalysisCoordinator(scheduler, busyAtFirst, clock);
        withBusyPolls.submit(
                platform,
                request,
                ScanState.begin(request, clock.instant()),
                ScanListener.SILENT,
                r -> results.put(1, r));
        scheduler.runFor(Duration.ofSeconds(2));
        assertEquals("not polled while no thread is free", 0, platform.calls("status"));
        scheduler.runFor(Duration.ofMinutes(5));
        assertEquals(Verdict.PASSED, results.get(1).verdict());
    }

    @Test(timeout = 20_000)
    public void deadlinesFireOnTimeWhileThePollsOfEveryCoordinatorHang() throws Exception {
        // As in Jenkins: one timer thread that never waits for a platform, and the polls on a pool of their own.
        java.util.concurrent.ScheduledExecutorService timer =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        java.util.concurrent.ExecutorService polls = java.util.concurrent.Executors.newCachedThreadPool();
        java.util.concurrent.CountDownLatch hang = new java.util.concurrent.CountDownLatch(1);
        try {
            AnalysisCoordinators shared = new AnalysisCoordinators(timer, polls, java.time.Clock.systemUTC());
            ScanRequest soon =
                    ScanRequest.builder().timeout(Duration.ofMillis(300)).build();
            List<java.util.concurrent.CompletableFuture<ScanResult>> ends = new java.util.ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                FakePlatform hanging = new FakePlatform(clock);
                hanging.key = "credential-" + i;
                hanging.statusHangs = hang;
                java.util.concurrent.CompletableFuture<ScanResult> end = new java.util.concurrent.CompletableFuture<>();
                shared.submit(hanging, soon, ScanState.begin(soon, Instant.now()), ScanListener.SILENT, end::complete);
                ends.add(end);
            }
            for (java.util.concurrent.CompletableFuture<ScanResult> end : ends) {
                assertEquals(
                        ErrorKind.TIMEOUT,
                        end.get(5, java.util.concurrent.TimeUnit.SECONDS).errorKind());
            }
            assertThat((System.nanoTime() - started) / 1_000_000, lessThanOrEqualTo(2_000L));
            assertEquals(3, shared.size());
        } finally {
            hang.countDown();
            timer.shutdownNow();
            polls.shutdownNow();
        }
    }
}
