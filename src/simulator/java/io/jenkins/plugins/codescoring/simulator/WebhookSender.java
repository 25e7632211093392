package io.jenkins.plugins.codescoring.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends queued webhook events as the platform does: every batch interval, all events queued since the last
 * batch go out as one POST of {@code {"events": [...]}}; a POST that is not answered 2xx is retried after a
 * growing pause, up to {@link WebhookSettings#maxAttempts()} times, then dropped. One fault from
 * {@link WebhookFaults} applies to each batch. Everything runs on one daemon thread, which
 * {@link #close()} ends; events still queued then are dropped.
 */
final class WebhookSender implements AutoCloseable {

    static final String THREAD_NAME = "codescoring-simulator-webhooks";
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    /** A batch as sent; {@code token} differs from the configured one under a wrong-token fault. */
    private record Batch(long number, List<String> triggers, byte[] body, String token, WebhookFault.Kind fault) {}

    private final WebhookSettings settings;
    private final WebhookFaults faults;
    private final WebhookLog log;
    private final Runnable beforeBatch;
    private final WebhookPost post;
    private final Queue<WebhookEvent> queued = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService thread;

    /**
     * @param beforeBatch runs before each batch is formed: the lifecycle ends runs that are due, so their
     *                    events go out although nobody reads the status
     */
    WebhookSender(WebhookSettings settings, WebhookFaults faults, WebhookLog log, Runnable beforeBatch) {
        this.settings = settings;
        this.faults = faults;
        this.log = log;
        this.beforeBatch = beforeBatch;
        this.post = new WebhookPost(settings.target());
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread daemon = new Thread(runnable, THREAD_NAME);
            daemon.setDaemon(true);
            return daemon;
        });
        long interval = settings.batchInterval().toNanos();
        thread.scheduleWithFixedDelay(this::batchSafely, interval, interval, TimeUnit.NANOSECONDS);
    }

    WebhookSettings settings() {
        return settings;
    }

    void queue(List<WebhookEvent> events) {
        queued.addAll(events);
        log.queued(events.size());
    }

    /**
     * POSTs that body once, now, on the caller's thread, with that token (null: no token header); records
     * it as batch 0. Returns the status.
     */
    int sendRaw(String body, String token) throws IOException {
        Instant at = Instant.now();
        try {
            int status = new WebhookPost(settings.target()).send(body.getBytes(StandardCharsets.UTF_8), token);
            log.record(new WebhookDelivery(0, 1, at, status, null, List.of(), null, true));
            return status;
        } catch (IOException e) {
            log.record(new WebhookDelivery(0, 1, at, WebhookDelivery.NO_ANSWER, e.toString(), List.of(), null, true));
            throw e;
        }
    }

    private void batchSafely() {
        try {
            batch();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again; report and keep the sender alive
            System.err.println("codescoring simulator: webhook batch failed: " + e);
        }
    }

    private void batch() {
        beforeBatch.run();
        List<WebhookEvent> events = new ArrayList<>();
        for (WebhookEvent event; (event = queued.poll()) != null; ) {
            events.add(event);
        }
        if (events.isEmpty()) {
            return;
        }
        WebhookFault fault = faults.take();
        WebhookFault.Kind kind = fault == null ? null : fault.kind();
        long number = log.batchFormed(fault != null);
        List<String> triggers = events.stream().map(WebhookEvent::trigger).toList();
        if (kind == WebhookFault.Kind.LOST) {
            log.record(new WebhookDelivery(
                    number, 1, Instant.now(), WebhookDelivery.NOT_SENT, null, triggers, kind, true));
            return;
        }
        String token = kind == WebhookFault.Kind.WRONG_TOKEN ? WebhookFault.WRONG_TOKEN : settings.token();
        Batch batch = new Batch(number, triggers, body(events), token, kind);
        if (kind == WebhookFault.Kind.LATE) {
            later(() -> attempt(batch, 1), fault.delay());
            return;
        }
        attempt(batch, 1);
        if (kind == WebhookFault.Kind.DUPLICATE) {
            attempt(batch, 1);
        }
    }

    private void attempt(Batch batch, int attempt) {
        Instant at = Instant.now();
        int status;
        String error = null;
        try {
            status = post.send(batch.body(), batch.token());
        } catch (IOException e) {
            status = WebhookDelivery.NO_ANSWER;
            error = e.toString();
        }
        boolean delivered = status >= 200 && status < 300;
        boolean last = delivered || attempt >= settings.maxAttempts() || thread.isShutdown();
        log.record(
                new WebhookDelivery(batch.number(), attempt, at, status, error, batch.triggers(), batch.fault(), last));
        if (!last) {
            later(() -> attempt(batch, attempt + 1), settings.retryDelay(attempt));
        }
    }

    private void later(Runnable task, Duration delay) {
        try {
            thread.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: the batch is dropped with the sender
        }
    }

    private static byte[] body(List<WebhookEvent> events) {
        ObjectNode root = ApiJson.object();
        ArrayNode array = root.putArray("events");
        events.forEach(event -> array.add(event.json()));
        return ApiJson.bytes(root);
    }

    /** Stops batching and retrying, cuts a POST in progress and waits (boundedly) for the thread to end. */
    @Override
    public void close() {
        thread.shutdownNow();
        post.abort();
        try {
            thread.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
