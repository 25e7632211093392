package io.jenkins.plugins.codescoring.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of every request: records it, applies a queued transport fault if one matches, else
 * sends the API's answer. Slow and hanging answers hold no worker thread: a slow one is resumed by a
 * scheduler, a hanging one is parked until {@link #releaseHanging()}.
 */
final class ExchangeHandler implements HttpHandler {

    static final int MAX_RECORDED_BODY = 64 * 1024;

    private final SimulatedApi api;
    private final FaultQueue faults;
    private final RequestLog log;
    private final Executor workers;
    private final ScheduledExecutorService scheduler;
    private final String fallbackOrigin;
    private final Set<HttpExchange> hanging = ConcurrentHashMap.newKeySet();
    /** Decides which requests a flaky fault fails; seeded, so a run of requests in one order fails alike. */
    private final Random chance = new Random(19);

    ExchangeHandler(
            SimulatedApi api,
            FaultQueue faults,
            RequestLog log,
            Executor workers,
            ScheduledExecutorService scheduler,
            String fallbackOrigin) {
        this.api = api;
        this.faults = faults;
        this.log = log;
        this.workers = workers;
        this.scheduler = scheduler;
        this.fallbackOrigin = fallbackOrigin;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        RecordedRequest request = record(exchange);
        log.add(request);
        Optional<FaultQueue.Shot> shot = faults.take(request.path(), Fault.Kind::actsOnTransport);
        if (shot.isEmpty()) {
            answer(exchange, request);
            return;
        }
        Fault fault = shot.get().fault();
        switch (fault.kind()) {
            case SLOW:
                answerLater(exchange, request, fault);
                return;
            case HANG:
                hanging.add(exchange);
                return;
            case FLAKY:
                answerFlakily(exchange, request, fault);
                return;
            default:
                TransportFaults.answer(fault, exchange, request);
        }
    }

    /** Ends every parked hanging exchange (their connections are closed by the server's stop too). */
    void releaseHanging() {
        hanging.forEach(HttpExchange::close);
        hanging.clear();
    }

    /** A {@link Fault#flaky} fault: 503 or 429 by chance, else the usual answer. */
    private void answerFlakily(HttpExchange exchange, RecordedRequest request, Fault fault) throws IOException {
        if (chance.nextInt(100) >= fault.amount()) {
            answer(exchange, request);
        } else if (chance.nextBoolean()) {
            TransportFaults.answer(Fault.status(503), exchange, request);
        } else {
            TransportFaults.answer(Fault.tooManyRequests((int) fault.delay().toSeconds()), exchange, request);
        }
    }

    private void answer(HttpExchange exchange, RecordedRequest request) throws IOException {
        Exchanges.send(exchange, api.answer(request, origin(exchange)));
    }

    private void answerLater(HttpExchange exchange, RecordedRequest request, Fault fault) {
        try {
            scheduler.schedule(
                    () -> workers.execute(() -> answerQuietly(exchange, request)),
                    fault.delay().toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            exchange.close();
        }
    }

    private void answerQuietly(HttpExchange exchange, RecordedRequest request) {
        try {
            answer(exchange, request);
        } catch (IOException | RuntimeException clientGoneOrClosing) {
            exchange.close();
        }
    }

    private String origin(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host == null || host.isBlank() ? fallbackOrigin : "http://" + host.trim();
    }

    private static RecordedRequest record(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readNBytes(MAX_RECORDED_BODY), StandardCharsets.UTF_8);
            in.transferTo(OutputStream.nullOutputStream());
        }
        return new RecordedRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(),
                body,
                Instant.now());
    }
}
