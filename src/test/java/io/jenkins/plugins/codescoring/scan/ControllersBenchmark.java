package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.Alert;
import io.jenkins.plugins.codescoring.api.AlertScope;
import io.jenkins.plugins.codescoring.api.AnalysisStatus;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.Policy;
import io.jenkins.plugins.codescoring.api.Project;
import io.jenkins.plugins.codescoring.api.StartOutcome;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What several Jenkins controllers sharing one platform cost (docs/performance.md, "Several Jenkins controllers";
 * not a test: {@code bash .ci/benchmark-controllers}). For K = 1, 2, 4, 8 controllers, each a coordinator of its
 * own with its own scheduler and clients, on one simulator whose analyses take {@value #ANALYSIS_SECONDS} s: the
 * first controller's builds start an analysis, the others' builds arrive while it runs, {@value #BUILDS} builds per
 * controller. Measured twice: with the plugin's rule (a scan follows any analysis that began after its request)
 * and, as the comparison, with clients that insist on an analysis of their own (today's rule before this one; here
 * the clients see the status without run ids or start times, for which the core keeps that rule). Real time,
 * loopback only; one RESULT line per K.
 */
public final class ControllersBenchmark {
    static final int ANALYSIS_SECONDS = 10;
    static final Duration ANALYSIS = Duration.ofSeconds(ANALYSIS_SECONDS);
    static final Duration FIRST_POLL = Duration.ofSeconds(2);
    static final Duration MAX_POLL = Duration.ofSeconds(5);
    static final int BUILDS = 3;
    /** The other controllers' builds arrive over this part of the first analysis. */
    static final Duration ARRIVALS_OVER = Duration.ofSeconds(8);

    static final String TOKEN = "benchmark-token-0123456789";

    /** One measured run. */
    static final class Figures {
        int starts;
        double slowestSeconds;
        int fromBeforeRequest;
        int errors;
        int unfinished;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int[] sizes = {1, 2, 4, 8};
        System.out.printf(
                Locale.ROOT,
                "CodeScoring several-controllers benchmark: %d cores, Java %s; analyses of %d s, polls %d..%d s,"
                        + " %d builds per controller, arrivals over the first %d s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                ANALYSIS_SECONDS,
                FIRST_POLL.getSeconds(),
                MAX_POLL.getSeconds(),
                BUILDS,
                ARRIVALS_OVER.getSeconds());
        double target = 2 * ANALYSIS_SECONDS + MAX_POLL.getSeconds();
        boolean met = true;
        for (int k : sizes) {
            Figures shared = run(k, false);
            Figures own = run(k, true);
            for (Figures f : List.of(shared, own)) {
                if (f.errors > 0 || f.unfinished > 0 || f.fromBeforeRequest > 0) {
                    System.out.printf(
                            Locale.ROOT,
                            "  WARNING: %d errors, %d unfinished, %d verdicts from a run begun before the request%n",
                            f.errors,
                            f.unfinished,
                            f.fromBeforeRequest);
                }
            }
            met &= shared.starts <= 2
                    && shared.slowestSeconds <= target
                    && shared.fromBeforeRequest == 0
                    && shared.errors == 0;
            System.out.printf(
                    Locale.ROOT,
                    "RESULT controllers=%d starts=%d slowest_s=%.1f own_analysis_starts=%d own_analysis_slowest_s=%.1f%n",
                    k,
                    shared.starts,
                    shared.slowestSeconds,
                    own.starts,
                    own.slowestSeconds);
        }
        System.out.printf(
                Locale.ROOT,
                "targets (starts <= 2, slowest <= %.0f s = 2 analyses + one poll interval) %s%n",
                target,
                met ? "met" : "NOT met");
    }

    /** K controllers, one simulator; {@code ownAnalysis}: clients that insist on an analysis of their own. */
    static Figures run(int controllers, boolean ownAnalysis) throws Exception {
        Figures figures = new Figures();
        List<ScheduledExecutorService> timers = new ArrayList<>();
        ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
        try (CodescoringSimulator simulator = CodescoringSimulator.start(TOKEN)) {
            simulator.load(Dataset.blocking());
            simulator.setAnalysisDuration(ANALYSIS);
            ScanRequest request = ScanRequest.builder()
                    .firstPollInterval(FIRST_POLL)
                    .maxPollInterval(MAX_POLL)
                    .timeout(Duration.ofMinutes(5))
                    .build();
            CountDownLatch done = new CountDownLatch(controllers * BUILDS);
            ConcurrentLinkedQueue<Double> seconds = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < controllers; i++) {
                // A controller of its own: scheduler, HTTP client, API client, coordinator.
                ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
                timers.add(timer);
                AnalysisCoordinator coordinator = new AnalysisCoordinator(timer, Clock.systemUTC());
                HttpClient http = HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
                CodescoringApi client = CodescoringClient.builder(simulator.baseUrl(), TOKEN)
                        .httpClient(http)
                        .build();
                CodescoringApi api = ownAnalysis ? new WithoutRunKeys(client) : client;
                long offset =
                        i == 0 ? 0 : 500 + (ARRIVALS_OVER.toMillis() - 500) * (i - 1) / Math.max(1, controllers - 1);
                arrivals.schedule(
                        () -> {
                            for (int b = 0; b < BUILDS; b++) {
                                Instant requested = Instant.now();
                                coordinator.submit(
                                        api,
                                        request,
                                        ScanState.begin(request, requested),
                                        ScanListener.SILENT,
                                        result -> {
                                            seconds.add(Duration.between(requested, Instant.now())
                                                            .toMillis()
                                                    / 1000.0);
                                            synchronized (figures) {
                                                if (result.verdict() == Verdict.ERROR) {
                                                    figures.errors++;
                                                }
                                                Instant began = result.analysisRunId() == null
                                                        ? null
                                                        : simulator.analysisStartedAt(result.analysisRunId());
                                                if (began != null && began.isBefore(requested)) {
                                                    figures.fromBeforeRequest++;
                                                }
                                            }
                                            done.countDown();
                                        });
                            }
                        },
                        offset,
                        TimeUnit.MILLISECONDS);
            }
            done.await(4, TimeUnit.MINUTES);
            figures.unfinished = (int) done.getCount();
            figures.starts = simulator.analysisStarts();
            figures.slowestSeconds =
                    seconds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        } finally {
            arrivals.shutdownNow();
            timers.forEach(ScheduledExecutorService::shutdownNow);
        }
        return figures;
    }

    /**
     * The platform as a client that insists on an analysis of its own sees it: statuses without run ids or start
     * times, so nothing proves that a run began after the request and the core waits for it to end, then starts
     * another (the rule it keeps for platforms that do not name their runs). Benchmark code only.
     */
    static final class WithoutRunKeys implements CodescoringApi {
        private final CodescoringApi api;

        WithoutRunKeys(CodescoringApi api) {
            this.api = api;
        }

        @Override
        public AnalysisStatus overallAnalysisStatus() throws CodescoringException, InterruptedException {
            AnalysisStatus status = api.overallAnalysisStatus();
            return new AnalysisStatus(null, status.word(), null, status.finishedAt(), status.error());
        }

        @Override
        public StartOutcome startOverallAnalysis() throws CodescoringException, InterruptedException {
            return api.startOverallAnalysis();
        }

        @Override
        public List<Alert> activeAlerts(AlertScope scope) throws CodescoringException, InterruptedException {
            return api.activeAlerts(scope);
        }

        @Override
        public List<Policy> policies() throws CodescoringException, InterruptedException {
            return api.policies();
        }

        @Override
        public List<Project> searchProjects(String name) throws CodescoringException, InterruptedException {
            return api.searchProjects(name);
        }

        @Override
        public Project project(String id) throws CodescoringException, InterruptedException {
            return api.project(id);
        }

        @Override
        public void checkConnection() throws CodescoringException, InterruptedException {
            api.checkConnection();
        }

        @Override
        public CodescoringApi withDeadline(Instant deadline) {
            return new WithoutRunKeys(api.withDeadline(deadline));
        }

        @Override
        public String platformUrl() {
            return api.platformUrl();
        }

        @Override
        public String connectionKey() {
            return api.connectionKey();
        }
    }
}
