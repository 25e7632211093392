package io.jenkins.plugins.codescoring.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The CodeScoring simulator as its own process ({@code java -jar codescoring-cli.jar simulator --control}),
 * as a platform is to a controller. Its counters and switches are read through its loopback control
 * endpoint. It can be stopped and started again on the same port (the counters start again from zero).
 */
public final class SimulatorProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final E2eFiles files;
    private final Path work;
    private final int port;
    private final String token;
    private final String analysisSeconds;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private ManagedProcess process;

    public SimulatorProcess(E2eFiles files, Path work, int port, String token, String analysisSeconds) {
        this.files = files;
        this.work = work;
        this.port = port;
        this.token = token;
        this.analysisSeconds = analysisSeconds;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the simulator runs already");
        }
        process = ManagedProcess.startJava(
                "simulator",
                work,
                List.of(
                        "-Xmx256m",
                        "-jar",
                        files.cliJar().toString(),
                        "simulator",
                        "--control",
                        "--port",
                        String.valueOf(port),
                        "--dataset",
                        "demo",
                        "--analysis-seconds",
                        analysisSeconds),
                Map.of("CODESCORING_SIMULATOR_TOKEN", token),
                work.resolve("simulator.log"));
        Wait.until("the simulator to answer on " + url(), Duration.ofSeconds(60), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the simulator exited; log " + process.log());
            }
            return stats() != null;
        });
    }

    /** Stops it (SIGTERM) and waits until its port is closed. */
    public void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(10));
            Wait.until("port " + port + " to close", Duration.ofSeconds(10), () -> !FreePort.isListening(port));
        }
    }

    /** {@code GET /_simulator/stats}: requests, analysisStarts, rejectedStarts, analysisRunning, byRequest. */
    public JsonNode stats() throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(url() + "/_simulator/stats")).GET());
    }

    public int analysisStarts() throws IOException, InterruptedException {
        return stats().get("analysisStarts").asInt();
    }

    /** A POST to the control endpoint, e.g. {@code outcome?value=never-ends}; answers the stats after it. */
    public JsonNode control(String commandAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url() + "/_simulator/" + commandAndQuery))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Path log() {
        return work.resolve("simulator.log");
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("simulator control answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(10));
        }
    }
}
