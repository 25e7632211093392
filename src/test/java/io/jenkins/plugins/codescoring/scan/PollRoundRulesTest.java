package io.jenkins.plugins.codescoring.scan;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.ManualClock;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** What one poll round shares among the scans that wait on it: the deadline of its calls and its interval. */
public class PollRoundRulesTest {
    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakePlatform platform = new FakePlatform(clock);
    private final AnalysisCoordinator coordinator = new AnalysisCoordinator(scheduler, clock);
    private final Map<Integer, ScanResult> results = new HashMap<>();

    private void submit(CodescoringApi api, int scan, ScanRequest request, ScanState state) {
        coordinator.submit(api, request, state, ScanListener.SILENT, result -> results.put(scan, result));
    }

    @Test
    public void theRoundsCallsAreBoundedByTheLatestDeadlineOfItsScans() {
        List<Instant> deadlines = new ArrayList<>();
        InvocationHandler recording = (proxy, method, args) -> {
            if (method.getName().equals("withDeadline")) {
                deadlines.add((Instant) args[0]);
                return proxy;
            }
            try {
                return method.invoke(platform, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        };
        CodescoringApi api = (CodescoringApi)
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CodescoringApi.class}, recording);
        Instant start = clock.instant();
        ScanRequest soon = ScanRequest.builder().timeout(Duration.ofMinutes(10)).build();
        ScanRequest later =
                ScanRequest.builder().timeout(Duration.ofMinutes(30)).build();
        submit(api, 1, later, ScanState.begin(later, start));
        submit(api, 2, soon, ScanState.begin(soon, start));
        scheduler.runFor(Duration.ofSeconds(1));
        assertEquals(List.of(start.plus(Duration.ofMinutes(30))), deadlines);
    }

    /** The platform, except that the named call fails with a rejected token (not transient): nothing to retry. */
    private CodescoringApi failing(String call) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("withDeadline")) {
                return proxy;
            }
            if (method.getName().equals(call)) {
                throw new io.jenkins.plugins.codescoring.api.CodescoringException(
                        io.jenkins.plugins.codescoring.api.ErrorKind.TOKEN_REJECTED, "HTTP 401 on " + call);
            }
            try {
                return method.invoke(platform, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (CodescoringApi)
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CodescoringApi.class}, handler);
    }

    /**
     * A transient failure is retried after its back-off (from the first poll interval), sooner than the next poll of a
     * long analysis would come (by then a minute).
     */
    @Test
    public void aTransientFailureIsRetriedSoonerThanTheNextPollOfALongAnalysis() {
        platform.analysisDuration = Duration.ofMinutes(30);
        ScanRequest request = ScanRequest.builder()
                .timeout(Duration.ofMinutes(60))
                .firstPollInterval(Duration.ofSeconds(5))
                .maxPollInterval(Duration.ofSeconds(60))
                .build();
        submit(platform, 1, request, ScanState.begin(request, clock.instant()));
        scheduler.runFor(Duration.ofMinutes(10)); // the analysis runs: polls are a minute apart by now
        int before = platform.calls("status");
        scheduler.runFor(Duration.ofMinutes(2));
        assertThat("polls a minute apart", platform.calls("status") - before, lessThanOrEqualTo(3));
        platform.statusFailure = new io.jenkins.plugins.codescoring.api.CodescoringException(
                io.jenkins.plugins.codescoring.api.ErrorKind.SERVER_ERROR, "HTTP 503");
        before = platform.calls("status");
        scheduler.runFor(Duration.ofMinutes(2));
        assertThat("failed reads retried from 5 s apart", platform.calls("status") - before, greaterThanOrEqualTo(5));
    }

    /** A start or an alert read the platform refuses for good ends the scan at once, not at its deadline. */
    @Test
    public void aStartOrAlertReadRefusedForGoodEndsTheScanInThatRound() {
        platform.analysisDuration = Duration.ofSeconds(20);
        for (String call : new String[] {"startOverallAnalysis", "activeAlerts"}) {
            results.clear();
            ScanRequest request =
                    ScanRequest.builder().timeout(Duration.ofMinutes(30)).build();
            submit(failing(call), 1, request, ScanState.begin(request, clock.instant()));
            scheduler.runFor(Duration.ofMinutes(2));
            ScanResult result = results.get(1);
            assertEquals(call, Verdict.ERROR, result == null ? null : result.verdict());
            assertEquals(call, io.jenkins.plugins.codescoring.api.ErrorKind.TOKEN_REJECTED, result.errorKind());
        }
    }

    @Test
    public void theMostImpatientScanSetsThePollInterval() {
        platform.analysisDuration = Duration.ofMinutes(10);
        ScanRequest patient = ScanRequest.builder()
                .timeout(Duration.ofMinutes(30))
                .maxPollInterval(Duration.ofSeconds(60))
                .build();
        ScanRequest impatient = ScanRequest.builder()
                .timeout(Duration.ofMinutes(30))
                .maxPollInterval(Duration.ofSeconds(5))
                .build();
        submit(platform, 1, patient, ScanState.begin(patient, clock.instant()));
        submit(platform, 2, impatient, ScanState.begin(impatient, clock.instant()));
        scheduler.runFor(Duration.ofMinutes(2));
        int before = platform.calls("status");
        scheduler.runFor(Duration.ofMinutes(5));
        int polls = platform.calls("status") - before;
        assertThat("one read at least every 5 s", polls, greaterThanOrEqualTo(60));
        assertThat("and not more often", polls, lessThanOrEqualTo(61));
    }

    @Test
    public void aScanResumedWhileReadingItsAlertsReadsThemWithoutPollingTheStatus() {
        ScanRequest request =
                ScanRequest.builder().timeout(Duration.ofMinutes(30)).build();
        ScanState collecting = ScanState.begin(request, clock.instant());
        collecting.resolveScope(null, null);
        collecting.ourRun("id:40", "40");
        collecting.moveTo(Phase.COLLECTING);
        submit(platform, 1, request, collecting);
        scheduler.runFor(Duration.ofSeconds(1));
        assertEquals(Verdict.PASSED, results.get(1).verdict());
        assertEquals("40", results.get(1).analysisRunId());
        assertEquals(0, platform.calls("status"));
        assertEquals(1, platform.calls("alerts"));
    }

    @Test
    public void scansArrivingWhileTheAnalysisRunsDoNotSpeedUpPolling() {
        platform.analysisDuration = Duration.ofMinutes(20);
        ScanRequest request =
                ScanRequest.builder().timeout(Duration.ofMinutes(30)).build();
        submit(platform, 1, request, ScanState.begin(request, clock.instant()));
        scheduler.runFor(Duration.ofMinutes(5));
        int before = platform.calls("status");
        for (int i = 2; i < 12; i++) {
            submit(platform, i, request, ScanState.begin(request, clock.instant()));
            scheduler.runFor(Duration.ofSeconds(6));
        }
        int polls = platform.calls("status") - before;
        assertThat("one read per 30 s interval over the minute, whatever arrives", polls, lessThanOrEqualTo(3));
        assertThat(polls, greaterThanOrEqualTo(2));
    }

    /** Another client's run 40, whose status word the test sets; starts are refused while it runs. */
    private static final class OtherClientsRun implements InMemoryApi {
        volatile String word = "queued";
        int statusReads;

        @Override
        public io.jenkins.plugins.codescoring.api.StartOutcome startOverallAnalysis() {
            return io.jenkins.plugins.codescoring.api.StartOutcome.alreadyRunning();
        }

        @Override
        public io.jenkins.plugins.codescoring.api.AnalysisStatus overallAnalysisStatus() {
            statusReads++;
            return new io.jenkins.plugins.codescoring.api.AnalysisStatus(
                    "40", word, Instant.parse("2026-12-01T09:00:00Z"), null, null);
        }

        @Override
        public List<io.jenkins.plugins.codescoring.api.Alert> activeAlerts(
                io.jenkins.plugins.codescoring.api.AlertScope scope) {
            return List.of();
        }

        @Override
        public List<io.jenkins.plugins.codescoring.api.Policy> policies() {
            return List.of();
        }

        @Override
        public List<io.jenkins.plugins.codescoring.api.Project> searchProjects(String name) {
            return List.of();
        }

        @Override
        public io.jenkins.plugins.codescoring.api.Project project(String id) {
            return new io.jenkins.plugins.codescoring.api.Project(id, id);
        }

        @Override
        public void checkConnection() {}
    }

    @Test
    public void aChangeOfTheStatusWordBringsPollingBackToItsShortestInterval() {
        OtherClientsRun other = new OtherClientsRun();
        ScanRequest request =
                ScanRequest.builder().timeout(Duration.ofMinutes(30)).build();
        submit(other, 1, request, ScanState.begin(request, clock.instant()));
        scheduler.runFor(Duration.ofMinutes(5)); // queued all along: the interval has grown to 30 s
        int before = other.statusReads;
        scheduler.runFor(Duration.ofSeconds(30));
        assertThat("unchanged status: one or two reads in 30 s", other.statusReads - before, lessThanOrEqualTo(2));
        other.word = "in_progress";
        before = other.statusReads;
        // The next read (within 30 s) sees the change; then 2 s, 3 s, 4.5 s, 6.75 s, 10.1 s: at least 6 reads in a
        // minute.
        scheduler.runFor(Duration.ofSeconds(60));
        assertThat(other.statusReads - before, greaterThanOrEqualTo(6));
    }
}
