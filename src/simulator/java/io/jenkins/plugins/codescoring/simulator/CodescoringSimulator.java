package io.jenkins.plugins.codescoring.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CodeScoring platform on loopback that implements the contract the plugin assumes (section 3 of
 * the platform notes): token check, one overall SCA analysis at a time with a status that lags after a
 * start, alerts published by successful analyses, paginated lists, Django's slash redirects, and
 * injectable faults; on request it also sends the platform's webhooks ({@link #sendWebhooks}). Start it,
 * point a client at {@link #baseUrl()}, and close it.
 *
 * <pre>{@code
 * try (CodescoringSimulator platform = CodescoringSimulator.start("secret")) {
 *     platform.load(Dataset.blocking());
 *     platform.inject(Fault.status(503).times(2));
 *     ... scan against platform.baseUrl() with token "secret" ...
 * }
 * }</pre>
 */
public final class CodescoringSimulator implements AutoCloseable {

    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK add ~40 ms to every answer. Read once, when the JVM's first HttpServer starts.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    /** Handler threads; slow and hanging faults hold none of them. */
    public static final int WORKER_THREADS = 32;

    private static final int ACCEPT_BACKLOG = 4096;

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final ExchangeHandler handler;
    private final SimulatorSettings settings;
    private final AnalysisLifecycle lifecycle = new AnalysisLifecycle();
    private final FaultQueue faults = new FaultQueue();
    private final RequestLog log = new RequestLog();
    private final WebhookFaults webhookFaults = new WebhookFaults();
    private final WebhookLog webhookLog = new WebhookLog();
    /** The running webhook sender, or null; guarded by {@code this} for changes. */
    private volatile WebhookSender webhooks;

    private final String baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CodescoringSimulator(int port, String token) throws IOException {
        settings = new SimulatorSettings(token);
        lifecycle.setObserver(new AnalysisWebhooks(events -> {
            WebhookSender sender = webhooks;
            if (sender != null) {
                sender.queue(events);
            }
        }));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), ACCEPT_BACKLOG);
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        workers = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads("codescoring-simulator-worker"));
        scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("codescoring-simulator-delay"));
        handler = new ExchangeHandler(
                new SimulatedApi(settings, lifecycle, faults), faults, log, workers, scheduler, baseUrl);
        server.createContext("/", handler);
        server.setExecutor(workers);
        server.start();
    }

    /** Starts a simulator on a free port of 127.0.0.1 that accepts that token. */
    public static CodescoringSimulator start(String token) throws IOException {
        return start(0, token);
    }

    /** Starts a simulator on that port of 127.0.0.1 (0 for a free one) that accepts that token. */
    public static CodescoringSimulator start(int port, String token) throws IOException {
        return new CodescoringSimulator(port, Objects.requireNonNull(token, "token"));
    }

    /** {@code http://127.0.0.1:<port>}, without trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public String token() {
        return settings.token();
    }

    /**
     * Replaces the platform's current policies, projects and alerts. Policies and projects are served live;
     * alerts only once an analysis that started after this call has succeeded.
     */
    public void load(Dataset dataset) {
        settings.setDataset(dataset);
    }

    /** The dataset loaded now (not necessarily the one whose alerts are published). */
    public Dataset dataset() {
        return settings.dataset();
    }

    /** How long the next analyses run (default 300 ms); the first fifth of it they are "pending". */
    public void setAnalysisDuration(Duration duration) {
        lifecycle.setAnalysisDuration(duration);
    }

    /** How long after a start {@code /status} still describes the previous run (default 100 ms). */
    public void setStaleStatusWindow(Duration window) {
        lifecycle.setStaleStatusWindow(window);
    }

    /** The outcomes of the next analyses in order; the last one repeats (default: SUCCESS). */
    public void setOutcomes(Outcome... outcomes) {
        lifecycle.setOutcomes(Arrays.asList(outcomes));
    }

    /** If true, analyses started from now on run until {@link #completeAnalysis(Outcome)}. */
    public void setManualCompletion(boolean manual) {
        lifecycle.setManualCompletion(manual);
    }

    /**
     * Ends the running analysis now with SUCCESS, FAILED or CANCELLED.
     *
     * @throws IllegalStateException if no analysis is running
     */
    public void completeAnalysis(Outcome outcome) {
        lifecycle.complete(outcome);
    }

    /** When the analysis run with this id ended on the platform, or null while it runs or if unknown. */
    public Instant analysisFinishedAt(String runId) {
        try {
            return lifecycle.finishedAt(Long.parseLong(runId));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * When the analysis run with this id began (the platform accepted its start; what {@code started_at} says), or
     * null if unknown: to check that a verdict came from a run that began after the scan's request.
     */
    public Instant analysisStartedAt(String runId) {
        try {
            return lifecycle.startedAt(Long.parseLong(runId));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** When each accepted analysis run began, by run id in the order of the starts. */
    public Map<String, Instant> analysisStartTimes() {
        Map<String, Instant> times = new java.util.LinkedHashMap<>();
        lifecycle.startTimes().forEach((id, at) -> times.put(String.valueOf(id), at));
        return times;
    }

    /** Whether an analysis is running now (one that forbids another start). */
    public boolean isAnalysisRunning() {
        return lifecycle.isRunning();
    }

    /** Waits until at least {@code count} starts have been accepted in all; false on timeout. */
    public boolean awaitAnalysisStarts(int count, Duration timeout) throws InterruptedException {
        return lifecycle.awaitAcceptedStarts(count, timeout);
    }

    public void setStartResponse(StartResponse kind) {
        settings.setStartResponse(kind);
    }

    /**
     * Replaces the words {@code /status} uses for a running run (the whole run, instead of
     * pending/in_progress) and for a successful one (instead of success); null keeps the default.
     */
    public void setStatusWords(String running, String success) {
        settings.setStatusWords(new StatusWords(running, success));
    }

    /** Renders booleans of alerts and policies as the strings "True"/"False", as older platforms did. */
    public void setLegacyBooleans(boolean legacy) {
        settings.setLegacyBooleans(legacy);
    }

    /** Queues a fault behind those already queued. */
    public void inject(Fault fault) {
        faults.add(Objects.requireNonNull(fault, "fault"));
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Whether every injected fault has been used up. */
    public boolean faultsUsedUp() {
        return faults.isEmpty();
    }

    /** Accepted starts, including those whose run never appears. */
    public int analysisStarts() {
        return lifecycle.acceptedStarts();
    }

    /** Starts answered "Another analysis in progress". */
    public int rejectedStarts() {
        return lifecycle.rejectedStarts();
    }

    /** Every HTTP request received. */
    public int requestCount() {
        return log.count();
    }

    /** The requests received, oldest first (the most recent {@value RequestLog#CAPACITY} of them). */
    public List<RecordedRequest> requests() {
        return log.recent();
    }

    /** The number of requests per {@code METHOD /path}, e.g. {@code POST /api/analyses/overall_sca/start/}. */
    public Map<String, Integer> requestCountsByLine() {
        return log.countsByLine();
    }

    /**
     * Serves the loopback control endpoint ({@link ControlEndpoint}) under {@code /_simulator/}: counters
     * and switches for a test that runs the simulator as a separate process. Off unless called.
     */
    public void enableControl() {
        server.createContext(ControlEndpoint.PREFIX, new ControlEndpoint(this));
    }

    /** Forgets the recorded requests (the count goes on). */
    public void clearRequests() {
        log.clear();
    }

    /**
     * From now on, sends the platform's webhooks to that URL with that token (header
     * {@value WebhookSettings#TOKEN_HEADER}), in batches every {@code batchInterval}: for each project of the
     * analysed dataset, {@code project_sca_analysis_started} when an analysis starts, and
     * {@code ..._finished} (after a {@code sca_policy_has_been_triggered} per active alert), {@code ..._failed}
     * or {@code ..._cancelled} when it ends. Replaces a sender already running (dropping its queued events).
     */
    public void sendWebhooks(URI target, String token, Duration batchInterval) {
        sendWebhooks(WebhookSettings.of(target, token, batchInterval));
    }

    /** As {@link #sendWebhooks(URI, String, Duration)}, with every setting given. */
    public synchronized void sendWebhooks(WebhookSettings webhookSettings) {
        Objects.requireNonNull(webhookSettings, "webhookSettings");
        if (closed.get()) {
            throw new IllegalStateException("the simulator is closed");
        }
        stopWebhooks();
        webhooks = new WebhookSender(webhookSettings, webhookFaults, webhookLog, lifecycle::settleNow);
    }

    /** Stops sending webhooks: queued events and pending retries are dropped. Does nothing if none are sent. */
    public synchronized void stopWebhooks() {
        WebhookSender sender = webhooks;
        webhooks = null;
        if (sender != null) {
            sender.close();
        }
    }

    /** The settings of the webhooks being sent, or null when none are. */
    public WebhookSettings webhookSettings() {
        WebhookSender sender = webhooks;
        return sender == null ? null : sender.settings();
    }

    /** Applies that fault to each of the next {@code times} webhook batches, after the faults already queued. */
    public void injectWebhookFault(WebhookFault fault, int times) {
        webhookFaults.add(Objects.requireNonNull(fault, "fault"), times);
    }

    public void clearWebhookFaults() {
        webhookFaults.clear();
    }

    /** Whether every injected webhook fault has been used up. */
    public boolean webhookFaultsUsedUp() {
        return webhookFaults.isEmpty();
    }

    /** Every webhook POST attempted and every batch a fault dropped, oldest first (the most recent 10,000). */
    public List<WebhookDelivery> webhookDeliveries() {
        return webhookLog.deliveries();
    }

    public WebhookCounts webhookCounts() {
        return webhookLog.counts();
    }

    /**
     * POSTs that body once, now, to the webhook URL with that token (null: without the header), outside the
     * batches, and returns the HTTP status: for tests of a receiver.
     *
     * @throws IllegalStateException if no webhooks are being sent
     * @throws IOException if the receiver does not answer
     */
    public int sendRawWebhook(String body, String token) throws IOException {
        WebhookSender sender = webhooks;
        if (sender == null) {
            throw new IllegalStateException("no webhook URL: call sendWebhooks first");
        }
        return sender.sendRaw(Objects.requireNonNull(body, "body"), token);
    }

    /** Stops the server, closes every connection (hanging ones included) and the threads. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopWebhooks();
        scheduler.shutdownNow();
        server.stop(0);
        handler.releaseHanging();
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "CodescoringSimulator[" + baseUrl + ", " + settings.dataset().describe() + "]";
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
