package io.jenkins.plugins.codescoring.simulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/** The analysis side of the contract: start, status words, one run at a time, outcomes, staleness, snapshots. */
public class SimulatorAnalysisTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String ALERTS = "/api/alerts/?status=active&page=1&per_page=100";

    @Rule
    public Timeout timeout = Timeout.seconds(20);

    private CodescoringSimulator simulator;
    private SimulatorClient client;

    @Before
    public void startSimulator() throws Exception {
        simulator = CodescoringSimulator.start("token");
        simulator.setAnalysisDuration(Duration.ofMillis(150));
        simulator.setStaleStatusWindow(Duration.ZERO);
        client = new SimulatorClient(simulator);
    }

    @After
    public void stopSimulator() {
        simulator.close();
    }

    @Test
    public void reportsNotStartedBeforeAnyRun() throws Exception {
        assertEquals("{\"id\":null,\"status\":\"not_started\",\"started_at\":null,\"finished_at\":null}",
                client.get(SimulatorClient.STATUS).body());
        assertFalse(simulator.isAnalysisRunning());
    }

    @Test
    public void runGoesFromPendingThroughInProgressToSuccess() throws Exception {
        simulator.setAnalysisDuration(Duration.ofMillis(800));
        HttpResponse<String> started = client.start();
        assertEquals(201, started.statusCode());
        assertEquals("{\"id\":101,\"status\":\"pending\"}", started.body());
        JsonNode pending = client.status();
        assertEquals("pending", pending.get("status").asText());
        assertEquals(101, pending.get("id").asInt());
        assertTrue(pending.get("finished_at").isNull());
        client.awaitStatus("in_progress", WAIT);
        assertTrue(simulator.isAnalysisRunning());
        JsonNode done = client.awaitStatus("success", WAIT);
        OffsetDateTime startedAt = OffsetDateTime.parse(done.get("started_at").asText());
        OffsetDateTime finishedAt = OffsetDateTime.parse(done.get("finished_at").asText());
        assertEquals(800, Duration.between(startedAt, finishedAt).toMillis());
        assertFalse(simulator.isAnalysisRunning());
    }

    @Test
    public void allowsOneAnalysisAtATime() throws Exception {
        client.start();
        HttpResponse<String> second = client.post(SimulatorClient.START);
        assertEquals(400, second.statusCode());
        assertEquals("{\"detail\":\"Another analysis in progress. Parallel execution forbidden.\"}", second.body());
        assertEquals(1, simulator.analysisStarts());
        assertEquals(1, simulator.rejectedStarts());
        client.awaitStatus("success", WAIT);
        assertEquals(201, client.post(SimulatorClient.START).statusCode());
        assertEquals(102, client.status().get("id").asInt());
        assertEquals(2, simulator.analysisStarts());
    }

    @Test
    public void outcomesApplyInOrderAndTheLastRepeats() throws Exception {
        simulator.setAnalysisDuration(Duration.ofMillis(30));
        simulator.setOutcomes(Outcome.FAILED, Outcome.CANCELLED, Outcome.SUCCESS);
        client.start();
        JsonNode failed = client.awaitStatus("failed", WAIT);
        assertFalse(failed.get("error").asText().isEmpty());
        assertFalse(failed.get("finished_at").isNull());
        client.start();
        JsonNode cancelled = client.awaitStatus("cancelled", WAIT);
        assertFalse(cancelled.has("error"));
        for (int run = 0; run < 2; run++) {
            client.start();
            client.awaitStatus("success", WAIT);
        }
        assertEquals(104, client.status().get("id").asInt());
    }

    @Test
    public void failedRunPublishesNothing() throws Exception {
        simulator.setAnalysisDuration(Duration.ofMillis(30));
        simulator.load(Dataset.blocking());
        simulator.setOutcomes(Outcome.FAILED);
        client.start();
        client.awaitStatus("failed", WAIT);
        assertEquals(0, client.json(ALERTS).get("count").asInt());
    }

    @Test
    public void statusDescribesThePreviousRunDuringTheStaleWindow() throws Exception {
        simulator.setAnalysisDuration(Duration.ofMillis(30));
        simulator.setStaleStatusWindow(Duration.ofMillis(300));
        client.start();
        assertEquals("not_started", client.status().get("status").asText());
        JsonNode first = client.awaitStatus("success", WAIT);
        assertEquals(101, first.get("id").asInt());
        client.start();
        JsonNode stale = client.status();
        assertEquals("the previous run, still", 101, stale.get("id").asInt());
        assertEquals("success", stale.get("status").asText());
        Thread.sleep(350);
        JsonNode second = client.status();
        assertEquals(102, second.get("id").asInt());
        assertEquals("success", second.get("status").asText());
    }

    @Test
    public void eachRunAnalysesTheDatasetAsItWasAtItsStart() throws Exception {
        simulator.setManualCompletion(true);
        simulator.load(Dataset.clean());
        client.start();
        simulator.load(Dataset.blocking());
        simulator.completeAnalysis(Outcome.SUCCESS);
        assertEquals("the clean snapshot was published", 0, client.json(ALERTS).get("count").asInt());
        client.start();
        assertEquals("not yet published", 0, client.json(ALERTS).get("count").asInt());
        simulator.completeAnalysis(Outcome.SUCCESS);
        assertEquals(3, client.json(ALERTS).get("count").asInt());
        simulator.load(Dataset.clean());
        assertEquals("loading alone publishes nothing", 3, client.json(ALERTS).get("count").asInt());
    }

    @Test
    public void manualCompletionEndsOnlyByHand() throws Exception {
        simulator.setManualCompletion(true);
        simulator.setAnalysisDuration(Duration.ofMillis(20));
        client.start();
        Thread.sleep(80);
        assertEquals("in_progress", client.status().get("status").asText());
        assertEquals(400, client.post(SimulatorClient.START).statusCode());
        simulator.completeAnalysis(Outcome.CANCELLED);
        assertEquals("cancelled", client.status().get("status").asText());
        assertThrows(IllegalStateException.class, () -> simulator.completeAnalysis(Outcome.SUCCESS));
        assertThrows(IllegalArgumentException.class, () -> simulator.completeAnalysis(Outcome.NEVER_ENDS));
    }

    @Test
    public void neverEndingRunRunsUntilCompleted() throws Exception {
        simulator.setAnalysisDuration(Duration.ofMillis(20));
        simulator.setOutcomes(Outcome.NEVER_ENDS, Outcome.SUCCESS);
        client.start();
        Thread.sleep(80);
        assertEquals("in_progress", client.status().get("status").asText());
        assertTrue(simulator.isAnalysisRunning());
        simulator.completeAnalysis(Outcome.FAILED);
        assertEquals("failed", client.status().get("status").asText());
        client.start();
        client.awaitStatus("success", WAIT);
    }

    @Test
    public void runThatNeverStartsNeverAppearsInStatus() throws Exception {
        simulator.setAnalysisDuration(Duration.ofMillis(20));
        simulator.setOutcomes(Outcome.SUCCESS, Outcome.NEVER_STARTS);
        client.start();
        client.awaitStatus("success", WAIT);
        HttpResponse<String> accepted = client.start();
        assertEquals(201, accepted.statusCode());
        assertEquals(102, SimulatorClient.parse(accepted.body()).get("id").asInt());
        Thread.sleep(80);
        JsonNode status = client.status();
        assertEquals(101, status.get("id").asInt());
        assertEquals("success", status.get("status").asText());
        assertFalse(simulator.isAnalysisRunning());
        assertEquals(2, simulator.analysisStarts());
    }

    @Test
    public void emptyStartResponseIs204() throws Exception {
        simulator.setStartResponse(StartResponse.EMPTY);
        HttpResponse<String> started = client.start();
        assertEquals(204, started.statusCode());
        assertEquals("", started.body());
        assertEquals(1, simulator.analysisStarts());
    }

    @Test
    public void statusWordsCanBeReplaced() throws Exception {
        simulator.setStatusWords("queued_for_scan", "done");
        simulator.setAnalysisDuration(Duration.ofMillis(60));
        assertEquals("queued_for_scan", SimulatorClient.parse(client.start().body()).get("status").asText());
        assertEquals("queued_for_scan", client.status().get("status").asText());
        client.awaitStatus("done", WAIT);
    }

    @Test
    public void tellsWhenARunFinished() throws Exception {
        simulator.setManualCompletion(true);
        client.start();
        assertEquals(null, simulator.analysisFinishedAt("101"));
        simulator.completeAnalysis(Outcome.SUCCESS);
        assertEquals(OffsetDateTime.parse(client.status().get("finished_at").asText()).toInstant(),
                simulator.analysisFinishedAt("101").truncatedTo(ChronoUnit.MICROS));
        assertEquals(null, simulator.analysisFinishedAt("999"));
        assertEquals(null, simulator.analysisFinishedAt("not-a-number"));
    }

    @Test
    public void awaitsAcceptedStarts() throws Exception {
        assertFalse(simulator.awaitAnalysisStarts(1, Duration.ofMillis(20)));
        client.start();
        assertTrue(simulator.awaitAnalysisStarts(1, Duration.ofMillis(20)));
    }
}
