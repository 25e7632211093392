package io.jenkins.plugins.codescoring.scan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Who waits in a coordinator, and what leaving and arriving cost: counts, cancellations before a tick, polls at once. */
public class CoordinatorQueueTest {
    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakePlatform platform = new FakePlatform(clock);
    private final AnalysisCoordinator coordinator = new AnalysisCoordinator(scheduler, clock);
    private final ScanRequest request =
            ScanRequest.builder().timeout(Duration.ofMinutes(30)).build();
    private final List<ScanResult> results = new ArrayList<>();

    private AnalysisCoordinator.Ticket submit() {
        return coordinator.submit(
                platform, request, ScanState.begin(request, clock.instant()), ScanListener.SILENT, results::add);
    }

    @Test
    public void scansCountAsWaitingFromTheirSubmissionAndPollNowSaysWhetherAnyWaits() {
        assertFalse("nobody waits: no tick follows", coordinator.pollNow());
        submit();
        submit();
        submit();
        assertEquals("arrivals not yet admitted by a tick", 3, coordinator.waiting());
        assertTrue(coordinator.pollNow());
        scheduler.runFor(Duration.ofSeconds(10));
        assertEquals(3, coordinator.waiting());
        assertTrue(coordinator.pollNow());
        scheduler.runFor(Duration.ofMinutes(10));
        assertEquals(0, coordinator.waiting());
        assertFalse(coordinator.pollNow());
        assertTrue(coordinator.isIdleSince(clock.instant()));
        assertFalse(
                "busy until the last tick",
                coordinator.isIdleSince(clock.instant().minus(Duration.ofMinutes(9))));
    }

    @Test
    public void aScanCancelledBeforeItsFirstTickCostsNoCallAndLeavesNothingScheduled() {
        submit().cancel();
        scheduler.runFor(Duration.ofSeconds(1));
        assertEquals(0, platform.totalCalls());
        assertEquals(0, coordinator.waiting());
        assertEquals("neither a tick nor its deadline check", 0, scheduler.pending());
        assertTrue(results.isEmpty());
    }

    @Test
    public void aScanArrivingAfterEveryoneLeftARunningAnalysisIsPolledAtOnce() {
        AnalysisCoordinator.Ticket first = submit();
        scheduler.runFor(Duration.ofSeconds(60));
        first.cancel();
        scheduler.runFor(Duration.ofSeconds(31)); // the next tick lets it go
        assertEquals(0, coordinator.waiting());
        int polls = platform.calls("status");
        submit();
        scheduler.runFor(Duration.ofMillis(60));
        assertEquals(
                "polled within the first tick delay, not the regular interval", polls + 1, platform.calls("status"));
    }

    /** A build aborted while the tick reads the status: the same tick lets the scan go and stops its deadline check. */
    @Test
    public void aScanCancelledDuringATickLeavesWithThatTick() {
        AnalysisCoordinator.Ticket ticket = submit();
        platform.afterStatusRead = ticket::cancel;
        scheduler.runFor(Duration.ofMillis(60)); // the first tick, at 50 ms
        assertEquals(1, platform.calls("status"));
        assertEquals(0, coordinator.waiting());
        assertEquals("neither a next tick nor the deadline check", 0, scheduler.pending());
        scheduler.runFor(Duration.ofMinutes(40));
        assertEquals("no call after it left", 1, platform.totalCalls());
        assertTrue("a cancelled scan gets no result", results.isEmpty());
    }
}
