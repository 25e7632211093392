package io.jenkins.plugins.codescoring.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A small JDK HTTP client for the simulator's tests: bounded timeouts, no redirects followed. */
final class SimulatorClient {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String STATUS = "/api/analyses/overall_sca/status/";
    static final String START = "/api/analyses/overall_sca/start/";

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String baseUrl;
    private final String authorization;

    SimulatorClient(CodescoringSimulator simulator) {
        this(simulator.baseUrl(), "Token " + simulator.token());
    }

    SimulatorClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** The same server with another Authorization header (null for none). */
    SimulatorClient withAuthorization(String header) {
        return new SimulatorClient(baseUrl, header);
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(
                request(pathAndQuery, Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(
                request(pathAndQuery, Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery, Duration timeout) throws IOException, InterruptedException {
        return http.send(request(pathAndQuery, timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> getAsync(String pathAndQuery, Duration timeout) {
        return http.sendAsync(request(pathAndQuery, timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> postAsync(String pathAndQuery, Duration timeout) {
        return http.sendAsync(
                request(pathAndQuery, timeout)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET and parse the body as JSON, requiring status 200. */
    JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return MAPPER.readTree(response.body());
    }

    JsonNode status() throws IOException, InterruptedException {
        return json(STATUS);
    }

    /** POST start, requiring a 2xx. */
    HttpResponse<String> start() throws IOException, InterruptedException {
        HttpResponse<String> response = post(START);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("start answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    /** Polls /status until its status is that word; fails after the timeout. */
    JsonNode awaitStatus(String word, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode status = status();
        while (!word.equals(status.path("status").asText())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("status still " + status + " after " + timeout + ", expected " + word);
            }
            Thread.sleep(10);
            status = status();
        }
        return status;
    }

    static JsonNode parse(String body) throws IOException {
        return MAPPER.readTree(body);
    }

    private HttpRequest.Builder request(String pathAndQuery, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }
}
