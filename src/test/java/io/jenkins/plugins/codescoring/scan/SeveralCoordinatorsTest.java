package io.jenkins.plugins.codescoring.scan;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Several coordinators that do not know each other (as on several Jenkins controllers: separate clients,
 * separate schedulers) share one platform, the simulator. Bursts of scans arrive at each at different moments,
 * some while another coordinator's analysis runs, some right after another's start (while the status still shows
 * the previous run). Every verdict must come from a run that began after its scan's request, and a burst costs
 * at most two analyses whatever the number of coordinators. Real time on loopback, about ten seconds.
 */
public class SeveralCoordinatorsTest {
    private static final String TOKEN = "several-coordinators-token";
    private static final Duration ANALYSIS = Duration.ofMillis(1200);

    private CodescoringSimulator platform;
    private final List<ScheduledExecutorService> timers = new ArrayList<>();

    /** One finished scan, with what it was told on its console. */
    private static final class Finished {
        final ScanResult result;
        final List<String> lines;

        Finished(ScanResult result, List<String> lines) {
            this.result = result;
            this.lines = lines;
        }
    }

    @Before
    public void startPlatform() throws Exception {
        platform = CodescoringSimulator.start(TOKEN);
        platform.setAnalysisDuration(ANALYSIS);
    }

    @After
    public void stop() {
        timers.forEach(ScheduledExecutorService::shutdownNow);
        if (platform != null) {
            platform.close();
        }
    }

    /** A controller of its own: its coordinator, scheduler, HTTP client and API client. */
    private AnalysisCoordinator controller() {
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        timers.add(timer);
        return new AnalysisCoordinator(timer, Clock.systemUTC());
    }

    private CodescoringApi client() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return CodescoringClient.builder(platform.baseUrl(), TOKEN)
                .httpClient(http)
                .build();
    }

    @Test
    public void twoControllersShareTheirBursts() throws Exception {
        runBursts(2);
    }

    @Test
    public void fiveControllersCostNoMoreThanTwo() throws Exception {
        runBursts(5);
    }

    private void runBursts(int controllers) throws Exception {
        List<AnalysisCoordinator> coordinators = new ArrayList<>();
        List<CodescoringApi> clients = new ArrayList<>();
        for (int i = 0; i < controllers; i++) {
            coordinators.add(controller());
            clients.add(client());
        }
        // Burst 1: the first controller starts an analysis; the others' builds arrive while it runs.
        platform.load(Dataset.clean());
        long[] whileRunning = new long[controllers];
        for (int i = 1; i < controllers; i++) {
            whileRunning[i] = 250L + (ANALYSIS.toMillis() - 500L) * (i - 1) / Math.max(1, controllers - 1);
        }
        List<Finished> first = burst(coordinators, clients, whileRunning, Verdict.PASSED);
        // Burst 2, with new code on the platform (a blocking alert): the last controller comes first, the next one
        // about when its start is accepted, while the status still shows burst 1's run.
        platform.load(Dataset.blocking());
        long[] reversed = new long[controllers];
        for (int i = 0; i < controllers; i++) {
            reversed[controllers - 1 - i] = i == 0 ? 0 : i == 1 ? 60 : 300L * i;
        }
        List<Finished> second = burst(coordinators, clients, reversed, Verdict.BLOCKED);
        List<Finished> all = new ArrayList<>(first);
        all.addAll(second);
        if (controllers > 1) {
            assertTrue(
                    "some scan followed a run another coordinator started",
                    all.stream().anyMatch(f -> f.lines.stream()
                            .anyMatch(l -> l.contains("started by another client after this"
                                    + " build's request, will decide the verdict"))));
        }
    }

    /**
     * Submits three scans to each coordinator, coordinator i after {@code offsetsMillis[i]}, waits for every verdict
     * and checks it: the expected verdict, from a run that began after the scan's request, and at most two starts.
     */
    private List<Finished> burst(
            List<AnalysisCoordinator> coordinators,
            List<CodescoringApi> clients,
            long[] offsetsMillis,
            Verdict expected)
            throws Exception {
        assertTrue("the platform is idle before a burst", awaitIdle());
        int startsBefore = platform.analysisStarts();
        int scansPerController = 3;
        CountDownLatch done = new CountDownLatch(coordinators.size() * scansPerController);
        ConcurrentLinkedQueue<Finished> finished = new ConcurrentLinkedQueue<>();
        ScanRequest request = ScanRequest.builder()
                .firstPollInterval(Duration.ofMillis(100))
                .maxPollInterval(Duration.ofMillis(300))
                .timeout(Duration.ofMinutes(1))
                .build();
        ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < coordinators.size(); i++) {
                AnalysisCoordinator coordinator = coordinators.get(i);
                CodescoringApi api = clients.get(i);
                arrivals.schedule(
                        () -> {
                            for (int s = 0; s < scansPerController; s++) {
                                List<String> lines = new ArrayList<>();
                                coordinator.submit(
                                        api,
                                        request,
                                        ScanState.begin(request, Instant.now()),
                                        line -> {
                                            synchronized (lines) {
                                                lines.add(line);
                                            }
                                        },
                                        result -> {
                                            finished.add(new Finished(result, lines));
                                            done.countDown();
                                        });
                            }
                        },
                        offsetsMillis[i],
                        TimeUnit.MILLISECONDS);
            }
            assertTrue("every scan has its verdict within a minute", done.await(1, TimeUnit.MINUTES));
        } finally {
            arrivals.shutdownNow();
        }
        for (Finished scan : finished) {
            ScanResult result = scan.result;
            assertEquals(String.join("\n", scan.lines), expected, result.verdict());
            assertNotNull(result.analysisRunId());
            Instant began = platform.analysisStartedAt(result.analysisRunId());
            assertNotNull("run " + result.analysisRunId() + " is the simulator's", began);
            assertFalse(
                    "run " + result.analysisRunId() + " began at " + began + ", before the request at "
                            + result.requestedAt() + "\n" + String.join("\n", scan.lines),
                    began.isBefore(result.requestedAt()));
        }
        assertThat(
                "analyses started for one burst of " + coordinators.size() + " coordinators",
                platform.analysisStarts() - startsBefore,
                lessThanOrEqualTo(2));
        return new ArrayList<>(finished);
    }

    private boolean awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (platform.isAnalysisRunning()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }
}
