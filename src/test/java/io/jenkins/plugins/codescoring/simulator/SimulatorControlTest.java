package io.jenkins.plugins.codescoring.simulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

/** The control endpoint that end-to-end tests and benchmarks use on a simulator in another process. */
public class SimulatorControlTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Rule
    public Timeout timeout = Timeout.seconds(20);

    @Rule
    public final SimulatorRule platform =
            new SimulatorRule("token", Duration.ofMillis(150)).staleStatusWindow(Duration.ZERO);

    private SimulatorClient control;

    @Before
    public void enable() {
        platform.simulator().enableControl();
        control = platform.client().withAuthorization(null);
    }

    @Test
    public void offUnlessEnabled() throws Exception {
        try (CodescoringSimulator plain = CodescoringSimulator.start("token")) {
            HttpResponse<String> answer = new SimulatorClient(plain).get("/_simulator/stats");
            assertEquals(404, answer.statusCode());
            assertFalse(answer.body().contains("analysisStarts"));
        }
    }

    @Test
    public void statsCountApiRequestsStartsAndRejectionsButNotItself() throws Exception {
        platform.simulator().setAnalysisDuration(Duration.ofSeconds(10));
        platform.client().start();
        assertEquals(400, platform.client().post(SimulatorClient.START).statusCode());
        platform.client().status();
        assertEquals(
                401,
                platform.client()
                        .withAuthorization("Token wrong")
                        .get(SimulatorClient.STATUS)
                        .statusCode());
        JsonNode stats = stats();
        assertEquals(4, stats.get("requests").asInt());
        assertEquals(1, stats.get("analysisStarts").asInt());
        assertEquals(1, stats.get("rejectedStarts").asInt());
        assertEquals(
                2,
                stats.at("/byRequest/POST " + SimulatorClient.START.replace("/", "~1"))
                        .asInt());
        assertEquals(
                2,
                stats.at("/byRequest/GET " + SimulatorClient.STATUS.replace("/", "~1"))
                        .asInt());
        assertEquals(4, stats().get("requests").asInt());
    }

    @Test
    public void switchesTheOutcomeAndCompletesANeverEndingAnalysis() throws Exception {
        assertEquals(200, control.post("/_simulator/outcome?value=never-ends").statusCode());
        platform.client().start();
        platform.client().awaitStatus("in_progress", WAIT);
        Thread.sleep(300); // twice the analysis time: it would have ended by now
        assertTrue(stats().get("analysisRunning").asBoolean());
        assertEquals(200, control.post("/_simulator/complete?outcome=success").statusCode());
        assertEquals("success", platform.client().status().get("status").asText());
        HttpResponse<String> none = control.post("/_simulator/complete?outcome=success");
        assertEquals(409, none.statusCode());
        assertTrue(none.body(), none.body().contains("no analysis is running"));
    }

    @Test
    public void changesTheAnalysisDuration() throws Exception {
        assertEquals(200, control.post("/_simulator/analysis-seconds?value=3").statusCode());
        platform.client().start();
        platform.client().awaitStatus("in_progress", WAIT);
        Thread.sleep(300);
        assertEquals("in_progress", platform.client().status().get("status").asText());
    }

    @Test
    public void queuesAndClearsFaults() throws Exception {
        assertEquals(
                200,
                control.post("/_simulator/fault?kind=html&times=2&path=/api/policies/")
                        .statusCode());
        assertEquals(200, platform.client().get(SimulatorClient.STATUS).statusCode()); // other paths unaffected
        HttpResponse<String> html = platform.client().get("/api/policies/?page=1&per_page=1");
        assertEquals(200, html.statusCode());
        assertTrue(html.body(), html.body().startsWith("<!DOCTYPE html>"));
        assertTrue(stats().get("faultsPending").asBoolean());
        assertEquals(200, control.post("/_simulator/clear-faults").statusCode());
        assertFalse(stats().get("faultsPending").asBoolean());
        assertEquals(200, control.post("/_simulator/fault?kind=status&code=503").statusCode());
        assertEquals(
                503, platform.client().get("/api/policies/?page=1&per_page=1").statusCode());
        assertEquals(
                200, platform.client().get("/api/policies/?page=1&per_page=1").statusCode());
    }

    @Test
    public void queuesAFlakyFault() throws Exception {
        assertEquals(
                200,
                control.post("/_simulator/fault?kind=flaky&percent=100&retry-after=7&times=2&path=/api/policies/")
                        .statusCode());
        int tooMany = 0;
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> answer = platform.client().get("/api/policies/?page=1&per_page=1");
            assertTrue(String.valueOf(answer.statusCode()), answer.statusCode() == 503 || answer.statusCode() == 429);
            if (answer.statusCode() == 429) {
                tooMany++;
                assertEquals("7", answer.headers().firstValue("Retry-After").orElse(""));
            }
        }
        assertTrue(tooMany <= 2);
        assertEquals(
                200, platform.client().get("/api/policies/?page=1&per_page=1").statusCode());
        assertEquals(
                400, control.post("/_simulator/fault?kind=flaky&percent=101").statusCode());
        assertEquals(400, control.post("/_simulator/fault?kind=flaky").statusCode());
    }

    @Test
    public void queuesWebhookFaultsAndCountsWebhooks() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            assertFalse(stats().at("/webhooks/sending").asBoolean());
            platform.simulator().setManualCompletion(true);
            platform.simulator().sendWebhooks(receiver.url(), "hook", Duration.ofMillis(100));
            assertEquals(
                    200,
                    control.post("/_simulator/webhook-fault?kind=wrong-token").statusCode());
            assertEquals(
                    200,
                    control.post("/_simulator/webhook-fault?kind=late&seconds=0.1&times=2")
                            .statusCode());
            assertTrue(stats().at("/webhooks/faultsPending").asBoolean());
            platform.client().start();
            assertEquals(
                    WebhookFault.WRONG_TOKEN, receiver.await(1, WAIT).get(0).token());
            assertEquals(
                    200, control.post("/_simulator/complete?outcome=success").statusCode());
            assertEquals("hook", receiver.await(2, WAIT).get(1).token());

            // The receiver has the second post before the sender has its answer and counts it delivered.
            JsonNode webhooks = statsOnceDelivered(2);
            assertTrue(webhooks.get("sending").asBoolean());
            assertEquals(2, webhooks.get("batches").asInt());
            assertEquals(2, webhooks.get("faulted").asInt());
            assertTrue(webhooks.get("faultsPending").asBoolean());
            assertEquals(
                    platform.simulator().webhookCounts().events(),
                    webhooks.get("events").asInt());
            assertTrue(webhooks.get("events").asInt() > 0);
            assertEquals(2, webhooks.get("posts").asInt());
            assertEquals(2, webhooks.get("delivered").asInt());
            assertEquals(0, webhooks.get("givenUp").asInt());
        }
    }

    @Test
    public void refusesBadCommands() throws Exception {
        assertEquals(400, control.post("/_simulator/webhook-fault?kind=teapot").statusCode());
        assertEquals(400, control.post("/_simulator/webhook-fault?kind=late").statusCode());
        assertEquals(
                400, control.post("/_simulator/webhook-fault?kind=lost&times=0").statusCode());
        assertEquals(
                400,
                control.post("/_simulator/webhook-fault?kind=late&seconds=1x").statusCode());
        assertEquals(400, control.post("/_simulator/fault?kind=teapot").statusCode());
        assertEquals(400, control.post("/_simulator/fault?kind=status&code=42").statusCode());
        assertEquals(400, control.post("/_simulator/fault?kind=html&times=0").statusCode());
        assertEquals(400, control.post("/_simulator/outcome?value=maybe").statusCode());
        assertEquals(400, control.post("/_simulator/outcome").statusCode());
        assertEquals(
                400, control.post("/_simulator/complete?outcome=never-ends").statusCode());
        assertEquals(404, control.post("/_simulator/reboot").statusCode());
        assertEquals(405, control.get("/_simulator/outcome?value=failed").statusCode());
        assertEquals(405, control.post("/_simulator/stats").statusCode());
        assertEquals(0, stats().get("requests").asInt());
    }

    /** The stats once the simulator has counted this many deliveries, or after WAIT, whichever comes first. */
    private JsonNode statsOnceDelivered(int deliveries) throws Exception {
        long until = System.nanoTime() + WAIT.toNanos();
        JsonNode webhooks = stats().get("webhooks");
        while (webhooks.get("delivered").asInt() < deliveries && System.nanoTime() < until) {
            Thread.sleep(20);
            webhooks = stats().get("webhooks");
        }
        return webhooks;
    }

    private JsonNode stats() throws Exception {
        HttpResponse<String> answer = control.get("/_simulator/stats");
        assertEquals(answer.body(), 200, answer.statusCode());
        return SimulatorClient.parse(answer.body());
    }

    @Test
    public void datasetLoadsAPresetForTheNextAnalyses() throws Exception {
        assertEquals(
                200, control.post("/_simulator/dataset?value=three-blockers").statusCode());
        assertEquals("three-blockers", platform.simulator().dataset().name());
        assertEquals(
                3,
                platform.simulator()
                        .dataset()
                        .blockingAlerts(java.time.Instant.now())
                        .size());
        assertEquals(200, control.post("/_simulator/dataset?value=two-blockers").statusCode());
        assertEquals(
                2,
                platform.simulator()
                        .dataset()
                        .blockingAlerts(java.time.Instant.now())
                        .size());
        assertEquals(
                "the two alerts keep their ids",
                java.util.List.of(1L, 2L),
                platform.simulator().dataset().blockingAlerts(java.time.Instant.now()).stream()
                        .map(Dataset.Alert::id)
                        .toList());
        assertEquals(
                400, control.post("/_simulator/dataset?value=no-such-preset").statusCode());
        assertEquals("two-blockers", platform.simulator().dataset().name());
    }
}
