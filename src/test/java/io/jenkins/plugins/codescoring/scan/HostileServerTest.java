package io.jenkins.plugins.codescoring.scan;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jenkins.plugins.codescoring.api.ApiPaths;
import io.jenkins.plugins.codescoring.api.ApiPaths.Endpoint;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.RetryPolicy;
import io.jenkins.plugins.codescoring.api.Sleeper;
import io.jenkins.plugins.codescoring.report.ConsoleReport;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.Fault;
import io.jenkins.plugins.codescoring.simulator.Outcome;
import io.jenkins.plugins.codescoring.simulator.RecordedRequest;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

/**
 * Hostile and broken platforms, end to end: the real HTTP client and {@link ScanRunner} against the
 * simulator over loopback, one misbehaviour per test. Each test checks the outcome (verdict or error
 * kind), the words a user reads in the console report, that the report says what to do, and that the
 * whole scan ended within its deadline. Backoffs and request timeouts are short so the class runs in
 * seconds; the production defaults differ only in scale.
 */
public class HostileServerTest {
    private static final String TOKEN = "hostile-TOKEN-5b7e29c4d1f0a836";
    private static final String START = Endpoint.START_ANALYSIS.defaultPath();
    private static final String STATUS = Endpoint.ANALYSIS_STATUS.defaultPath();
    private static final String ALERTS = Endpoint.ALERTS.defaultPath();
    /** How long one request may take, answer included. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(400);
    /**
     * A fault that answers every request to its path. A fault used once can be spent on a request that the
     * client gave up on (a loaded machine answers slower than REQUEST_TIMEOUT) and then retried.
     */
    private static final int EVERY_TIME = 10_000;
    /** The scan's deadline unless a test says otherwise. */
    private static final Duration SCAN_TIMEOUT = Duration.ofSeconds(6);
    /**
     * The request timeout of the tests whose scans try again for the whole patience: they make many requests,
     * and on a loaded machine one answer may take longer than REQUEST_TIMEOUT, which would change the error.
     */
    private static final Duration PATIENT_REQUEST = Duration.ofSeconds(2);
    /** How long transient failures are tried again in a row. */
    private static final Duration PATIENCE = Duration.ofSeconds(1);
    /**
     * Scheduling noise on a loaded 2-CPU machine: how late a scan may end after its deadline. Generous, yet
     * below the gap between the 2 s bounds and SCAN_TIMEOUT: "ended long before its deadline" stays checked.
     */
    private static final Duration LATE = Duration.ofSeconds(3);
    /** 4 attempts, waits of 20, 40, 80 ms: a retried call ends fast, but it is retried. */
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.defaults()
            .withFirstBackoff(Duration.ofMillis(20))
            .withMaxBackoff(Duration.ofMillis(100))
            .withJitter(0);

    @Rule
    public Timeout timeout = Timeout.seconds(30);

    private CodescoringSimulator platform;
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Before
    public void startPlatform() throws Exception {
        platform = CodescoringSimulator.start(TOKEN);
        platform.setAnalysisDuration(Duration.ofMillis(150));
        platform.setStaleStatusWindow(Duration.ofMillis(50));
        platform.load(Dataset.blocking());
    }

    @After
    public void stopPlatform() {
        platform.close();
    }

    // ---- 5xx and 429 -------------------------------------------------------------------------------

    @Test
    public void aStormOfServerErrorsIsRetriedAndTheVerdictComesWhenThePlatformRecovers() throws Exception {
        platform.inject(Fault.status(503).times(3).onPath(STATUS));
        platform.inject(Fault.status(502).times(3).onPath(START));
        platform.inject(Fault.status(504).times(3).onPath(ALERTS));

        Scan scan = scan();

        assertEquals(scan.report, Verdict.BLOCKED, scan.result.verdict());
        assertEquals(1, scan.result.blockingAlertCount());
        assertTrue("every storm was weathered", platform.faultsUsedUp());
        assertEquals("the start was retried until taken, and taken once", 1, platform.analysisStarts());
        assertEquals(4, requests(START));
        assertOnTime(scan, SCAN_TIMEOUT);
    }

    @Test
    public void aServerErrorStormThatDoesNotEndIsAServerErrorOnceThePatienceIsSpent() throws Exception {
        platform.inject(Fault.status(503).times(10_000));

        Scan scan = scan(request().build(), PATIENT_REQUEST, line -> {});

        assertError(
                scan,
                ErrorKind.SERVER_ERROR,
                "failed on GET " + STATUS,
                "HTTP 503, 4 attempts",
                "Tried again for 1 s (the patience for transient failures is 1 s); giving up.");
        assertThat(
                "tried again by time: more than one call of 4 attempts",
                platform.requestCount(),
                greaterThanOrEqualTo(8));
        assertEquals(0, platform.requestCount() % 4);
        assertEquals("nothing was started", 0, platform.analysisStarts());
        assertThat(scan.elapsed, greaterThanOrEqualTo(PATIENCE));
        assertOnTime(scan, PATIENCE);
    }

    @Test
    public void aServerErrorStormWhileWaitingIsToleratedForThePatienceOnly() throws Exception {
        Scan scan = scan(request().build(), PATIENT_REQUEST, line -> {
            if (line.startsWith("Started a new CodeScoring analysis")) {
                platform.inject(Fault.status(503).times(10_000).onPath(STATUS));
            }
        });

        assertError(scan, ErrorKind.SERVER_ERROR, "HTTP 503, 4 attempts", "Tried again for 1 s");
        assertEquals(
                "said once",
                1,
                progress.stream()
                        .filter(l -> l.contains("Trying again for up to 1 s."))
                        .count());
        assertThat(requests(STATUS), greaterThanOrEqualTo(1 + 2 * 4));
        assertOnTime(scan, SCAN_TIMEOUT);
    }

    @Test
    public void tooManyRequestsWithRetryAfterIsHonouredThenTheVerdictComes() throws Exception {
        platform.inject(Fault.tooManyRequests(1).onPath(STATUS));

        Scan scan = scan();

        assertEquals(scan.report, Verdict.BLOCKED, scan.result.verdict());
        List<RecordedRequest> polls = platform.requests().stream()
                .filter(r -> r.path().equals(STATUS))
                .collect(Collectors.toList());
        Duration gap = Duration.between(polls.get(0).receivedAt(), polls.get(1).receivedAt());
        assertThat("waited as asked (Retry-After: 1) before asking again", gap.toMillis(), greaterThanOrEqualTo(950L));
        assertOnTime(scan, SCAN_TIMEOUT);
    }

    @Test
    public void aRetryAfterPastTheDeadlineIsNotWaitedFor() throws Exception {
        platform.inject(Fault.tooManyRequests(3600).times(10_000));

        Scan scan = scan();

        assertError(scan, ErrorKind.RATE_LIMITED, "HTTP 429");
        assertEquals("no retry that would end after the deadline", 1, platform.requestCount());
        assertOnTime(scan, Duration.ofSeconds(2));
    }

    // ---- answers that are not the API's JSON --------------------------------------------------------

    @Test
    public void anHtmlLoginPageAnsweredWith200IsNotTheApi() throws Exception {
        platform.inject(Fault.html200().times(EVERY_TIME).onPath(ALERTS));

        Scan scan = scan();

        assertError(scan, ErrorKind.NOT_CODESCORING_API, "GET " + ALERTS, "HTML page", "login page or a proxy");
        assertThat(scan.report, not(containsString("Please sign in")));
        assertOnTime(scan, SCAN_TIMEOUT);
    }

    @Test
    public void truncatedJsonIsUnreadable() throws Exception {
        platform.inject(Fault.truncatedJson().times(EVERY_TIME).onPath(ALERTS));

        Scan scan = scan();

        assertError(scan, ErrorKind.UNREADABLE_RESPONSE, "GET " + ALERTS, "HTTP 200", "not valid JSON");
        assertOnTime(scan, SCAN_TIMEOUT);
    }

    @Test
    public void malformedJsonIsUnreadable() throws Exception {
        platform.inject(Fault.malformedJson().times(EVERY_TIME).onPath(STATUS));

        Scan scan = scan();

        assertError(scan, ErrorKind.UNREADABLE_RESPONSE, "GET " + STATUS, "not valid JSON", "The answer began with:");
        assertOnTime(scan, Duration.ofSeconds(2));
    }

    @Test
    public void anEmptyBodyIsUnreadable() throws Exception {
        platform.inject(Fault.emptyBody().times(EVERY_TIME).onPath(STATUS));

        Scan scan = scan();

        assertError(
                scan, ErrorKind.UNREADABLE_RESPONSE, "GET " + STATUS, "the answer is empty", "The answer was empty.");
        assertOnTime(scan, Duration.ofSeconds(2));
    }

    @Test
    public void deeplyNestedJsonIsRefused() throws Exception {
        platform.inject(Fault.deeplyNestedJson(100_000).times(EVERY_TIME).onPath(ALERTS));

        Scan scan = scan();

        assertError(scan, ErrorKind.UNREADABLE_RESPONSE, "GET " + ALERTS, "nested too deeply");
        assertOnTime(scan, SCAN_TIMEOUT);
    }

    @Test
    public void wronglyTypedJsonIsUnreadableAndNamesTheField() throws Exception {
        platform.inject(Fault.wrongTypes().times(EVERY_TIME).onPath(STATUS));

        Scan scan = scan();

        assertError(scan, ErrorKind.UNREADABLE_RESPONSE, "GET " + STATUS, "\"id\" of the analysis status is not an id");
        assertOnTime(scan, Duration.ofSeconds(2));
    }

    @Test
    public void wronglyTypedListIsUnreadable() throws Exception {
        platform.inject(Fault.wrongTypes().times(EVERY_TIME).onPath(ALERTS));

        Scan scan = scan();

        assertError(scan, ErrorKind.UNREADABLE_RESPONSE, "GET " + ALERTS, "\"results\" is not a list");
        assertOnTime(scan, SCAN_TIMEOUT);
    }

    @Test
    public void aHugeBodyIsRefusedEarlyWithoutBeingRead() throws Exception {
        long size = 200L * 1024 * 1024;
        platform.inject(Fault.hugeBody(size).times(EVERY_TIME).onPath(ALERTS));
        long allocatedBefore = allocatedBytes();

        Scan scan = scan();

        long allocated = allocatedBytes() - allocatedBefore;
        assertError(scan, ErrorKind.UNREADABLE_RESPONSE, "GET " + ALERTS, "more than 4 MiB");
        assertOnTime(scan, Duration.ofSeconds(3));
        if (allocatedBefore >= 0) {
            // Reading the body would allocate at least its 200 MiB; the cap is 4 MiB.
            assertThat("bytes allocated during the scan", allocated, lessThan(64L * 1024 * 1024));
        }
    }

    // ---- lists that lie ------------------------------------------------------------------------------

    @Test
    public void aPaginationLoopEndsWithTheRightVerdict() throws Exception {
        platform.load(Dataset.manyPages(250));
        platform.inject(Fault.paginationLoop().times(10_000).onPath(ALERTS));

        Scan scan = scan();

        assertEquals(scan.report, Verdict.BLOCKED, scan.result.verdict());
        assertEquals("both blockers, the one on the last page too", 2, scan.result.blockingAlertCount());
        assertEquals(250, scan.result.activeAlerts());
        assertThat(
                "pages are asked for by number; the looping next link is never followed",
                requests(ALERTS),
                lessThanOrEqualTo(4));
        assertOnTime(scan, SCAN_TIMEOUT);
    }

    @Test
    public void aLyingCountDoesNotChangeTheVerdict() throws Exception {
        platform.load(Dataset.manyPages(250));
        platform.inject(Fault.countLies().times(10_000).onPath(ALERTS));

        Scan scan = scan();

        assertEquals(scan.report, Verdict.BLOCKED, scan.result.verdict());
        assertEquals(2, scan.result.blockingAlertCount());
        assertEquals(250, scan.result.activeAlerts());
        assertEquals("the pages that exist, no more", 3, requests(ALERTS));
        assertOnTime(scan, SCAN_TIMEOUT);
    }

    @Test
    public void repeatedPagesAreAnErrorNotAnEndlessLoop() throws Exception {
        platform.load(Dataset.manyPages(250));
        platform.inject(Fault.repeatedPages().times(10_000).onPath(ALERTS));

        Scan scan = scan();

        assertError(scan, ErrorKind.UNREADABLE_RESPONSE, "GET " + ALERTS, "repeated page 2");
        assertEquals(2, requests(ALERTS));
        assertOnTime(scan, SCAN_TIMEOUT);
    }

    // ---- where the token goes ------------------------------------------------------------------------

    @Test
    public void aRedirectToAnotherHostIsNotFollowedAndTheOtherHostGetsNothing() throws Exception {
        try (ServerSocket elsewhere = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String target = "http://127.0.0.1:" + elsewhere.getLocalPort() + "/api/alerts/";
            platform.inject(Fault.redirect(target + "?page=1&steal=1").onPath(ALERTS));

            Scan scan = scan();

            assertError(
                    scan,
                    ErrorKind.REDIRECTED,
                    "redirected GET " + ALERTS + " to " + target,
                    "The token is not sent to redirect targets");
            assertEquals(target, scan.result.errorMessage().replaceAll(".* to (\\S+) \\(HTTP 302\\).*", "$1"));
            elsewhere.setSoTimeout(200);
            try (Socket connection = elsewhere.accept()) {
                fail("the redirect target was connected to from " + connection.getRemoteSocketAddress());
            } catch (SocketTimeoutException expected) {
                // nobody came: no request, no token
            }
            assertEquals("not retried", 1, requests(ALERTS));
            assertOnTime(scan, SCAN_TIMEOUT);
        }
    }

    // ---- transport ---------------------------------------------------------------------------------

    @Test
    public void aPlatformThatAcceptsAndNeverAnswersIsATimeoutWithinTheDeadline() throws Exception {
        platform.inject(Fault.hang().times(10_000).onPath(STATUS));

        Scan scan = scan();

        assertError(
                scan,
                ErrorKind.TIMEOUT,
                "gave no answer within 400 ms to GET " + STATUS,
                "(4 attempts)",
                "the patience for transient failures is 1 s");
        assertEquals("the call that hung used up the patience", 4, requests(STATUS));
        assertOnTime(scan, Duration.ofSeconds(3));
    }

    @Test
    public void aPlatformThatHangsNearTheDeadlineCannotStretchTheScanPastIt() throws Exception {
        platform.setManualCompletion(true);
        Duration deadline = Duration.ofMillis(1500);
        // One request may take 4 s, longer than the whole scan may: the deadline must still hold.
        Scan scan = scan(request().timeout(deadline).build(), Duration.ofSeconds(4), line -> {
            if (line.startsWith("Started a new CodeScoring analysis")) {
                platform.inject(Fault.hang().times(10_000).onPath(STATUS));
            }
        });

        assertOnTime(scan, deadline);
        assertError(scan, ErrorKind.TIMEOUT, "(all the time left before the deadline)", "; giving up");
    }

    @Test
    public void theSharedCoordinatorAlsoEndsAScanAtItsDeadlineWhenThePlatformHangs() throws Exception {
        platform.setManualCompletion(true);
        Duration deadline = Duration.ofMillis(1500);
        ScanRequest request = request().timeout(deadline).build();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            AnalysisCoordinator coordinator = new AnalysisCoordinator(scheduler, Clock.systemUTC());
            CompletableFuture<ScanResult> done = new CompletableFuture<>();
            long started = System.nanoTime();
            coordinator.submit(
                    client(Duration.ofSeconds(4)),
                    request,
                    ScanState.begin(request, Clock.systemUTC().instant()),
                    line -> {
                        progress.add(line);
                        if (line.startsWith("Started a new CodeScoring analysis")) {
                            platform.inject(Fault.hang().times(10_000).onPath(STATUS));
                        }
                    },
                    done::complete);
            ScanResult result = done.get(20, TimeUnit.SECONDS);
            Scan scan = new Scan(
                    result, ConsoleReport.standard().render(result), Duration.ofNanos(System.nanoTime() - started));

            assertOnTime(scan, deadline);
            // Whichever comes first: the deadline's watch, or the tick whose call the deadline cut short.
            assertError(scan, ErrorKind.TIMEOUT);
            assertTrue(
                    scan.report,
                    scan.report.contains("No verdict within 2 s")
                            || scan.report.contains("(all the time left before the deadline)"));
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    public void aConnectionDroppedMidBodyIsRetriedThenUnreachable() throws Exception {
        platform.inject(Fault.drop().times(10_000).onPath(ALERTS));

        Scan scan = scan(request().build(), PATIENT_REQUEST, line -> {});

        assertError(scan, ErrorKind.UNREACHABLE, "broke during GET " + ALERTS + " (4 attempts)", "Tried again for 1 s");
        assertThat("each try of the scan is 4 attempts", requests(ALERTS), greaterThanOrEqualTo(8));
        assertEquals(0, requests(ALERTS) % 4);
        assertOnTime(scan, SCAN_TIMEOUT);
    }

    @Test
    public void aConnectionDroppedDuringTheStartIsNotRepeatedBeforeTheStatusIsReadAgain() throws Exception {
        platform.inject(Fault.drop().times(10_000).onPath(START));

        Scan scan = scan(request().build(), PATIENT_REQUEST, line -> {});

        assertError(
                scan,
                ErrorKind.UNREACHABLE,
                "broke during POST " + START,
                "so it was not repeated",
                "Tried again for 1 s");
        List<String> calls = platform.requests().stream()
                .map(RecordedRequest::path)
                .filter(p -> p.equals(START) || p.equals(STATUS))
                .collect(Collectors.toList());
        assertThat("the start was asked for again", requests(START), greaterThanOrEqualTo(2));
        for (int i = 1; i < calls.size(); i++) {
            assertFalse(
                    "a start that may have been taken is never sent again before the status shows whether it was: "
                            + calls,
                    calls.get(i).equals(START) && calls.get(i - 1).equals(START));
        }
        assertOnTime(scan, SCAN_TIMEOUT);
    }

    // ---- the analysis ------------------------------------------------------------------------------

    @Test
    public void aStatusThatFlipsBetweenRunsNeverGivesTheVerdictOfThePreviousRun() throws Exception {
        assertEquals(Verdict.BLOCKED, scan().result.verdict()); // run 101 succeeded: the baseline of the next scan
        platform.clearRequests();
        progress.clear();
        platform.load(Dataset.clean());
        platform.inject(Fault.statusFlip().times(6));

        Scan scan = scan();

        assertEquals(scan.report, Verdict.PASSED, scan.result.verdict());
        assertEquals("the verdict comes from a run started for this scan", "102", scan.result.analysisRunId());
        assertEquals(2, platform.analysisStarts());
        assertOnTime(scan, SCAN_TIMEOUT);
    }

    @Test
    public void anUnknownStatusWordCountsAsRunningAndIsReportedOnce() throws Exception {
        platform.setStatusWords("crunching_numbers", null);
        platform.setAnalysisDuration(Duration.ofMillis(400));

        Scan scan = scan();

        assertEquals(scan.report, Verdict.BLOCKED, scan.result.verdict());
        List<String> unknown = progress.stream()
                .filter(line -> line.contains("crunching_numbers")
                        && line.startsWith("The platform reported an unknown analysis status"))
                .collect(Collectors.toList());
        assertEquals(
                progress.toString(),
                List.of(
                        "The platform reported an unknown analysis status 'crunching_numbers'; treating it as still running."),
                unknown);
        assertThat("polled several times while the word was shown", requests(STATUS), greaterThanOrEqualTo(4));
        assertOnTime(scan, SCAN_TIMEOUT);
    }

    @Test
    public void anAnalysisThatNeverStartsTimesOutWhenItDoesNotShowUp() throws Exception {
        platform.setOutcomes(Outcome.NEVER_STARTS);
        Duration visibleWithin = Duration.ofSeconds(1);

        Scan scan = scan(request().startVisibleWithin(visibleWithin).build(), line -> {});

        assertError(
                scan,
                ErrorKind.TIMEOUT,
                "accepted the start of the analysis, but no new run appeared in its status within 1 s");
        assertThat(scan.elapsed, greaterThanOrEqualTo(visibleWithin));
        assertOnTime(scan, visibleWithin);
    }

    @Test
    public void anAnalysisThatNeverEndsTimesOutAtTheDeadline() throws Exception {
        platform.setOutcomes(Outcome.NEVER_ENDS);
        Duration deadline = Duration.ofSeconds(2);

        Scan scan = scan(request().timeout(deadline).build(), line -> {});

        assertError(scan, ErrorKind.TIMEOUT, "No verdict within 2 s");
        assertThat(scan.elapsed, greaterThanOrEqualTo(deadline));
        assertOnTime(scan, deadline);
    }

    @Test
    public void aFailedAnalysisIsAnErrorWithThePlatformsReason() throws Exception {
        platform.setOutcomes(Outcome.FAILED);

        Scan scan = scan();

        assertError(scan, ErrorKind.ANALYSIS_FAILED, "Analysis run 101 failed", "dependency resolution error");
        assertOnTime(scan, SCAN_TIMEOUT);
    }

    @Test
    public void aCancelledAnalysisIsAnError() throws Exception {
        platform.setOutcomes(Outcome.CANCELLED);

        Scan scan = scan();

        assertError(scan, ErrorKind.ANALYSIS_CANCELLED, "Analysis run 101 was cancelled on the platform");
        assertOnTime(scan, SCAN_TIMEOUT);
    }

    // ---- support -----------------------------------------------------------------------------------

    /** One finished scan. */
    private static final class Scan {
        final ScanResult result;
        final String report;
        final Duration elapsed;

        Scan(ScanResult result, String report, Duration elapsed) {
            this.result = result;
            this.report = report;
            this.elapsed = elapsed;
        }
    }

    private static ScanRequest.Builder request() {
        return ScanRequest.builder()
                .timeout(SCAN_TIMEOUT)
                .firstPollInterval(Duration.ofMillis(20))
                .maxPollInterval(Duration.ofMillis(100))
                .startVisibleWithin(Duration.ofSeconds(2))
                .transientPatience(PATIENCE);
    }

    private Scan scan() throws Exception {
        return scan(request().build(), line -> {});
    }

    private Scan scan(ScanRequest request, Consumer<String> onProgress) throws Exception {
        return scan(request, REQUEST_TIMEOUT, onProgress);
    }

    private CodescoringClient client(Duration requestTimeout) throws Exception {
        return CodescoringClient.builder(platform.baseUrl(), TOKEN)
                .paths(ApiPaths.defaults())
                .retryPolicy(FAST_RETRIES)
                .requestTimeout(requestTimeout)
                .build();
    }

    private Scan scan(ScanRequest request, Duration requestTimeout, Consumer<String> onProgress) throws Exception {
        CodescoringClient client = client(requestTimeout);
        long started = System.nanoTime();
        ScanResult result = new ScanRunner(client, Clock.systemUTC(), Sleeper.REAL).run(request, line -> {
            progress.add(line);
            onProgress.accept(line);
        });
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        String report = ConsoleReport.standard().render(result);
        assertFalse(report, report.contains(TOKEN));
        assertFalse(progress.toString(), progress.toString().contains(TOKEN));
        return new Scan(result, report, elapsed);
    }

    /** An ERROR of that kind whose message holds those words, reported with the kind's advice. */
    private static void assertError(Scan scan, ErrorKind kind, String... words) {
        assertEquals(scan.report, Verdict.ERROR, scan.result.verdict());
        assertEquals(scan.report, kind, scan.result.errorKind());
        assertTrue(scan.report, scan.report.startsWith("CodeScoring verdict: ERROR — " + kind.name() + ": "));
        for (String word : words) {
            assertThat(scan.result.errorMessage(), containsString(word));
            assertThat(scan.report, containsString(word));
        }
        assertThat("actionable", scan.report, containsString("\nWhat to do: " + kind.advice() + "\n"));
        assertTrue(
                "no blocking alerts come with an error",
                scan.result.blockingPolicies().isEmpty());
    }

    /** The scan ended no later than its deadline (plus scheduling noise). */
    private static void assertOnTime(Scan scan, Duration deadline) {
        assertThat("took " + scan.elapsed.toMillis() + " ms", scan.elapsed, lessThanOrEqualTo(deadline.plus(LATE)));
    }

    private int requests(String path) {
        return (int)
                platform.requests().stream().filter(r -> r.path().equals(path)).count();
    }

    /** Bytes allocated by every thread of this JVM so far, or -1 where the runtime cannot tell. */
    private static long allocatedBytes() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads instanceof com.sun.management.ThreadMXBean) {
            com.sun.management.ThreadMXBean counting = (com.sun.management.ThreadMXBean) threads;
            if (counting.isThreadAllocatedMemorySupported() && counting.isThreadAllocatedMemoryEnabled()) {
                return counting.getTotalThreadAllocatedBytes();
            }
        }
        return -1;
    }
}
