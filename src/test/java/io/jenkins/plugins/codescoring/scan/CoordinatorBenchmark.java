package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.AlertScope;
import io.jenkins.plugins.codescoring.api.AnalysisStatus;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.RetryPolicy;
import io.jenkins.plugins.codescoring.api.StartOutcome;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures what N concurrent scans cost the platform and the controller, with the coordinator and with a
 * naive baseline (every scan starts its own analysis, retrying while another runs, and polls every 10 s
 * on its own thread, as existing plugins do). Run with {@code bash .ci/benchmark}; it is not a test.
 *
 * <p>Time is compressed {@value #COMPRESSION} times: a 3-minute analysis takes 3 s, the baseline's 10 s
 * poll takes 167 ms, the coordinator's 2 s first poll 33 ms and its 30 s maximum 500 ms. Delays are
 * reported in compressed seconds.
 */
public final class CoordinatorBenchmark {
    static final int COMPRESSION = 60;
    static final Duration ANALYSIS = compressed(Duration.ofMinutes(3));
    static final Duration BASELINE_POLL = compressed(Duration.ofSeconds(10));
    static final Duration FIRST_POLL = compressed(Duration.ofSeconds(2));
    static final Duration MAX_POLL = compressed(Duration.ofSeconds(30));
    /** Builds arrive over one compressed minute. */
    static final Duration ARRIVALS_OVER = compressed(Duration.ofMinutes(1));

    static final Duration BASELINE_CAP = Duration.ofSeconds(40);
    static final String TOKEN = "benchmark-token-0123456789";
    static final String[] SCOPES = {null, "shop", "billing"};

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One measured run. */
    static final class Figures {
        final String mode;
        final int n;
        int finished;
        int starts;
        int requests;
        int peakExtraThreads;
        double heldHeapMb;
        double p50DelaySeconds;
        double p99DelaySeconds;
        boolean capped;
        double seconds;

        Figures(String mode, int n) {
            this.mode = mode;
            this.n = n;
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int[] sizes = args.length > 0 ? parse(args[0]) : new int[] {1, 10, 100, 1000};
        System.out.printf(
                Locale.ROOT,
                "CodeScoring coordinator benchmark: %d cores, max heap %d MB, Java %s, time compressed %dx%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"),
                COMPRESSION);
        System.out.printf(
                Locale.ROOT,
                "analysis %s, baseline poll %s, coordinator polls %s..%s, arrivals over %s%n%n",
                ANALYSIS,
                BASELINE_POLL,
                FIRST_POLL,
                MAX_POLL,
                ARRIVALS_OVER);
        List<Figures> all = new ArrayList<>();
        for (int n : sizes) {
            Figures ours = runCoordinated(n);
            Figures baseline = runBaseline(n);
            all.add(ours);
            all.add(baseline);
            print(ours);
            print(baseline);
        }
        printTable(all);
        Figures ours100 = find(all, "coordinator", 100);
        Figures base100 = find(all, "baseline", 100);
        if (ours100 != null && base100 != null) {
            double heap = all.stream()
                    .filter(f -> f.mode.equals("coordinator"))
                    .mapToDouble(f -> f.heldHeapMb)
                    .max()
                    .orElse(0);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT n=100 starts=%d requests=%d baseline_requests=%d ratio=%.1f threads=%d heap_mb=%.1f"
                            + " p99_verdict_delay_s=%.2f%n",
                    ours100.starts,
                    ours100.requests,
                    base100.requests,
                    (double) base100.requests / ours100.requests,
                    ours100.peakExtraThreads,
                    heap,
                    ours100.p99DelaySeconds);
        }
    }

    static Figures runCoordinated(int n) throws Exception {
        Figures figures = new Figures("coordinator", n);
        try (CodescoringSimulator simulator = startSimulator()) {
            HttpClient http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            // As in Jenkins (CodescoringScans): one timer thread, and an elastic pool for the polls.
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            ThreadPoolExecutor polls = new ThreadPoolExecutor(0, 32, 60, TimeUnit.SECONDS, new SynchronousQueue<>());
            AnalysisCoordinators coordinators = new AnalysisCoordinators(timer, polls, Clock.systemUTC());
            ScanRequest[] requests = new ScanRequest[SCOPES.length];
            for (int i = 0; i < SCOPES.length; i++) {
                requests[i] = ScanRequest.builder()
                        .project(SCOPES[i])
                        .firstPollInterval(FIRST_POLL)
                        .maxPollInterval(MAX_POLL)
                        .timeout(Duration.ofMinutes(5))
                        .build();
            }
            int baseThreads = THREADS.getThreadCount();
            int baseRequests = simulator.requestCount();
            long baseHeap = heldHeap();
            CountDownLatch done = new CountDownLatch(n);
            ConcurrentLinkedQueue<ScanResult> results = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Instant> verdictTimes = new ConcurrentLinkedQueue<>();
            List<Double> delays = Collections.synchronizedList(new ArrayList<>());
            ThreadSampler sampler = new ThreadSampler(baseThreads);
            sampler.start();
            long started = System.nanoTime();
            for (int i = 0; i < n; i++) {
                // As in Jenkins: each build opens its own client over the shared HTTP client.
                CodescoringApi api = client(simulator, http);
                ScanRequest request = requests[i % requests.length];
                coordinators.submit(
                        api, request, ScanState.begin(request, Instant.now()), ScanListener.SILENT, result -> {
                            Instant at = Instant.now();
                            results.add(result);
                            Instant ended = result.analysisRunId() == null
                                    ? null
                                    : simulator.analysisFinishedAt(result.analysisRunId());
                            if (ended != null) {
                                delays.add(Duration.between(ended, at).toNanos() / 1e9);
                            }
                            verdictTimes.add(at);
                            done.countDown();
                        });
                pause(ARRIVALS_OVER.toNanos() / Math.max(1, n));
            }
            // Every scan is waiting now: what they hold is measured while they wait.
            figures.heldHeapMb = Math.max(0, heldHeap() - baseHeap) / (1024.0 * 1024.0);
            done.await(5, TimeUnit.MINUTES);
            figures.seconds = (System.nanoTime() - started) / 1e9;
            sampler.stop();
            figures.peakExtraThreads = sampler.peak;
            figures.finished = results.size();
            figures.starts = simulator.analysisStarts();
            figures.requests = simulator.requestCount() - baseRequests;
            percentiles(figures, delays);
            long failed =
                    results.stream().filter(r -> r.verdict() == Verdict.ERROR).count();
            if (failed > 0 || figures.finished < n) {
                System.out.println("  WARNING: " + failed + " errors, " + (n - figures.finished) + " unfinished");
            }
            timer.shutdownNow();
            polls.shutdownNow();
        }
        return figures;
    }

    static Figures runBaseline(int n) throws Exception {
        Figures figures = new Figures("baseline", n);
        try (CodescoringSimulator simulator = startSimulator()) {
            HttpClient http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            int baseThreads = THREADS.getThreadCount();
            int baseRequests = simulator.requestCount();
            ThreadSampler sampler = new ThreadSampler(baseThreads);
            sampler.start();
            AtomicInteger finished = new AtomicInteger();
            List<Double> delays = Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            long started = System.nanoTime();
            long capAt = started + BASELINE_CAP.toNanos();
            for (int i = 0; i < n; i++) {
                CodescoringApi api = client(simulator, http);
                Thread thread =
                        new Thread(() -> naiveScan(api, simulator, capAt, finished, delays), "baseline-scan-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
                pause(ARRIVALS_OVER.toNanos() / Math.max(1, n));
            }
            for (Thread thread : threads) {
                thread.join(Math.max(1, (capAt - System.nanoTime()) / 1_000_000 + 2_000));
            }
            figures.seconds = (System.nanoTime() - started) / 1e9;
            sampler.stop();
            figures.peakExtraThreads = sampler.peak;
            figures.finished = finished.get();
            figures.capped = figures.finished < n;
            figures.starts = simulator.analysisStarts();
            figures.requests = simulator.requestCount() - baseRequests;
            percentiles(figures, delays);
        }
        return figures;
    }

    /** What existing plugins do: start (retrying while another analysis runs), poll on a thread, read alerts. */
    private static void naiveScan(
            CodescoringApi api,
            CodescoringSimulator simulator,
            long capAt,
            AtomicInteger finished,
            List<Double> delays) {
        try {
            String ours = null;
            while (ours == null) {
                if (System.nanoTime() > capAt) {
                    return;
                }
                StartOutcome outcome = api.startOverallAnalysis();
                if (outcome.isStarted()) {
                    ours = outcome.runId();
                } else {
                    Thread.sleep(BASELINE_POLL.toMillis());
                }
            }
            while (true) {
                Thread.sleep(BASELINE_POLL.toMillis());
                if (System.nanoTime() > capAt) {
                    return;
                }
                AnalysisStatus status = api.overallAnalysisStatus();
                if (ours.equals(status.runId()) && status.phase().isFinal()) {
                    break;
                }
            }
            api.activeAlerts(AlertScope.all());
            Instant ended = simulator.analysisFinishedAt(ours);
            if (ended != null) {
                delays.add(Duration.between(ended, Instant.now()).toNanos() / 1e9);
            }
            finished.incrementAndGet();
        } catch (CodescoringException | RuntimeException e) {
            System.out.println("  baseline scan failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CodescoringSimulator startSimulator() throws Exception {
        CodescoringSimulator simulator = CodescoringSimulator.start(TOKEN);
        simulator.load(Dataset.severalProjects());
        simulator.setAnalysisDuration(ANALYSIS);
        simulator.setStaleStatusWindow(compressed(Duration.ofSeconds(5)));
        warmUp(simulator);
        return simulator;
    }

    /** Makes the simulator create all its worker threads now, so they are not counted as ours. */
    private static void warmUp(CodescoringSimulator simulator) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CodescoringSimulator.WORKER_THREADS * 2; i++) {
            Thread thread = new Thread(() -> {
                try {
                    http.send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                            simulator.baseUrl() + "/api/policies/?page=1&per_page=1"))
                                    .header("Authorization", "Token " + TOKEN)
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        pause(TimeUnit.MILLISECONDS.toNanos(200));
    }

    private static CodescoringApi client(CodescoringSimulator simulator, HttpClient http) throws CodescoringException {
        return CodescoringClient.builder(simulator.baseUrl(), TOKEN)
                .httpClient(http)
                .retryPolicy(RetryPolicy.defaults())
                .build();
    }

    private static long heldHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void percentiles(Figures figures, List<Double> delays) {
        List<Double> sorted = new ArrayList<>(delays);
        Collections.sort(sorted);
        figures.p50DelaySeconds = percentile(sorted, 0.50);
        figures.p99DelaySeconds = percentile(sorted, 0.99);
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void print(Figures f) {
        System.out.printf(
                Locale.ROOT,
                "%-11s n=%-5d finished=%-5d starts=%-4d requests=%-7d per_scan=%-8.2f threads=+%-5d"
                        + " heap_mb=%-6.1f verdict_delay_s p50=%.2f p99=%.2f (%.1f s%s)%n",
                f.mode,
                f.n,
                f.finished,
                f.starts,
                f.requests,
                (double) f.requests / f.n,
                f.peakExtraThreads,
                f.heldHeapMb,
                f.p50DelaySeconds,
                f.p99DelaySeconds,
                f.seconds,
                f.capped ? ", stopped at the cap" : "");
    }

    private static void printTable(List<Figures> all) {
        System.out.println();
        System.out.println(
                "| N | mode | finished | analysis starts | HTTP requests | per scan | peak extra threads | held heap MB | verdict delay p50 / p99 (s) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Figures f : all) {
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %s | %d%s | %d | %s%d | %.2f | %d | %s | %.2f / %.2f |%n",
                    f.n,
                    f.mode,
                    f.finished,
                    f.capped ? " (cap " + BASELINE_CAP.toSeconds() + " s)" : "",
                    f.starts,
                    f.capped ? "≥ " : "",
                    f.requests,
                    (double) f.requests / f.n,
                    f.peakExtraThreads,
                    f.mode.equals("baseline") ? "-" : String.format(Locale.ROOT, "%.1f", f.heldHeapMb),
                    f.p50DelaySeconds,
                    f.p99DelaySeconds);
        }
        System.out.println();
    }

    private static Figures find(List<Figures> all, String mode, int n) {
        return all.stream()
                .filter(f -> f.mode.equals(mode) && f.n == n)
                .findFirst()
                .orElse(null);
    }

    private static Duration compressed(Duration real) {
        return real.dividedBy(COMPRESSION);
    }

    private static void pause(long nanos) {
        if (nanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int[] parse(String list) {
        String[] parts = list.split(",");
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            sizes[i] = Integer.parseInt(parts[i].trim());
        }
        return sizes;
    }

    /**
     * Samples the JVM's live threads every 10 ms and keeps the peak above the base, counted once the
     * simulator's threads all exist (see {@link #warmUp}), so only the scans' threads are counted.
     */
    private static final class ThreadSampler implements Runnable {
        private final int base;
        private volatile boolean running = true;
        private final Thread thread = new Thread(this, "benchmark-thread-sampler");
        volatile int peak;

        ThreadSampler(int base) {
            this.base = base;
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, THREADS.getThreadCount() - base);
                pause(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }
    }
}
