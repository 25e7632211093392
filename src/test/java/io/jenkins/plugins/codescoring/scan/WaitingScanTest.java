package io.jenkins.plugins.codescoring.scan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;

import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** A waiting scan changes no more once done, and hands its result over exactly once. */
public class WaitingScanTest {
    private final ManualClock clock = new ManualClock();
    private final List<ScanResult> results = new ArrayList<>();
    private final ScanRequest request =
            ScanRequest.builder().timeout(Duration.ofMinutes(1)).build();
    private final WaitingScan scan = new WaitingScan(
            request,
            ScanState.begin(request, clock.instant()),
            ScanListener.SILENT,
            results::add,
            "https://codescoring.example.com");

    @Test
    public void theFirstEndWinsAndTheResultIsHandedOverOnce() {
        scan.fail(new CodescoringException(ErrorKind.SERVER_ERROR, "first"), clock.instant());
        scan.fail(new CodescoringException(ErrorKind.TOKEN_REJECTED, "second"), clock.instant());
        clock.advance(Duration.ofMinutes(2));
        scan.timeOut(clock.instant());
        scan.complete();
        scan.complete();
        assertEquals(1, results.size());
        assertEquals(ErrorKind.SERVER_ERROR, results.get(0).errorKind());
    }

    @Test
    public void aSnapshotIsACopyThatLaterChangesDoNotTouch() {
        ScanState before = scan.snapshot();
        assertNotSame(before, scan.snapshot());
        scan.fail(new CodescoringException(ErrorKind.SERVER_ERROR, "boom"), clock.instant());
        assertNull(before.result());
        assertEquals(ErrorKind.SERVER_ERROR, scan.snapshot().result().errorKind());
    }

    @Test
    public void aCallbackThatThrowsDoesNotEscapeIsCalledOnceAndStillStopsTheDeadlineWatch() {
        List<ScanResult> handed = new ArrayList<>();
        WaitingScan throwing = new WaitingScan(
                request,
                ScanState.begin(request, clock.instant()),
                ScanListener.SILENT,
                result -> {
                    handed.add(result);
                    throw new IllegalStateException("callback failed");
                },
                "https://codescoring.example.com");
        ManualScheduler timer = new ManualScheduler(clock);
        throwing.deadlineCheck = timer.schedule(() -> {}, 1, java.util.concurrent.TimeUnit.MINUTES);
        throwing.fail(new CodescoringException(ErrorKind.SERVER_ERROR, "boom"), clock.instant());
        throwing.complete(); // logged, not thrown: the coordinator's other scans go on
        throwing.complete();
        assertEquals(1, handed.size());
        assertEquals(ErrorKind.SERVER_ERROR, handed.get(0).errorKind());
        assertEquals("the deadline check is cancelled", 0, timer.pending());
    }

    @Test
    public void aDoneScanIgnoresLaterStatusesStartsAndDecisions() {
        scan.fail(new CodescoringException(ErrorKind.SERVER_ERROR, "first"), clock.instant());
        assertEquals(
                AnalysisTracker.Action.FINISHED,
                scan.observe(
                        new io.jenkins.plugins.codescoring.api.AnalysisStatus("41", "success", null, null, null),
                        clock.instant()));
        scan.started(io.jenkins.plugins.codescoring.api.StartOutcome.started("42"), clock.instant());
        assertNull(scan.callFailed(
                new CodescoringException(ErrorKind.TOKEN_REJECTED, "later"), clock.instant(), clock.instant()));
        assertEquals(Phase.DONE, scan.snapshot().phase());
        assertEquals(ErrorKind.SERVER_ERROR, scan.snapshot().result().errorKind());
        assertNull(scan.snapshot().ourRunId());
    }

    @Test
    public void aTimeOutBeforeTheDeadlineChangesNothing() {
        assertEquals(false, scan.timeOut(clock.instant().plusSeconds(59)));
        assertEquals(false, scan.isDone());
        assertEquals(true, scan.timeOut(clock.instant().plusSeconds(60)));
        assertEquals(ErrorKind.TIMEOUT, scan.snapshot().result().errorKind());
    }
}
