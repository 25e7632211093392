package io.jenkins.plugins.codescoring.scan;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.codescoring.api.ApiPaths;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.RetryPolicy;
import io.jenkins.plugins.codescoring.api.Sleeper;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.Fault;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

/**
 * A platform, or the proxy in front of it, that answers half of the requests with 503 or 429: every scan
 * still reaches its verdict, through the shared coordinator (the plugin's way) and a lone runner (the
 * terminal runner's). One that answers only 503 ends the scan with a clear error once its patience is
 * spent. Real HTTP against the simulator over loopback, with short intervals.
 */
public class FlakyPlatformTest {
    private static final String TOKEN = "flaky-TOKEN-0c1d2e3f4a5b6c7d";
    private static final int EVERY_TIME = 1_000_000;
    private static final Duration PATIENCE = Duration.ofSeconds(1);
    /** Scheduling noise on a loaded 2-CPU machine. */
    private static final Duration LATE = Duration.ofMillis(1500);
    /** The client's own quick retries, as in production but in milliseconds. */
    private static final RetryPolicy QUICK = RetryPolicy.defaults()
            .withFirstBackoff(Duration.ofMillis(5))
            .withMaxBackoff(Duration.ofMillis(20))
            .withJitter(0);

    @Rule
    public Timeout timeout = Timeout.seconds(120);

    private CodescoringSimulator platform;
    private ScheduledExecutorService scheduler;
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Before
    public void startPlatform() throws Exception {
        platform = CodescoringSimulator.start(TOKEN);
        platform.setAnalysisDuration(Duration.ofMillis(30));
        platform.setStaleStatusWindow(Duration.ofMillis(10));
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @After
    public void stop() {
        scheduler.shutdownNow();
        platform.close();
    }

    private static ScanRequest.Builder request() {
        return ScanRequest.builder()
                .timeout(Duration.ofSeconds(30))
                .firstPollInterval(Duration.ofMillis(10))
                .maxPollInterval(Duration.ofMillis(50))
                .startVisibleWithin(Duration.ofSeconds(5))
                .transientPatience(Duration.ofSeconds(10));
    }

    private CodescoringClient client() throws Exception {
        return CodescoringClient.builder(platform.baseUrl(), TOKEN)
                .paths(ApiPaths.defaults())
                .retryPolicy(QUICK)
                .requestTimeout(Duration.ofSeconds(2))
                .build();
    }

    private ScanResult coordinated(AnalysisCoordinator coordinator, CodescoringClient client, ScanRequest request)
            throws Exception {
        CompletableFuture<ScanResult> done = new CompletableFuture<>();
        coordinator.submit(
                client, request, ScanState.begin(request, Clock.systemUTC().instant()), progress::add, done::complete);
        return done.get(60, TimeUnit.SECONDS);
    }

    private ScanResult alone(CodescoringClient client, ScanRequest request) throws Exception {
        return new ScanRunner(client, Clock.systemUTC(), Sleeper.REAL).run(request, progress::add);
    }

    @Test
    public void hundredScansInARowAgainstAHalfUnavailablePlatformAllReachTheRightVerdict() throws Exception {
        platform.inject(Fault.flaky(50, 0).times(EVERY_TIME));
        CodescoringClient client = client();
        AnalysisCoordinator coordinator = new AnalysisCoordinator(scheduler, Clock.systemUTC());
        for (int i = 0; i < 100; i++) {
            boolean blocking = i % 2 == 0;
            platform.load(blocking ? Dataset.blocking() : Dataset.clean());
            ScanRequest request = request().build();
            ScanResult result = i < 50 ? coordinated(coordinator, client, request) : alone(client, request);
            assertEquals(
                    "scan " + i + ": " + result + " " + progress,
                    blocking ? Verdict.BLOCKED : Verdict.PASSED,
                    result.verdict());
        }
        int requests = platform.requestCount();
        List<String> retrying = progress.stream()
                .filter(l -> l.contains("Trying again for up to"))
                .collect(Collectors.toList());
        assertThat(
                "the fault did its work: calls failed after the client's quick retries and were tried again",
                retrying.size(),
                greaterThan(0));
        assertThat(requests, greaterThan(100 * 4));
        assertEquals(
                "every streak that began ended",
                retrying.size(),
                progress.stream()
                        .filter(l -> l.startsWith("The platform answers again"))
                        .count());
    }

    @Test
    public void aPlatformThatOnlyAnswers503EndsTheScanWithAClearErrorWithinThePatience() throws Exception {
        platform.load(Dataset.blocking());
        platform.inject(Fault.status(503).times(EVERY_TIME));
        AnalysisCoordinator coordinator = new AnalysisCoordinator(scheduler, Clock.systemUTC());
        ScanRequest request = request().transientPatience(PATIENCE).build();

        for (boolean shared : List.of(true, false)) {
            progress.clear();
            long started = System.nanoTime();
            ScanResult result = shared ? coordinated(coordinator, client(), request) : alone(client(), request);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(ErrorKind.SERVER_ERROR, result.errorKind());
            assertThat(
                    result.errorMessage(),
                    containsString("failed on GET /api/analyses/overall_sca/status/ (HTTP 503, 4 attempts)."));
            assertThat(
                    result.errorMessage(),
                    containsString("Tried again for 1 s (the patience for transient failures is 1 s); giving up."));
            assertThat(elapsed, greaterThanOrEqualTo(PATIENCE));
            assertThat(elapsed, lessThan(PATIENCE.plus(LATE)));
            List<String> said =
                    progress.stream().filter(l -> l.contains("Trying again")).collect(Collectors.toList());
            assertEquals(progress.toString(), 1, said.size());
            assertThat(said.get(0), containsString("(HTTP 503, 4 attempts)."));
            assertThat(said.get(0), endsWith(" Trying again for up to 1 s."));
        }
        assertEquals("nothing was started", 0, platform.analysisStarts());
    }
}
