package io.jenkins.plugins.codescoring.scan;

import static io.jenkins.plugins.codescoring.scan.FakeApi.status;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.ManualClock;
import io.jenkins.plugins.codescoring.api.StartOutcome;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Test;

/**
 * Transient failures (503, 429, connection trouble, no answer in time) are tried again for a time, not a
 * number of times: the rule itself ({@link TransientPatience}) and a single scan ({@link ScanEngine}) that
 * meets them on each of its calls. Time is a manual clock, so the waits are exact.
 */
public class TransientPatienceTest {
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final CodescoringException OUTAGE = new CodescoringException(
            ErrorKind.SERVER_ERROR,
            "The platform at http://cs failed on GET /api/analyses/overall_sca/status/ (HTTP 503, 4 attempts).");
    private static final CodescoringException REFUSED =
            new CodescoringException(ErrorKind.UNREACHABLE, "connection refused");

    private final ManualClock clock = new ManualClock();
    private final List<String> lines = new ArrayList<>();
    /** The defaults: patience 2 min, waits from 2 s to 30 s; an hour until the deadline. */
    private final ScanRequest request =
            ScanRequest.builder().timeout(Duration.ofHours(1)).build();

    private final TransientPatience patience = new TransientPatience(request);

    private ScanResult run(FakeApi api, ScanRequest scanRequest) throws InterruptedException {
        return new ScanRunner(api, clock, clock.sleeper()).run(scanRequest, lines::add);
    }

    private List<String> linesWith(String words) {
        return lines.stream().filter(l -> l.contains(words)).collect(Collectors.toList());
    }

    private static Object[] times(int count, Object value) {
        Object[] values = new Object[count];
        java.util.Arrays.fill(values, value);
        return values;
    }

    // ---- the rule ----------------------------------------------------------------------------------

    @Test
    public void theWaitGrowsWithTheStreakAndTheLastTryFallsOnTheEndOfThePatience() {
        Instant deadline = T0.plus(Duration.ofHours(1));
        assertEquals(
                Duration.ofSeconds(2), patience.next(T0, deadline, null, T0).retryIn());
        assertEquals(
                "half the streak so far",
                Duration.ofSeconds(5),
                patience.next(T0, deadline, null, T0.plusSeconds(10)).retryIn());
        assertEquals(
                "at most the longest poll interval",
                Duration.ofSeconds(30),
                patience.next(T0, deadline, null, T0.plusSeconds(80)).retryIn());
        assertEquals(
                "the last try at the end of the patience",
                Duration.ofSeconds(20),
                patience.next(T0, deadline, null, T0.plusSeconds(100)).retryIn());
        TransientPatience.Next spent = patience.next(T0, deadline, null, T0.plusSeconds(120));
        assertNull(spent.retryIn());
        assertEquals(
                "Tried again for 2 min (the patience for transient failures is 2 min); giving up.", spent.givingUp());
    }

    @Test
    public void aRetryAfterIsHonouredWithinThePatience() {
        Instant deadline = T0.plus(Duration.ofHours(1));
        assertEquals(
                Duration.ofSeconds(45),
                patience.next(T0, deadline, Duration.ofSeconds(45), T0).retryIn());
        assertEquals(
                "a shorter Retry-After does not hurry the backoff",
                Duration.ofSeconds(20),
                patience.next(T0, deadline, Duration.ofSeconds(1), T0.plusSeconds(40))
                        .retryIn());
        TransientPatience.Next tooLong = patience.next(T0, deadline, Duration.ofMinutes(3), T0.plusSeconds(10));
        assertNull("a Retry-After past the patience is not waited for", tooLong.retryIn());
        assertThat(tooLong.givingUp(), containsString("The platform asked to wait 3 min before trying again"));
    }

    @Test
    public void theDeadlineCapsThePatience() {
        Instant deadline = T0.plusSeconds(30);
        assertEquals(
                Duration.ofSeconds(9),
                patience.next(T0, deadline, null, T0.plusSeconds(18)).retryIn());
        TransientPatience.Next late = patience.next(T0, deadline, null, T0.plusSeconds(28));
        assertNull("the next try would come at the deadline", late.retryIn());
        assertEquals(
                "The scan's deadline comes before the next try; giving up after trying for 28 s.", late.givingUp());
        assertEquals(Duration.ofSeconds(30), patience.left(T0, deadline, T0));
        assertEquals(Duration.ofMinutes(2), patience.left(T0, T0.plus(Duration.ofHours(1)), T0));
    }

    // ---- a single scan -----------------------------------------------------------------------------

    @Test
    public void aStreakIsRiddenOutAndSaidOnceWhenItBeginsAndOnceWhenItEnds() throws Exception {
        FakeApi api = new FakeApi().statuses(status("5", "success"), status("6", "in_progress"));
        api.statuses(times(6, OUTAGE)).statuses(status("6", "success"));

        ScanResult result = run(api, request);

        assertEquals(lines.toString(), Verdict.PASSED, result.verdict());
        assertEquals(
                lines.toString(),
                List.of(OUTAGE.getMessage() + " Trying again for up to 2 min."),
                linesWith("Trying again"));
        assertEquals(
                lines.toString(),
                1,
                linesWith("The platform answers again, after").size());
        assertEquals("more failed checks than the 3 in a row once allowed", 1 + 1 + 6 + 1, api.count("status"));
    }

    @Test
    public void aStreakThatOutlastsThePatienceEndsTheScanNamingTheFailureAndHowLongItTried() throws Exception {
        FakeApi api = new FakeApi().statuses(status("5", "success"), REFUSED);

        ScanResult result = run(api, request);

        assertEquals(ErrorKind.UNREACHABLE, result.errorKind());
        assertEquals(
                "connection refused Tried again for 2 min (the patience for transient failures is 2 min); giving up.",
                result.errorMessage());
        // The first poll at 0 s starts the analysis; the next, 2 s later, fails; the last try falls 2 min after it.
        assertEquals(Duration.ofSeconds(122), Duration.between(result.requestedAt(), result.finishedAt()));
        assertThat("tried by time, not 3 times", api.count("status"), greaterThan(8));
        for (Duration sleep : clock.sleeps()) {
            assertThat(sleep, lessThanOrEqualTo(request.maxPollInterval()));
        }
        assertEquals(1, linesWith("Trying again").size());
    }

    @Test
    public void theStreakStartsAfreshAfterASuccess() throws Exception {
        // Two streaks of about 100 s each: 200 s of failures, but never 2 min in a row.
        FakeApi api = new FakeApi()
                .statuses(status("5", "success"))
                .statuses(times(10, REFUSED))
                .statuses(status("6", "in_progress"))
                .statuses(times(10, REFUSED))
                .statuses(status("6", "success"));

        ScanResult result = run(api, request);

        assertEquals(lines.toString(), Verdict.PASSED, result.verdict());
        assertThat(Duration.between(result.requestedAt(), result.finishedAt()), greaterThan(Duration.ofSeconds(190)));
        assertEquals(2, linesWith("Trying again for up to 2 min").size());
        assertEquals(2, linesWith("The platform answers again").size());
    }

    @Test
    public void theDeadlineComesFirstWhenItIsNearerThanThePatience() throws Exception {
        ScanRequest soon = ScanRequest.builder().timeout(Duration.ofSeconds(60)).build();
        FakeApi api = new FakeApi().statuses(status("5", "success"), REFUSED);

        ScanResult result = run(api, soon);

        assertEquals(ErrorKind.UNREACHABLE, result.errorKind());
        assertThat(
                result.errorMessage(),
                containsString("The scan's deadline comes before the next try; giving up after trying for"));
        Duration elapsed = Duration.between(result.requestedAt(), result.finishedAt());
        assertThat(elapsed, lessThanOrEqualTo(Duration.ofSeconds(60)));
        assertThat(elapsed, greaterThanOrEqualTo(Duration.ofSeconds(30)));
        assertEquals(List.of("connection refused Trying again for up to 58 s."), linesWith("Trying again"));
    }

    @Test
    public void aRetryAfterIsWaitedOutBetweenStepsNotInsideOne() throws Exception {
        CodescoringException throttled =
                new CodescoringException(ErrorKind.RATE_LIMITED, "HTTP 429", null, Duration.ofSeconds(40));
        FakeApi api = new FakeApi().statuses(status("5", "success"), throttled, status("6", "success"));

        ScanResult result = run(api, request);

        assertEquals(Verdict.PASSED, result.verdict());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(40)), clock.sleeps());
    }

    @Test
    public void aStartThatFailsTransientlyIsAskedForAgainAfterTheStatusIsReadAgain() throws Exception {
        FakeApi api = new FakeApi()
                .statuses(
                        status("5", "success"),
                        status("5", "success"),
                        status("5", "success"),
                        status("6", "in_progress"),
                        status("6", "success"))
                .starts(OUTAGE, OUTAGE, StartOutcome.started("6"));

        ScanResult result = run(api, request);

        assertEquals(lines.toString(), Verdict.PASSED, result.verdict());
        assertEquals("6", result.analysisRunId());
        assertEquals(
                List.of("status", "start", "status", "start", "status", "start", "status", "status", "alerts"),
                api.calls);
    }

    @Test
    public void alertsThatFailTransientlyAreReadAgain() throws Exception {
        FakeApi api = new FakeApi().statuses(status("5", "success"), status("6", "success"));
        api.alertsFailure = OUTAGE;
        api.alertsFailing = 3;

        ScanResult result = run(api, request);

        assertEquals(lines.toString(), Verdict.PASSED, result.verdict());
        assertEquals(4, api.count("alerts"));
        assertEquals("the status is not read again while the alerts are retried", 2, api.count("status"));
    }

    @Test
    public void otherFailuresStillEndTheScanAtOnce() throws Exception {
        CodescoringException internalError =
                new CodescoringException(ErrorKind.SERVER_ERROR, "HTTP 500", null, null, false);
        for (CodescoringException failure : List.of(
                internalError,
                new CodescoringException(ErrorKind.TOKEN_REJECTED, "HTTP 401"),
                new CodescoringException(ErrorKind.NOT_CODESCORING_API, "an HTML page, not JSON"))) {
            FakeApi api = new FakeApi().statuses(status("5", "success"), failure);
            ScanResult result = run(api, request);
            assertEquals(failure.kind(), result.errorKind());
            assertEquals(failure.getMessage(), result.errorMessage());
            assertEquals(2, api.count("status"));
        }
    }

    // ---- scans saved by an older version -----------------------------------------------------------

    /** A ScanRequest and a waiting ScanState (run 6 running, 2 failed polls counted) as the previous version saved them. */
    private static final String OLD_REQUEST =
            "rO0ABXNyAC9pby5qZW5raW5zLnBsdWdpbnMuY29kZXNjb3Jpbmcuc2Nhbi5TY2FuUmVxdWVzdAAAAAAAAAABAgAISQAVdG9sZXJhdGVkUG9sbEZhaWx1cmVzTAARZmlyc3RQb2xsSW50ZXJ2YWx0ABRMamF2YS90aW1lL0R1cmF0aW9uO0wAD21heFBvbGxJbnRlcnZhbHEAfgABTAAMcGxhdGZvcm1OYW1ldAASTGphdmEvbGFuZy9TdHJpbmc7TAAHcHJvamVjdHEAfgACTAAFc3RhZ2VxAH4AAkwAEnN0YXJ0VmlzaWJsZVdpdGhpbnEAfgABTAAHdGltZW91dHEAfgABeHAAAAADc3IADWphdmEudGltZS5TZXKVXYS6GyJIsgwAAHhwdw0BAAAAAAAAAAIAAAAAeHNxAH4ABHcNAQAAAAAAAAAeAAAAAHhwdAAEc2hvcHQABWJ1aWxkc3EAfgAEdw0BAAAAAAAAASwAAAAAeHNxAH4ABHcNAQAAAAAAAAcIAAAAAHg=";

    private static final String OLD_STATE =
            "rO0ABXNyAC1pby5qZW5raW5zLnBsdWdpbnMuY29kZXNjb3Jpbmcuc2Nhbi5TY2FuU3RhdGUAAAAAAAAAAQIAEEkAE2NvbnNlY3V0aXZlRmFpbHVyZXNJAAxwb2xsc0luUGhhc2VaAA1zY29wZVJlc29sdmVkTAAOYmFzZWxpbmVSdW5LZXl0ABJMamF2YS9sYW5nL1N0cmluZztMAAhkZWFkbGluZXQAE0xqYXZhL3RpbWUvSW5zdGFudDtMAA5sYXN0UHJvZ3Jlc3NBdHEAfgACTAAIbGFzdFdvcmRxAH4AAUwACG91clJ1bklkcQB+AAFMAAlvdXJSdW5LZXlxAH4AAUwABXBoYXNldAArTGlvL2plbmtpbnMvcGx1Z2lucy9jb2Rlc2NvcmluZy9zY2FuL1BoYXNlO0wACXByb2plY3RJZHEAfgABTAAMcHJvamVjdExhYmVscQB+AAFMABRyZXBvcnRlZFVua25vd25Xb3Jkc3QAE0xqYXZhL3V0aWwvSGFzaFNldDtMAAtyZXF1ZXN0ZWRBdHEAfgACTAAGcmVzdWx0dAAwTGlvL2plbmtpbnMvcGx1Z2lucy9jb2Rlc2NvcmluZy9zY2FuL1NjYW5SZXN1bHQ7TAAPc3RhcnRBY2NlcHRlZEF0cQB+AAJ4cAAAAAIAAAACAXQAATVzcgANamF2YS50aW1lLlNlcpVdhLobIkiyDAAAeHB3DQIAAAAAaVZMqAAAAAB4cHQAC2luX3Byb2dyZXNzdAABNnEAfgALfnIAKWlvLmplbmtpbnMucGx1Z2lucy5jb2Rlc2NvcmluZy5zY2FuLlBoYXNlAAAAAAAAAAASAAB4cgAOamF2YS5sYW5nLkVudW0AAAAAAAAAABIAAHhwdAAHUlVOTklOR3Bwc3IAEWphdmEudXRpbC5IYXNoU2V0ukSFlZa4tzQDAAB4cHcMAAAAED9AAAAAAAAAeHNxAH4ACHcNAgAAAABpVkWgAAAAAHhwc3EAfgAIdw0CAAAAAGlWRaEAAAAAeA==";

    @Test
    public void aScanSavedByAnOlderVersionResumesWithTheDefaultPatience() throws Exception {
        ScanRequest old = (ScanRequest) decode(OLD_REQUEST);
        ScanState state = (ScanState) decode(OLD_STATE);
        assertEquals(ScanRequest.DEFAULT_TRANSIENT_PATIENCE, old.transientPatience());
        assertEquals("shop", old.project());
        assertEquals(Phase.RUNNING, state.phase());
        assertNull(state.failingSince());

        clock.advance(Duration.between(clock.instant(), state.requestedAt().plusSeconds(60)));
        FakeApi api = new FakeApi().statuses(times(5, REFUSED)).statuses(status("6", "success"));
        ScanResult result = new ScanRunner(api, clock, clock.sleeper()).resume(old, state, lines::add);

        assertEquals(lines.toString(), Verdict.PASSED, result.verdict());
        assertEquals("6", result.analysisRunId());
    }

    private static Object decode(String base64) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(
                new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            return in.readObject();
        }
    }
}
