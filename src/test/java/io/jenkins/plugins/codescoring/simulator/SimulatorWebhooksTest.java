package io.jenkins.plugins.codescoring.simulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

/** The webhooks the simulator sends when analyses start and end: batches, their shape, retries, close. */
public class SimulatorWebhooksTest {

    static final Duration BATCH = Duration.ofMillis(200);
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String TOKEN = "hook-secret";
    static final Dataset DATASET = Dataset.severalProjects();
    static final int PROJECTS = DATASET.projects().size();

    @Rule
    public Timeout timeout = Timeout.seconds(60);

    @Rule
    public final SimulatorRule platform =
            new SimulatorRule("token", Duration.ofMillis(150)).staleStatusWindow(Duration.ZERO);

    private WebhookReceiver receiver;

    @Before
    public void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
        platform.simulator().load(DATASET);
    }

    @After
    public void stopReceiver() {
        receiver.close();
    }

    @Test
    public void theStartOfAnAnalysisIsOnePostWithAnEventPerProject() throws Exception {
        platform.simulator().setManualCompletion(true);
        platform.simulator().sendWebhooks(receiver.url(), TOKEN, BATCH);
        platform.client().start();

        WebhookReceiver.Received post = receiver.await(1, WAIT).get(0);
        assertEquals("POST", post.method());
        assertEquals(TOKEN, post.token());
        assertEquals("application/json", post.contentType());
        JsonNode events = post.json().get("events");
        assertEquals(post.body(), PROJECTS, events.size());
        List<Long> projectIds = new ArrayList<>();
        for (JsonNode event : events) {
            assertEquals("project_sca_analysis_started", event.get("trigger").asText());
            OffsetDateTime.parse(event.get("created_at").asText());
            projectIds.add(event.at("/payload/project_id").asLong());
            assertTrue(event.at("/payload/project_name").isTextual());
        }
        assertEquals(DATASET.projects().stream().map(Dataset.Project::id).toList(), projectIds);
        assertEquals("shop", events.get(0).at("/payload/project_name").asText());
        assertEquals(1, receiver.received().size());
    }

    @Test
    public void aSuccessfulEndSendsThePolicyTriggersAndFinishedWithCounts() throws Exception {
        platform.simulator().setManualCompletion(true);
        platform.simulator().sendWebhooks(receiver.url(), TOKEN, BATCH);
        platform.client().start();
        receiver.await(1, WAIT);
        platform.simulator().completeAnalysis(Outcome.SUCCESS);

        WebhookReceiver.Received post = receiver.await(2, WAIT).get(1);
        List<String> triggers = post.triggers();
        long alerts =
                DATASET.alerts().stream().filter(alert -> !alert.ignored()).count();
        assertEquals(triggers.toString(), alerts + PROJECTS, triggers.size());
        assertEquals(
                alerts,
                triggers.stream()
                        .filter("sca_policy_has_been_triggered"::equals)
                        .count());
        assertEquals(
                PROJECTS,
                triggers.stream()
                        .filter("project_sca_analysis_finished"::equals)
                        .count());
        JsonNode events = post.json().get("events");
        JsonNode shopFinished = find(
                events,
                event -> "project_sca_analysis_finished"
                                .equals(event.get("trigger").asText())
                        && event.at("/payload/project_id").asLong() == 1);
        assertEquals(2, shopFinished.at("/payload/alerts_count").asInt());
        JsonNode triggered = find(events, event -> "sca_policy_has_been_triggered"
                .equals(event.get("trigger").asText()));
        for (String field : List.of(
                "alert_id",
                "stage",
                "level",
                "policy_id",
                "policy_name",
                "dependency_purl",
                "matched_criteria",
                "project_id")) {
            assertFalse(field, triggered.at("/payload/" + field).isMissingNode());
        }
    }

    @Test
    public void anAnalysisThatFailsByItselfIsReportedWithoutAnyoneAskingForTheStatus() throws Exception {
        platform.simulator().setOutcomes(Outcome.FAILED);
        platform.simulator().sendWebhooks(receiver.url(), TOKEN, BATCH);
        platform.client().start();

        JsonNode failed = awaitEvent("project_sca_analysis_failed");
        assertEquals(AnalysisRun.FAILURE_ERROR, failed.at("/payload/error").asText());
        assertEquals(1, platform.simulator().requestCount());
    }

    @Test
    public void aCancelledAnalysisSendsCancelled() throws Exception {
        platform.simulator().setManualCompletion(true);
        platform.simulator().sendWebhooks(receiver.url(), TOKEN, BATCH);
        platform.client().start();
        receiver.await(1, WAIT);
        platform.simulator().completeAnalysis(Outcome.CANCELLED);

        assertEquals(
                Collections.nCopies(PROJECTS, "project_sca_analysis_cancelled"),
                receiver.await(2, WAIT).get(1).triggers());
    }

    @Test
    public void aFailedPostIsRetriedWithTheSameBodyUntilItSucceeds() throws Exception {
        receiver.answer(500, 503);
        platform.simulator().setManualCompletion(true);
        platform.simulator().sendWebhooks(receiver.url(), TOKEN, BATCH);
        platform.client().start();

        List<WebhookReceiver.Received> posts = receiver.await(3, WAIT);
        assertEquals(posts.get(0).body(), posts.get(1).body());
        assertEquals(posts.get(0).body(), posts.get(2).body());
        List<WebhookDelivery> deliveries = awaitDeliveries(list -> list.size() == 3);
        assertEquals(
                List.of(500, 503, 200),
                deliveries.stream().map(WebhookDelivery::status).toList());
        assertEquals(
                List.of(1, 2, 3),
                deliveries.stream().map(WebhookDelivery::attempt).toList());
        assertEquals(
                List.of(false, false, true),
                deliveries.stream().map(WebhookDelivery::lastAttempt).toList());
        assertTrue(deliveries.stream().allMatch(delivery -> delivery.batch() == 1 && delivery.events() == PROJECTS));
        assertFalse(deliveries.get(1).at().isBefore(deliveries.get(0).at().plus(BATCH)));
        WebhookCounts counts = platform.simulator().webhookCounts();
        assertEquals(new WebhookCounts(PROJECTS, 1, 3, 1, 2, 0, 0), counts);
    }

    @Test
    public void theSenderGivesUpAfterTheLastAttempt() throws Exception {
        receiver.answerAlways(503);
        platform.simulator().setManualCompletion(true);
        platform.simulator()
                .sendWebhooks(WebhookSettings.of(receiver.url(), TOKEN, BATCH).withMaxAttempts(3));
        platform.client().start();

        List<WebhookDelivery> deliveries =
                awaitDeliveries(list -> list.stream().anyMatch(WebhookDelivery::lastAttempt));
        assertEquals(3, deliveries.size());
        assertTrue(deliveries.get(2).lastAttempt());
        assertEquals(1, platform.simulator().webhookCounts().givenUp());
        assertEquals(3, receiver.received().size());
    }

    @Test
    public void aReceiverThatIsNotThereIsRecordedAsNoAnswer() throws Exception {
        WebhookReceiver gone = new WebhookReceiver();
        gone.close();
        platform.simulator().setManualCompletion(true);
        platform.simulator()
                .sendWebhooks(WebhookSettings.of(gone.url(), TOKEN, BATCH).withMaxAttempts(2));
        platform.client().start();

        List<WebhookDelivery> deliveries = awaitDeliveries(list -> list.size() == 2);
        for (WebhookDelivery delivery : deliveries) {
            assertEquals(WebhookDelivery.NO_ANSWER, delivery.status());
            assertTrue(delivery.sent());
            assertNotNull(delivery.error());
        }
        assertEquals(1, platform.simulator().webhookCounts().givenUp());
    }

    @Test
    public void aRawBodyIsSentOnceAsItIs() throws Exception {
        assertThrows(IllegalStateException.class, () -> platform.simulator().sendRawWebhook("{}", TOKEN));
        platform.simulator().sendWebhooks(receiver.url(), TOKEN, BATCH);
        receiver.answer(401);

        assertEquals(401, platform.simulator().sendRawWebhook("not json", "other"));
        assertEquals(200, platform.simulator().sendRawWebhook("{\"events\":[]}", null));
        List<WebhookReceiver.Received> posts = receiver.received();
        assertEquals(2, posts.size());
        assertEquals("not json", posts.get(0).body());
        assertEquals("other", posts.get(0).token());
        assertNull(posts.get(1).token());
        assertEquals(0, platform.simulator().webhookDeliveries().get(0).batch());
    }

    @Test
    public void withoutASenderNoEventIsQueued() throws Exception {
        platform.simulator().sendWebhooks(receiver.url(), TOKEN, BATCH);
        platform.simulator().stopWebhooks();
        assertNull(platform.simulator().webhookSettings());
        platform.client().start();
        assertEquals(0, platform.simulator().webhookCounts().events());
    }

    @Test
    public void closeStopsTheSenderThread() throws Exception {
        CodescoringSimulator simulator = CodescoringSimulator.start("token");
        try {
            simulator.sendWebhooks(receiver.url(), TOKEN, BATCH);
            assertTrue(senderThreadAlive());
        } finally {
            simulator.close();
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (senderThreadAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(senderThreadAlive());
        assertThrows(IllegalStateException.class, () -> simulator.sendWebhooks(receiver.url(), TOKEN, BATCH));
    }

    private static boolean senderThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.isAlive() && WebhookSender.THREAD_NAME.equals(thread.getName()));
    }

    private JsonNode awaitEvent(String trigger) throws Exception {
        for (int count = 1; ; count++) {
            JsonNode events = receiver.await(count, WAIT).get(count - 1).json().get("events");
            for (JsonNode event : events) {
                if (trigger.equals(event.get("trigger").asText())) {
                    return event;
                }
            }
        }
    }

    /** Polls the recorded deliveries until they satisfy {@code done}; fails after {@link #WAIT}. */
    private List<WebhookDelivery> awaitDeliveries(Predicate<List<WebhookDelivery>> done) throws InterruptedException {
        return awaitDeliveries(platform.simulator(), done);
    }

    static List<WebhookDelivery> awaitDeliveries(CodescoringSimulator simulator, Predicate<List<WebhookDelivery>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<WebhookDelivery> deliveries = simulator.webhookDeliveries();
            if (done.test(deliveries)) {
                return deliveries;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("deliveries still " + deliveries);
            }
            Thread.sleep(10);
        }
    }

    private static JsonNode find(JsonNode events, Predicate<JsonNode> matching) {
        for (JsonNode event : events) {
            if (matching.test(event)) {
                return event;
            }
        }
        throw new AssertionError("no such event in " + events);
    }
}
