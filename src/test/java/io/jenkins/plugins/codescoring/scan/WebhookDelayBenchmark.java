package io.jenkins.plugins.codescoring.scan;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.webhook.WebhookAnswer;
import io.jenkins.plugins.codescoring.webhook.WebhookDelivery;
import io.jenkins.plugins.codescoring.webhook.WebhookReceiver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The delay from the end of an analysis to the verdict, with and without the platform's webhook
 * (docs/performance.md; not a test: {@code bash .ci/benchmark-webhook}). Real time, loopback only: ten platforms
 * (simulators), one scan each, polled every 30 s (the default cap, which a scan reaches once a long analysis has
 * run for a while), analyses of 3 to 27 s, so that their ends fall across one poll interval. With the webhook,
 * each simulator posts its events in batches (every 5 s as CodeScoring does, and every 1 s) to a loopback
 * endpoint that runs the plugin's {@link WebhookReceiver} and {@link AnalysisCoordinators#pollNow}, as the Jenkins
 * endpoint does. Ends with one RESULT line. Bounded: every run stops after two minutes.
 */
public final class WebhookDelayBenchmark {
    static final int PLATFORMS = 10;
    static final Duration MAX_POLL = Duration.ofSeconds(30);
    static final String TOKEN = "benchmark-token-0123456789";
    static final String WEBHOOK_TOKEN = "benchmark-webhook-token-0123456789";

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.out.printf(
                Locale.ROOT,
                "CodeScoring webhook delay benchmark: %d cores, Java %s; %d platforms, one scan each, "
                        + "polled every %d s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                PLATFORMS,
                MAX_POLL.getSeconds());
        List<Double> polling = run(null);
        List<Double> webhook5 = run(Duration.ofSeconds(5));
        List<Double> webhook1 = run(Duration.ofSeconds(1));
        print("polling only", polling);
        print("webhook, batches every 5 s", webhook5);
        print("webhook, batches every 1 s", webhook1);
        System.out.printf(
                Locale.ROOT,
                "RESULT polling_p50_s=%.2f polling_max_s=%.2f webhook5_p50_s=%.2f webhook5_max_s=%.2f"
                        + " webhook1_p50_s=%.2f webhook1_max_s=%.2f%n",
                percentile(polling, 0.5),
                percentile(polling, 1),
                percentile(webhook5, 0.5),
                percentile(webhook5, 1),
                percentile(webhook1, 0.5),
                percentile(webhook1, 1));
    }

    /** Delays in seconds from each analysis' end to its scan's verdict; {@code batches} null: no webhook. */
    static List<Double> run(Duration batches) throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        ThreadPoolExecutor polls = new ThreadPoolExecutor(0, 32, 60, TimeUnit.SECONDS, new SynchronousQueue<>());
        AnalysisCoordinators coordinators = new AnalysisCoordinators(timer, polls, Clock.systemUTC());
        WebhookReceiver receiver = new WebhookReceiver(Clock.systemUTC());
        List<CodescoringSimulator> platforms = new ArrayList<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        List<Double> delays = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int i = 0; i < PLATFORMS; i++) {
                CodescoringSimulator platform = CodescoringSimulator.start(TOKEN);
                platform.load(Dataset.blocking());
                platform.setAnalysisDuration(Duration.ofMillis(3000 + 2700L * i)); // ends spread over one poll interval
                platforms.add(platform);
            }
            endpoint.createContext("/hook/", exchange -> receive(exchange, receiver, coordinators, platforms));
            endpoint.start();
            if (batches != null) {
                for (int i = 0; i < PLATFORMS; i++) {
                    platforms
                            .get(i)
                            .sendWebhooks(
                                    URI.create("http://127.0.0.1:"
                                            + endpoint.getAddress().getPort() + "/hook/" + i),
                                    WEBHOOK_TOKEN,
                                    batches);
                }
            }
            HttpClient http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            CountDownLatch done = new CountDownLatch(PLATFORMS);
            // Polls every 30 s from the start: how a scan polls once a long analysis has run for a while.
            ScanRequest request = ScanRequest.builder()
                    .firstPollInterval(MAX_POLL)
                    .maxPollInterval(MAX_POLL)
                    .timeout(Duration.ofMinutes(2))
                    .build();
            for (CodescoringSimulator platform : platforms) {
                CodescoringApi api = CodescoringClient.builder(platform.baseUrl(), TOKEN)
                        .httpClient(http)
                        .build();
                coordinators.submit(
                        api, request, ScanState.begin(request, Instant.now()), ScanListener.SILENT, result -> {
                            Instant at = Instant.now();
                            Instant ended = result.analysisRunId() == null
                                    ? null
                                    : platform.analysisFinishedAt(result.analysisRunId());
                            if (ended != null) {
                                delays.add(Duration.between(ended, at).toNanos() / 1e9);
                            }
                            done.countDown();
                        });
            }
            if (!done.await(2, TimeUnit.MINUTES)) {
                System.out.println("  WARNING: " + done.getCount() + " scans unfinished after two minutes");
            }
        } finally {
            endpoint.stop(0);
            platforms.forEach(CodescoringSimulator::close);
            timer.shutdownNow();
            polls.shutdownNow();
        }
        return delays;
    }

    /** What the Jenkins endpoint does, without Jenkins: judge the delivery, and on an ended analysis poll now. */
    private static void receive(
            HttpExchange exchange,
            WebhookReceiver receiver,
            AnalysisCoordinators coordinators,
            List<CodescoringSimulator> platforms)
            throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/hook/".length());
            byte[] body = exchange.getRequestBody().readNBytes(WebhookReceiver.MAX_BODY_BYTES + 1);
            WebhookAnswer answer = receiver.receive(new WebhookDelivery(
                    name,
                    WEBHOOK_TOKEN,
                    exchange.getRequestHeaders().getFirst("X-CodeScoring-Authentication"),
                    body,
                    body.length > WebhookReceiver.MAX_BODY_BYTES));
            if (answer.pollNow()) {
                coordinators.pollNow(platforms.get(Integer.parseInt(name)).baseUrl());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
        }
    }

    private static void print(String mode, List<Double> delays) {
        System.out.printf(
                Locale.ROOT,
                "%-28s verdicts=%-3d delay after the analysis' end: p50=%.2f s  p90=%.2f s  max=%.2f s%n",
                mode,
                delays.size(),
                percentile(delays, 0.5),
                percentile(delays, 0.9),
                percentile(delays, 1));
    }

    private static double percentile(List<Double> delays, double p) {
        List<Double> sorted = new ArrayList<>(delays);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
