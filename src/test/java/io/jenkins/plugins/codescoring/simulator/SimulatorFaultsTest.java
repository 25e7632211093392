package io.jenkins.plugins.codescoring.simulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

/** Every injectable fault, and how faults are queued, matched and used up. */
public class SimulatorFaultsTest {

    private static final String POLICIES = "/api/policies/?page=1&per_page=100";
    private static final String ALERTS = "/api/alerts/?status=active&page=1&per_page=100";

    @Rule
    public Timeout timeout = Timeout.seconds(20);

    @Rule
    public final SimulatorRule platform =
            new SimulatorRule("s3cret", Duration.ofMillis(20)).staleStatusWindow(Duration.ZERO);

    @Test
    public void statusFaultAppliesTheGivenNumberOfTimesThenTheNormalAnswerReturns() throws Exception {
        platform.simulator().inject(Fault.status(503).times(2));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = platform.client().get(POLICIES);
            assertEquals(503, response.statusCode());
            assertTrue(response.body().contains("503 Service Temporarily Unavailable"));
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        }
        assertEquals(200, platform.client().get(POLICIES).statusCode());
        assertTrue(platform.simulator().faultsUsedUp());
    }

    @Test
    public void aFlakyFaultAnswersAboutItsShareOfRequestsWith503Or429AndTheRestAsUsual() throws Exception {
        platform.simulator().inject(Fault.flaky(50, 3).times(400));
        int ok = 0;
        int unavailable = 0;
        int throttled = 0;
        for (int i = 0; i < 400; i++) {
            HttpResponse<String> response = platform.client().get(POLICIES);
            switch (response.statusCode()) {
                case 200:
                    ok++;
                    assertTrue(response.body(), response.body().contains("\"results\""));
                    break;
                case 503:
                    unavailable++;
                    assertTrue(response.body().contains("503 Service Temporarily Unavailable"));
                    break;
                case 429:
                    throttled++;
                    assertEquals(
                            "3", response.headers().firstValue("Retry-After").orElse(""));
                    break;
                default:
                    fail("unexpected HTTP " + response.statusCode());
            }
        }
        assertTrue("about half fail: " + ok, ok > 140 && ok < 260);
        assertTrue("both kinds: " + unavailable + " 503, " + throttled + " 429", unavailable > 40 && throttled > 40);
        assertTrue(
                "every request counted, answered or not", platform.simulator().faultsUsedUp());
        assertEquals(200, platform.client().get(POLICIES).statusCode());
        assertThrows(IllegalArgumentException.class, () -> Fault.flaky(101, 0));
        assertThrows(IllegalArgumentException.class, () -> Fault.flaky(50, -1));
    }

    @Test
    public void statusFaultBodies() throws Exception {
        platform.simulator().inject(Fault.status(500));
        platform.simulator().inject(Fault.status(502));
        platform.simulator().inject(Fault.status(418, "{\"detail\":\"teapot\"}"));
        HttpResponse<String> serverError = platform.client().get(POLICIES);
        assertEquals(500, serverError.statusCode());
        assertEquals("{\"detail\":\"A server error occurred.\"}", serverError.body());
        assertTrue(platform.client().get(POLICIES).body().contains("<center>nginx</center>"));
        HttpResponse<String> custom = platform.client().get(POLICIES);
        assertEquals(418, custom.statusCode());
        assertEquals(
                "application/json", custom.headers().firstValue("Content-Type").orElse(null));
    }

    @Test
    public void faultsApplyBeforeTheTokenCheckAndOnlyOnTheirPath() throws Exception {
        platform.simulator().inject(Fault.status(504).onPath("/api/alerts/"));
        assertEquals(
                401,
                platform.client().withAuthorization("Token wrong").get(POLICIES).statusCode());
        assertEquals(200, platform.client().get(POLICIES).statusCode());
        assertEquals(
                504,
                platform.client().withAuthorization("Token wrong").get(ALERTS).statusCode());
        assertEquals(
                401,
                platform.client().withAuthorization("Token wrong").get(ALERTS).statusCode());
    }

    @Test
    public void clearFaultsDropsQueuedFaults() throws Exception {
        platform.simulator().inject(Fault.status(500).times(5));
        assertFalse(platform.simulator().faultsUsedUp());
        platform.simulator().clearFaults();
        assertEquals(200, platform.client().get(POLICIES).statusCode());
    }

    @Test
    public void tooManyRequestsCarriesRetryAfter() throws Exception {
        platform.simulator().inject(Fault.tooManyRequests(7));
        HttpResponse<String> response = platform.client().get(POLICIES);
        assertEquals(429, response.statusCode());
        assertEquals("7", response.headers().firstValue("Retry-After").orElse(null));
        assertEquals("{\"detail\":\"Request was throttled. Expected available in 7 seconds.\"}", response.body());
    }

    @Test
    public void html200IsALoginPage() throws Exception {
        platform.simulator().inject(Fault.html200());
        HttpResponse<String> response = platform.client().get(POLICIES);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(response.body().startsWith("<!DOCTYPE html>"));
        assertTrue(response.body().contains("<form") && response.body().contains("login"));
    }

    @Test
    public void brokenJsonBodies() throws Exception {
        platform.simulator().inject(Fault.malformedJson());
        platform.simulator().inject(Fault.truncatedJson());
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = platform.client().get(ALERTS);
            assertEquals(200, response.statusCode());
            assertEquals(
                    "application/json",
                    response.headers().firstValue("Content-Type").orElse(null));
            assertThrows(JsonProcessingException.class, () -> SimulatorClient.parse(response.body()));
        }
        platform.simulator().inject(Fault.emptyBody());
        HttpResponse<String> empty = platform.client().get(ALERTS);
        assertEquals(200, empty.statusCode());
        assertEquals("", empty.body());
    }

    @Test
    public void wrongTypesParseButDoNotFit() throws Exception {
        platform.simulator().inject(Fault.wrongTypes());
        JsonNode body = SimulatorClient.parse(platform.client().get(ALERTS).body());
        assertTrue(body.get("results").isTextual());
        assertTrue(body.get("id").isObject());
        assertTrue(body.get("count").isTextual());
    }

    @Test
    public void deeplyNestedJsonIsStreamed() throws Exception {
        platform.simulator().inject(Fault.deeplyNestedJson(50_000));
        String body = platform.client().get(ALERTS).body();
        assertEquals(100_000, body.length());
        assertTrue(body.startsWith("[[[[") && body.endsWith("]]]]"));
    }

    @Test
    public void hugeBodyIsStreamedWithTheExactSizeAndSurvivesAClientThatGivesUp() throws Exception {
        long size = 8L * 1024 * 1024;
        platform.simulator().inject(Fault.hugeBody(size).times(2));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(platform.simulator().baseUrl() + ALERTS))
                .timeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertTrue(response.headers().firstValue("Content-Length").isEmpty());
        long total = 0;
        byte[] buffer = new byte[65536];
        try (InputStream in = response.body()) {
            byte[] start = in.readNBytes(10);
            assertEquals("{\"count\": ", new String(start, StandardCharsets.US_ASCII));
            total += start.length;
            for (int read; (read = in.read(buffer)) > 0; ) {
                total += read;
            }
        }
        assertEquals(size, total);
        try (InputStream in =
                http.send(request, HttpResponse.BodyHandlers.ofInputStream()).body()) {
            assertEquals(1024, in.readNBytes(1024).length);
        }
        assertEquals(200, platform.client().get(POLICIES).statusCode());
    }

    @Test
    public void redirectPointsElsewhere() throws Exception {
        platform.simulator().inject(Fault.redirect("https://sso.example.com/login?next=/api/alerts/"));
        HttpResponse<String> response = platform.client().get(ALERTS);
        assertEquals(302, response.statusCode());
        assertEquals(
                "https://sso.example.com/login?next=/api/alerts/",
                response.headers().firstValue("Location").orElse(null));
    }

    @Test
    public void dropClosesTheConnectionMidBody() throws Exception {
        platform.simulator().inject(Fault.drop());
        assertThrows(IOException.class, () -> platform.client().get(ALERTS));
        assertEquals(200, platform.client().get(POLICIES).statusCode());
    }

    @Test
    public void slowAnswersNormallyAfterTheDelayWithoutBlockingOthers() throws Exception {
        // Long enough that sending 40 requests and one more fits in it on a loaded machine.
        Duration delay = Duration.ofSeconds(3);
        platform.simulator().inject(Fault.slow(delay).onPath("/api/policies/").times(40));
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            slow.add(platform.client().getAsync(POLICIES, Duration.ofSeconds(15)));
        }
        awaitRequests(40);
        assertEquals(200, platform.client().get(ALERTS).statusCode());
        assertTrue("others answered at once", System.nanoTime() - start < delay.toNanos());
        for (CompletableFuture<HttpResponse<String>> response : slow) {
            assertEquals(200, response.get().statusCode());
        }
        assertTrue(System.nanoTime() - start >= delay.toNanos());
    }

    @Test
    public void hangNeverAnswersHoldsNoWorkerAndEndsOnClose() throws Exception {
        platform.simulator().inject(Fault.hang().onPath("/api/alerts/").times(CodescoringSimulator.WORKER_THREADS + 8));
        assertThrows(HttpTimeoutException.class, () -> platform.client().get(ALERTS, Duration.ofMillis(200)));
        List<CompletableFuture<HttpResponse<String>>> hanging = new ArrayList<>();
        for (int i = 0; i < CodescoringSimulator.WORKER_THREADS + 7; i++) {
            hanging.add(platform.client().getAsync(ALERTS, Duration.ofSeconds(30)));
        }
        awaitRequests(CodescoringSimulator.WORKER_THREADS + 8);
        assertEquals(200, platform.client().get(POLICIES).statusCode());
        long closing = System.nanoTime();
        platform.simulator().close();
        for (CompletableFuture<HttpResponse<String>> response : hanging) {
            try {
                response.get(5, TimeUnit.SECONDS);
                fail("a hanging request was answered");
            } catch (ExecutionException expected) {
                assertTrue(expected.getCause() instanceof IOException);
            }
        }
        assertTrue("close released them promptly", System.nanoTime() - closing < TimeUnit.SECONDS.toNanos(3));
    }

    @Test
    public void echoAuthorizationQuotesTheSecret() throws Exception {
        platform.simulator().inject(Fault.echoAuthorization(401));
        HttpResponse<String> response = platform.client().get(POLICIES);
        assertEquals(401, response.statusCode());
        assertTrue(response.body(), response.body().contains("Token s3cret"));
    }

    @Test
    public void paginationLoopPointsNextAtTheSamePage() throws Exception {
        publish(Dataset.manyPages(250));
        platform.simulator().inject(Fault.paginationLoop().times(2));
        for (int i = 0; i < 2; i++) {
            JsonNode page = platform.client().json(ALERTS);
            assertEquals(
                    platform.simulator().baseUrl() + ALERTS, page.get("next").asText());
        }
        assertTrue(platform.client().json(ALERTS).get("next").asText().contains("page=2"));
    }

    @Test
    public void countLiesInflatesTheCount() throws Exception {
        publish(Dataset.blocking());
        platform.simulator().inject(Fault.countLies());
        JsonNode page = platform.client().json(ALERTS);
        assertEquals(3 + PageEnvelope.LYING_COUNT_EXTRA, page.get("count").asInt());
        assertEquals(3, page.get("results").size());
        assertTrue(page.get("next").isNull());
    }

    @Test
    public void repeatedPagesServePageOneEverywhere() throws Exception {
        publish(Dataset.manyPages(250));
        platform.simulator().inject(Fault.repeatedPages().times(3));
        List<Long> firstIds = new ArrayList<>();
        String next = ALERTS;
        for (int page = 1; page <= 3; page++) {
            JsonNode body = platform.client().json(next);
            List<Long> ids = new ArrayList<>();
            body.get("results").forEach(alert -> ids.add(alert.get("id").asLong()));
            if (page == 1) {
                firstIds.addAll(ids);
            }
            assertEquals(firstIds, ids);
            next = body.get("next").isNull()
                    ? null
                    : body.get("next")
                            .asText()
                            .substring(platform.simulator().baseUrl().length());
        }
        assertEquals(null, next);
    }

    @Test
    public void listFaultsWaitForAListAnswer() throws Exception {
        platform.simulator().inject(Fault.countLies());
        platform.client().status();
        assertEquals(400, platform.client().get("/api/policies/?page=1").statusCode());
        assertFalse(platform.simulator().faultsUsedUp());
        assertEquals(
                PageEnvelope.LYING_COUNT_EXTRA + 6,
                platform.client().json(POLICIES).get("count").asInt());
        assertTrue(platform.simulator().faultsUsedUp());
    }

    @Test
    public void statusFlipAlternatesTheWordOfAFinishedRun() throws Exception {
        platform.simulator().setManualCompletion(true);
        platform.simulator().inject(Fault.statusFlip().times(3));
        platform.client().start();
        assertTrue("running", platform.client().status().get("finished_at").isNull());
        assertFalse("no flip while running", platform.simulator().faultsUsedUp());
        platform.simulator().completeAnalysis(Outcome.SUCCESS);
        List<String> words = new ArrayList<>();
        for (int poll = 0; poll < 4; poll++) {
            JsonNode status = platform.client().status();
            words.add(status.get("status").asText());
            assertEquals(101, status.get("id").asInt());
        }
        assertEquals(List.of("in_progress", "success", "in_progress", "success"), words);
    }

    private void publish(Dataset dataset) throws Exception {
        platform.simulator().load(dataset);
        platform.client().start();
        platform.client().awaitStatus("success", Duration.ofSeconds(5));
    }

    /** Waits, at most 30 s, until the simulator has received this many requests. */
    private void awaitRequests(int count) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (platform.simulator().requestCount() < count) {
            assertTrue(
                    "requests received: " + platform.simulator().requestCount() + " of " + count,
                    System.nanoTime() < end);
            Thread.sleep(5);
        }
    }
}
