package io.jenkins.plugins.codescoring.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;

/**
 * Lets a test or benchmark that runs the simulator as a separate process ({@code simulator --control})
 * read its counters and change its behaviour between cases. It lives beside the API under
 * {@value #PREFIX}, a path the platform does not have; its own requests are not counted, it needs no
 * token and answers loopback clients only.
 *
 * <pre>
 * GET  /_simulator/stats                                  counters as JSON (see {@link #stats()})
 * POST /_simulator/outcome?value=never-ends               how the next analyses end
 * POST /_simulator/dataset?value=three-blockers           the dataset the next analyses publish (a preset's name)
 * POST /_simulator/analysis-seconds?value=2.5             how long the next analyses run
 * POST /_simulator/complete?outcome=success               ends the running analysis now (409 when none)
 * POST /_simulator/fault?kind=html&amp;times=N[&amp;code=C][&amp;path=/api/...]   queues a fault (kinds: {@link #FAULTS})
 * POST /_simulator/fault?kind=flaky&amp;percent=50&amp;retry-after=S&amp;times=N   503 or 429 for about that share of requests
 * POST /_simulator/clear-faults                           forgets the queued faults
 * POST /_simulator/webhook-fault?kind=late&amp;times=N[&amp;seconds=S]  applies a fault to the next webhook batches
 *                                                         (kinds: {@link #WEBHOOK_FAULTS})
 * </pre>
 */
final class ControlEndpoint implements HttpHandler {

    static final String PREFIX = "/_simulator/";
    static final String FAULTS = "html, malformed-json, status, hang, drop, flaky";
    static final String WEBHOOK_FAULTS = "lost, duplicate, late, wrong-token";
    private static final int MAX_TIMES = 1_000_000;

    private final CodescoringSimulator simulator;

    ControlEndpoint(CodescoringSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
            Exchanges.send(exchange, ApiResponse.json(403, ApiJson.detail("loopback only")));
            return;
        }
        String command = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Query query = Query.parse(exchange.getRequestURI().getRawQuery());
        ApiResponse response;
        try {
            response = answer(command, method, query);
        } catch (IllegalArgumentException | IllegalStateException e) {
            int status = e instanceof IllegalStateException ? 409 : 400;
            response = ApiResponse.json(status, ApiJson.detail(e.getMessage()));
        }
        Exchanges.send(exchange, response);
    }

    private ApiResponse answer(String command, String method, Query query) {
        if ("stats".equals(command)) {
            return "GET".equals(method) ? ApiResponse.json(200, stats()) : notAllowed("GET");
        }
        if (!"POST".equals(method)) {
            return notAllowed("POST");
        }
        switch (command) {
            case "outcome":
                simulator.setOutcomes(SimulatorOptions.outcome(required(query, "value")));
                break;
            case "dataset":
                simulator.load(Dataset.byName(required(query, "value")));
                break;
            case "analysis-seconds":
                simulator.setAnalysisDuration(SimulatorOptions.seconds("value", required(query, "value")));
                break;
            case "complete":
                simulator.completeAnalysis(SimulatorOptions.outcome(required(query, "outcome")));
                break;
            case "fault":
                simulator.inject(fault(query));
                break;
            case "clear-faults":
                simulator.clearFaults();
                break;
            case "webhook-fault":
                String times = query.get("times");
                simulator.injectWebhookFault(
                        webhookFault(query), times == null ? 1 : number(times, "times", 1, MAX_TIMES));
                break;
            default:
                return ApiResponse.json(404, ApiJson.detail("unknown control command: " + command));
        }
        return ApiResponse.json(200, stats());
    }

    /**
     * {@code requests} (API requests received), {@code analysisStarts} (accepted starts),
     * {@code rejectedStarts} ("already running" answers), {@code analysisRunning}, {@code faultsPending},
     * {@code runStartedAt}: when each accepted run began (ISO-8601 by run id),
     * {@code byRequest}: the count per method and path, e.g. {@code "GET /api/alerts/": 3}, and {@code webhooks}:
     * whether they are sent ({@code sending}), the {@link WebhookCounts} and {@code faultsPending}.
     */
    ObjectNode stats() {
        ObjectNode json = ApiJson.object()
                .put("requests", simulator.requestCount())
                .put("analysisStarts", simulator.analysisStarts())
                .put("rejectedStarts", simulator.rejectedStarts())
                .put("analysisRunning", simulator.isAnalysisRunning())
                .put("faultsPending", !simulator.faultsUsedUp());
        ObjectNode startedAt = json.putObject("runStartedAt");
        simulator.analysisStartTimes().forEach((id, at) -> startedAt.put(id, at.toString()));
        ObjectNode byRequest = json.putObject("byRequest");
        for (Map.Entry<String, Integer> entry : simulator.requestCountsByLine().entrySet()) {
            byRequest.put(entry.getKey(), entry.getValue());
        }
        WebhookCounts counts = simulator.webhookCounts();
        json.putObject("webhooks")
                .put("sending", simulator.webhookSettings() != null)
                .put("events", counts.events())
                .put("batches", counts.batches())
                .put("posts", counts.posts())
                .put("delivered", counts.delivered())
                .put("failed", counts.failed())
                .put("givenUp", counts.givenUp())
                .put("faulted", counts.faulted())
                .put("faultsPending", !simulator.webhookFaultsUsedUp());
        return json;
    }

    private static WebhookFault webhookFault(Query query) {
        String kind = required(query, "kind");
        switch (kind) {
            case "lost":
                return WebhookFault.lost();
            case "duplicate":
                return WebhookFault.duplicate();
            case "late":
                return WebhookFault.late(SimulatorOptions.seconds("seconds", required(query, "seconds")));
            case "wrong-token":
                return WebhookFault.wrongToken();
            default:
                throw new IllegalArgumentException("kind must be one of " + WEBHOOK_FAULTS + ": " + kind);
        }
    }

    private static Fault fault(Query query) {
        String kind = required(query, "kind");
        Fault fault;
        switch (kind) {
            case "html":
                fault = Fault.html200();
                break;
            case "malformed-json":
                fault = Fault.malformedJson();
                break;
            case "status":
                fault = Fault.status(number(required(query, "code"), "code", 100, 599));
                break;
            case "hang":
                fault = Fault.hang();
                break;
            case "drop":
                fault = Fault.drop();
                break;
            case "flaky":
                fault = Fault.flaky(
                        number(required(query, "percent"), "percent", 0, 100),
                        query.get("retry-after") == null
                                ? 1
                                : number(query.get("retry-after"), "retry-after", 0, 3600));
                break;
            default:
                throw new IllegalArgumentException("kind must be one of " + FAULTS + ": " + kind);
        }
        String times = query.get("times");
        if (times != null) {
            fault = fault.times(number(times, "times", 1, MAX_TIMES));
        }
        String path = query.get("path");
        return path == null ? fault : fault.onPath(path);
    }

    private static String required(Query query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing parameter " + name);
        }
        return value;
    }

    private static int number(String text, String name, int min, int max) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a number from " + min + " to " + max + ": " + text);
    }

    private static ApiResponse notAllowed(String allowed) {
        return ApiResponse.json(405, ApiJson.detail("use " + allowed)).withHeader("Allow", allowed);
    }
}
