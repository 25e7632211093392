package io.jenkins.plugins.codescoring.simulator;

import static io.jenkins.plugins.codescoring.simulator.SimulatorWebhooksTest.BATCH;
import static io.jenkins.plugins.codescoring.simulator.SimulatorWebhooksTest.TOKEN;
import static io.jenkins.plugins.codescoring.simulator.SimulatorWebhooksTest.WAIT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

/** The faults of the webhook sender: each applies to whole batches, one batch per use. */
public class SimulatorWebhookFaultsTest {

    private static final String STARTED = "project_sca_analysis_started";
    private static final String FINISHED = "project_sca_analysis_finished";
    private static final List<String> STARTED_ALL = Collections.nCopies(SimulatorWebhooksTest.PROJECTS, STARTED);

    @Rule
    public Timeout timeout = Timeout.seconds(60);

    @Rule
    public final SimulatorRule platform =
            new SimulatorRule("token", Duration.ofMillis(150)).staleStatusWindow(Duration.ZERO);

    private WebhookReceiver receiver;
    private CodescoringSimulator simulator;

    @Before
    public void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
        simulator = platform.simulator();
        simulator.load(SimulatorWebhooksTest.DATASET);
        simulator.setManualCompletion(true);
        simulator.sendWebhooks(receiver.url(), TOKEN, BATCH);
    }

    @After
    public void stopReceiver() {
        receiver.close();
    }

    @Test
    public void aLostBatchIsNeverSentButTheNextOneIs() throws Exception {
        simulator.injectWebhookFault(WebhookFault.lost(), 1);
        platform.client().start();
        WebhookDelivery lost = SimulatorWebhooksTest.awaitDeliveries(simulator, list -> !list.isEmpty())
                .get(0);
        assertEquals(WebhookDelivery.NOT_SENT, lost.status());
        assertFalse(lost.sent());
        assertEquals(WebhookFault.Kind.LOST, lost.fault());
        assertEquals(STARTED_ALL, lost.triggers());

        simulator.completeAnalysis(Outcome.SUCCESS);
        List<WebhookReceiver.Received> posts = receiver.await(1, WAIT);
        assertEquals(1, posts.size());
        assertFalse(posts.get(0).triggers().contains(STARTED));
        assertTrue(posts.get(0).triggers().contains(FINISHED));
        assertTrue(simulator.webhookFaultsUsedUp());
    }

    @Test
    public void aDuplicatedBatchArrivesTwiceWithTheSameBody() throws Exception {
        simulator.injectWebhookFault(WebhookFault.duplicate(), 1);
        platform.client().start();
        List<WebhookReceiver.Received> posts = receiver.await(2, WAIT);
        assertEquals(posts.get(0).body(), posts.get(1).body());
        assertEquals(STARTED_ALL, posts.get(0).triggers());
        List<WebhookDelivery> deliveries = SimulatorWebhooksTest.awaitDeliveries(simulator, list -> list.size() == 2);
        assertEquals(deliveries.get(0).batch(), deliveries.get(1).batch());
        assertEquals(WebhookFault.Kind.DUPLICATE, deliveries.get(1).fault());
    }

    @Test
    public void aLateBatchArrivesAfterTheDelay() throws Exception {
        Duration late = Duration.ofMillis(1500);
        simulator.injectWebhookFault(WebhookFault.late(late), 1);
        long started = System.nanoTime();
        platform.client().start();
        WebhookReceiver.Received post = receiver.await(1, WAIT).get(0);
        // The batch timer runs on its own beat, so the batch left between 0 and BATCH after the start: then it waited.
        assertTrue(
                Duration.ofNanos(post.nanos() - started) + " after the start",
                post.nanos() - started >= late.toNanos());
        assertEquals(STARTED_ALL, post.triggers());

        // the next batch is on time again: it overtakes nothing and is not held back
        simulator.completeAnalysis(Outcome.CANCELLED);
        long ended = System.nanoTime();
        WebhookReceiver.Received next = receiver.await(2, WAIT).get(1);
        assertTrue(Duration.ofNanos(next.nanos() - ended) + " after the end", next.nanos() - ended < late.toNanos());
    }

    @Test
    public void aWrongTokenBatchCarriesAnotherTokenThenTheRightOneReturns() throws Exception {
        simulator.injectWebhookFault(WebhookFault.wrongToken(), 1);
        platform.client().start();
        WebhookReceiver.Received wrong = receiver.await(1, WAIT).get(0);
        assertNotEquals(TOKEN, wrong.token());
        assertEquals(WebhookFault.WRONG_TOKEN, wrong.token());

        simulator.completeAnalysis(Outcome.SUCCESS);
        assertEquals(TOKEN, receiver.await(2, WAIT).get(1).token());
    }

    @Test
    public void faultsApplyToTheGivenNumberOfBatchesInOrder() throws Exception {
        simulator.injectWebhookFault(WebhookFault.lost(), 2);
        simulator.injectWebhookFault(WebhookFault.wrongToken(), 1);
        platform.client().start();
        awaitBatches(1);
        simulator.completeAnalysis(Outcome.SUCCESS);
        awaitBatches(2);
        platform.client().start();
        awaitBatches(3);
        simulator.completeAnalysis(Outcome.FAILED);
        List<WebhookReceiver.Received> posts = receiver.await(2, WAIT);
        assertEquals(WebhookFault.WRONG_TOKEN, posts.get(0).token());
        assertEquals(STARTED_ALL, posts.get(0).triggers());
        assertEquals(TOKEN, posts.get(1).token());
        assertEquals(3, simulator.webhookCounts().faulted());
    }

    private void awaitBatches(int count) throws InterruptedException {
        SimulatorWebhooksTest.awaitDeliveries(
                simulator, list -> simulator.webhookCounts().batches() >= count);
    }

    @Test
    public void rejectsImpossibleFaults() {
        assertThrows(IllegalArgumentException.class, () -> WebhookFault.late(Duration.ofSeconds(-1)));
        assertThrows(
                IllegalArgumentException.class, () -> new WebhookFault(WebhookFault.Kind.LOST, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> simulator.injectWebhookFault(WebhookFault.lost(), 0));
    }
}
