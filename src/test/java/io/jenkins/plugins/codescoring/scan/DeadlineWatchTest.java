package io.jenkins.plugins.codescoring.scan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Each waiting scan ends at its own deadline, whatever the ticks do. */
public class DeadlineWatchTest {
    private final ManualClock clock = new ManualClock();
    private final ManualScheduler timer = new ManualScheduler(clock);
    private final DeadlineWatch watch = new DeadlineWatch(timer, clock);
    private final List<ScanResult> results = new ArrayList<>();

    private WaitingScan scan(Duration timeout) {
        ScanRequest request = ScanRequest.builder().timeout(timeout).build();
        return new WaitingScan(
                request,
                ScanState.begin(request, clock.instant()),
                ScanListener.SILENT,
                results::add,
                "https://codescoring.example.com");
    }

    @Test
    public void aScanEndsWithATimeoutAtItsDeadlineAndNotBefore() {
        WaitingScan scan = scan(Duration.ofSeconds(5));
        watch.watch(scan);
        timer.runFor(Duration.ofMillis(4_999));
        assertTrue(results.isEmpty());
        timer.runFor(Duration.ofMillis(1));
        assertEquals(1, results.size());
        assertEquals(Verdict.ERROR, results.get(0).verdict());
        assertEquals(ErrorKind.TIMEOUT, results.get(0).errorKind());
    }

    @Test
    public void eachScanKeepsItsOwnDeadline() {
        WaitingScan shortScan = scan(Duration.ofSeconds(2));
        WaitingScan longScan = scan(Duration.ofSeconds(10));
        watch.watch(longScan);
        watch.watch(shortScan);
        timer.runFor(Duration.ofSeconds(3));
        assertEquals(1, results.size());
        assertTrue(shortScan.isDone());
        timer.runFor(Duration.ofSeconds(7));
        assertEquals(2, results.size());
    }

    @Test
    public void aCancelledOrFinishedScanIsLeftAlone() {
        WaitingScan cancelled = scan(Duration.ofSeconds(1));
        WaitingScan finished = scan(Duration.ofSeconds(1));
        watch.watch(cancelled);
        watch.watch(finished);
        cancelled.cancel();
        finished.fail(
                new io.jenkins.plugins.codescoring.api.CodescoringException(ErrorKind.SERVER_ERROR, "boom"),
                clock.instant());
        timer.runFor(Duration.ofSeconds(2));
        assertTrue(results.isEmpty());
        assertNull("a cancelled scan gets no result", cancelled.snapshot().result());
        assertEquals(ErrorKind.SERVER_ERROR, finished.snapshot().result().errorKind());
    }
}
