package io.jenkins.plugins.codescoring.scan;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Test;

/**
 * What the coordinator does when a tick goes wrong in a way no platform answer explains: a bug inside the tick,
 * an interrupt, a timer that is stopping, a polls executor with no thread free.
 */
public class CoordinatorFailureTest {
    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakePlatform platform = new FakePlatform(clock);
    private final ScanRequest request =
            ScanRequest.builder().timeout(Duration.ofMinutes(30)).build();
    private final Map<Integer, ScanResult> results = new HashMap<>();
    private final Map<Integer, Instant> finishedAt = new HashMap<>();
    private ScheduledThreadPoolExecutor realTimer;

    @After
    public void stopTimer() {
        if (realTimer != null) {
            realTimer.shutdownNow();
        }
        Thread.interrupted(); // a failed assertion must not leave the test thread interrupted
    }

    private void submit(AnalysisCoordinator coordinator, int scan) {
        coordinator.submit(
                platform, request, ScanState.begin(request, clock.instant()), ScanListener.SILENT, result -> {
                    assertNull("a scan completes once", results.put(scan, result));
                    finishedAt.put(scan, clock.instant());
                });
    }

    @Test
    public void anUnexpectedFailureInATickEndsEveryWaitingScanAtOnceWithAClearError() {
        AnalysisCoordinator coordinator = new AnalysisCoordinator(scheduler, clock);
        for (int i = 0; i < 5; i++) {
            submit(coordinator, i);
        }
        scheduler.runFor(Duration.ofSeconds(20));
        assertTrue("the analysis is running", results.isEmpty());
        Instant[] failedAt = new Instant[1];
        platform.afterStatusRead = () -> {
            failedAt[0] = clock.instant();
            throw new IllegalStateException("a bug in the tick");
        };
        Instant failedFrom = clock.instant();
        scheduler.runFor(Duration.ofSeconds(31));
        assertEquals(5, results.size());
        for (ScanResult result : results.values()) {
            assertEquals(Verdict.ERROR, result.verdict());
            assertEquals(ErrorKind.UNREADABLE_RESPONSE, result.errorKind());
            assertEquals(
                    "Unexpected failure while waiting for the analysis: IllegalStateException", result.errorMessage());
        }
        assertEquals(
                "every scan ended by the same tick",
                1,
                finishedAt.values().stream().distinct().count());
        assertEquals("by the tick that failed, not a later one", failedAt[0], finishedAt.get(0));
        assertThat(
                "long before the 30 min deadline",
                Duration.between(failedFrom, finishedAt.get(0)),
                lessThan(Duration.ofSeconds(31)));
        assertEquals(0, coordinator.waiting());
        assertEquals("no tick and no deadline check is left scheduled", 0, scheduler.pending());

        // The coordinator itself goes on: a later scan gets its verdict.
        submit(coordinator, 9);
        scheduler.runFor(Duration.ofMinutes(10));
        assertEquals(Verdict.PASSED, results.get(9).verdict());
    }

    /** The first tick fails while no analysis runs: the scans end and the coordinator schedules nothing more. */
    @Test
    public void aFirstTickThatFailsEndsItsScansAndLeavesNothingScheduled() {
        AnalysisCoordinator coordinator = new AnalysisCoordinator(scheduler, clock);
        submit(coordinator, 1);
        submit(coordinator, 2);
        platform.afterStatusRead = () -> {
            throw new IllegalStateException("a bug in the tick");
        };
        scheduler.runFor(Duration.ofMillis(60)); // the first tick, at 50 ms
        assertEquals(2, results.size());
        assertEquals(ErrorKind.UNREADABLE_RESPONSE, results.get(1).errorKind());
        assertEquals(0, coordinator.waiting());
        assertEquals("no tick and no deadline check", 0, scheduler.pending());
    }

    @Test
    public void anInterruptedTickKeepsTheInterruptFailsNobodyAndPollsAgainLater() {
        AnalysisCoordinator coordinator = new AnalysisCoordinator(scheduler, clock);
        for (int i = 0; i < 3; i++) {
            submit(coordinator, i);
        }
        platform.statusHangs = new CountDownLatch(1);
        Thread.currentThread().interrupt(); // the status call waits on the latch, so it sees the interrupt
        scheduler.runFor(Duration.ofMillis(60));
        assertTrue("the tick restores the interrupt it caught", Thread.interrupted());
        assertTrue("nobody failed", results.isEmpty());
        assertEquals(3, coordinator.waiting());
        assertEquals("a tick is scheduled again (with the three deadline checks)", 4, scheduler.pending());
        platform.statusHangs = null;
        scheduler.runFor(Duration.ofMinutes(10));
        assertEquals(3, results.size());
        results.values().forEach(r -> assertEquals(Verdict.PASSED, r.verdict()));
    }

    @Test
    public void aScanSubmittedWhileTheTimerStopsWaitsForItsResumeWithoutThrowing() {
        realTimer = new ScheduledThreadPoolExecutor(1);
        realTimer.shutdown();
        AnalysisCoordinator coordinator = new AnalysisCoordinator(realTimer, clock);
        submit(coordinator, 1);
        assertEquals(1, coordinator.waiting());
        assertTrue(results.isEmpty());
        assertFalse(
                "a scan waits: the coordinator is not idle",
                coordinator.isIdleSince(clock.instant().plusSeconds(60)));
        assertEquals(0, platform.totalCalls());
    }

    @Test
    public void aTickWithNoPollThreadFreeIsTriedAgainEverySecondUntilOneIs() {
        AtomicInteger refusals = new AtomicInteger(3);
        Executor busy = command -> {
            if (refusals.getAndDecrement() > 0) {
                throw new RejectedExecutionException("no thread free");
            }
            command.run();
        };
        AnalysisCoordinator coordinator = new AnalysisCoordinator(scheduler, busy, clock);
        Instant submitted = clock.instant();
        submit(coordinator, 1);
        // First try at 50 ms, then 1 s after each refusal: the status is read at 3.05 s.
        scheduler.runFor(Duration.ofMillis(3049));
        assertEquals("no status read while no thread is free", 0, platform.calls("status"));
        scheduler.runFor(Duration.ofMillis(2));
        assertEquals(1, platform.calls("status"));
        scheduler.runFor(Duration.ofMinutes(10));
        assertEquals(Verdict.PASSED, results.get(1).verdict());
        assertThat(Duration.between(submitted, finishedAt.get(1)), greaterThanOrEqualTo(platform.analysisDuration));
    }

    @Test
    public void aTickRefusedWhileTheTimerStopsIsNotRescheduled() throws Exception {
        realTimer = new ScheduledThreadPoolExecutor(1);
        realTimer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // the 30 min deadline check
        CountDownLatch refused = new CountDownLatch(1);
        AtomicInteger tries = new AtomicInteger();
        Executor stopping = command -> {
            tries.incrementAndGet();
            realTimer.shutdown();
            refused.countDown();
            throw new RejectedExecutionException("Jenkins is stopping");
        };
        AnalysisCoordinator coordinator = new AnalysisCoordinator(realTimer, stopping, java.time.Clock.systemUTC());
        coordinator.submit(
                platform,
                request,
                ScanState.begin(request, Instant.now()),
                ScanListener.SILENT,
                r -> results.put(1, r));
        assertTrue(refused.await(30, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(realTimer.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, tries.get());
        assertEquals("the scan waits for its resume after the restart", 1, coordinator.waiting());
        assertTrue(results.isEmpty());
    }
}
