package io.jenkins.plugins.codescoring.simulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

/** The analysis side of the contract: start, status words, one run at a time, outcomes, staleness, snapshots. */
public class SimulatorAnalysisTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String ALERTS = "/api/alerts/?status=active&page=1&per_page=100";

    @Rule
    public Timeout timeout = Timeout.seconds(20);

    @Rule
    public final SimulatorRule platform =
            new SimulatorRule("token", Duration.ofMillis(150)).staleStatusWindow(Duration.ZERO);

    @Test
    public void reportsNotStartedBeforeAnyRun() throws Exception {
        assertEquals(
                "{\"id\":null,\"status\":\"not_started\",\"started_at\":null,\"finished_at\":null}",
                platform.client().get(SimulatorClient.STATUS).body());
        assertFalse(platform.simulator().isAnalysisRunning());
    }

    @Test
    public void runGoesFromPendingThroughInProgressToSuccess() throws Exception {
        // The first fifth of a run is "pending": one second, so a loaded machine still reads it in time.
        platform.simulator().setAnalysisDuration(Duration.ofSeconds(5));
        HttpResponse<String> started = platform.client().start();
        assertEquals(201, started.statusCode());
        assertEquals("{\"id\":101,\"status\":\"pending\"}", started.body());
        JsonNode pending = platform.client().status();
        assertEquals("pending", pending.get("status").asText());
        assertEquals(101, pending.get("id").asInt());
        assertTrue(pending.get("finished_at").isNull());
        platform.client().awaitStatus("in_progress", WAIT);
        assertTrue(platform.simulator().isAnalysisRunning());
        JsonNode done = platform.client().awaitStatus("success", WAIT.multipliedBy(2));
        OffsetDateTime startedAt = OffsetDateTime.parse(done.get("started_at").asText());
        OffsetDateTime finishedAt = OffsetDateTime.parse(done.get("finished_at").asText());
        assertEquals(5000, Duration.between(startedAt, finishedAt).toMillis());
        assertFalse(platform.simulator().isAnalysisRunning());
    }

    @Test
    public void allowsOneAnalysisAtATime() throws Exception {
        platform.client().start();
        HttpResponse<String> second = platform.client().post(SimulatorClient.START);
        assertEquals(400, second.statusCode());
        assertEquals("{\"detail\":\"Another analysis in progress. Parallel execution forbidden.\"}", second.body());
        assertEquals(1, platform.simulator().analysisStarts());
        assertEquals(1, platform.simulator().rejectedStarts());
        platform.client().awaitStatus("success", WAIT);
        assertEquals(201, platform.client().post(SimulatorClient.START).statusCode());
        assertEquals(102, platform.client().status().get("id").asInt());
        assertEquals(2, platform.simulator().analysisStarts());
    }

    @Test
    public void outcomesApplyInOrderAndTheLastRepeats() throws Exception {
        platform.simulator().setAnalysisDuration(Duration.ofMillis(30));
        platform.simulator().setOutcomes(Outcome.FAILED, Outcome.CANCELLED, Outcome.SUCCESS);
        platform.client().start();
        JsonNode failed = platform.client().awaitStatus("failed", WAIT);
        assertFalse(failed.get("error").asText().isEmpty());
        assertFalse(failed.get("finished_at").isNull());
        platform.client().start();
        JsonNode cancelled = platform.client().awaitStatus("cancelled", WAIT);
        assertFalse(cancelled.has("error"));
        for (int run = 0; run < 2; run++) {
            platform.client().start();
            platform.client().awaitStatus("success", WAIT);
        }
        assertEquals(104, platform.client().status().get("id").asInt());
    }

    @Test
    public void failedRunPublishesNothing() throws Exception {
        platform.simulator().setAnalysisDuration(Duration.ofMillis(30));
        platform.simulator().load(Dataset.blocking());
        platform.simulator().setOutcomes(Outcome.FAILED);
        platform.client().start();
        platform.client().awaitStatus("failed", WAIT);
        assertEquals(0, platform.client().json(ALERTS).get("count").asInt());
    }

    @Test
    public void statusDescribesThePreviousRunDuringTheStaleWindow() throws Exception {
        platform.simulator().setAnalysisDuration(Duration.ofMillis(30));
        // Long enough that the status read right after the start falls in it on a loaded machine.
        Duration window = Duration.ofSeconds(2);
        platform.simulator().setStaleStatusWindow(window);
        platform.client().start();
        assertEquals("not_started", platform.client().status().get("status").asText());
        JsonNode first = platform.client().awaitStatus("success", WAIT);
        assertEquals(101, first.get("id").asInt());
        long started = System.nanoTime();
        platform.client().start();
        JsonNode stale = platform.client().status();
        assertEquals("the previous run, still", 101, stale.get("id").asInt());
        assertEquals("success", stale.get("status").asText());
        JsonNode second = stale;
        long end = started + TimeUnit.SECONDS.toNanos(30);
        while (second.get("id").asInt() == 101) {
            assertTrue("the new run shows within 30 s", System.nanoTime() < end);
            Thread.sleep(20);
            second = platform.client().status();
        }
        assertTrue("not before the window ends", System.nanoTime() - started >= window.toNanos());
        assertEquals(102, second.get("id").asInt());
        second = platform.client().awaitStatus("success", WAIT);
        assertEquals(102, second.get("id").asInt());
    }

    @Test
    public void eachRunAnalysesTheDatasetAsItWasAtItsStart() throws Exception {
        platform.simulator().setManualCompletion(true);
        platform.simulator().load(Dataset.clean());
        platform.client().start();
        platform.simulator().load(Dataset.blocking());
        platform.simulator().completeAnalysis(Outcome.SUCCESS);
        assertEquals(
                "the clean snapshot was published",
                0,
                platform.client().json(ALERTS).get("count").asInt());
        platform.client().start();
        assertEquals(
                "not yet published",
                0,
                platform.client().json(ALERTS).get("count").asInt());
        platform.simulator().completeAnalysis(Outcome.SUCCESS);
        assertEquals(3, platform.client().json(ALERTS).get("count").asInt());
        platform.simulator().load(Dataset.clean());
        assertEquals(
                "loading alone publishes nothing",
                3,
                platform.client().json(ALERTS).get("count").asInt());
    }

    @Test
    public void manualCompletionEndsOnlyByHand() throws Exception {
        platform.simulator().setManualCompletion(true);
        platform.simulator().setAnalysisDuration(Duration.ofMillis(20));
        platform.client().start();
        Thread.sleep(80);
        assertEquals("in_progress", platform.client().status().get("status").asText());
        assertEquals(400, platform.client().post(SimulatorClient.START).statusCode());
        platform.simulator().completeAnalysis(Outcome.CANCELLED);
        assertEquals("cancelled", platform.client().status().get("status").asText());
        assertThrows(IllegalStateException.class, () -> platform.simulator().completeAnalysis(Outcome.SUCCESS));
        assertThrows(IllegalArgumentException.class, () -> platform.simulator().completeAnalysis(Outcome.NEVER_ENDS));
    }

    @Test
    public void neverEndingRunRunsUntilCompleted() throws Exception {
        platform.simulator().setAnalysisDuration(Duration.ofMillis(20));
        platform.simulator().setOutcomes(Outcome.NEVER_ENDS, Outcome.SUCCESS);
        platform.client().start();
        Thread.sleep(80);
        assertEquals("in_progress", platform.client().status().get("status").asText());
        assertTrue(platform.simulator().isAnalysisRunning());
        platform.simulator().completeAnalysis(Outcome.FAILED);
        assertEquals("failed", platform.client().status().get("status").asText());
        platform.client().start();
        platform.client().awaitStatus("success", WAIT);
    }

    @Test
    public void runThatNeverStartsNeverAppearsInStatus() throws Exception {
        platform.simulator().setAnalysisDuration(Duration.ofMillis(20));
        platform.simulator().setOutcomes(Outcome.SUCCESS, Outcome.NEVER_STARTS);
        platform.client().start();
        platform.client().awaitStatus("success", WAIT);
        HttpResponse<String> accepted = platform.client().start();
        assertEquals(201, accepted.statusCode());
        assertEquals(102, SimulatorClient.parse(accepted.body()).get("id").asInt());
        Thread.sleep(80);
        JsonNode status = platform.client().status();
        assertEquals(101, status.get("id").asInt());
        assertEquals("success", status.get("status").asText());
        assertFalse(platform.simulator().isAnalysisRunning());
        assertEquals(2, platform.simulator().analysisStarts());
    }

    @Test
    public void emptyStartResponseIs204() throws Exception {
        platform.simulator().setStartResponse(StartResponse.EMPTY);
        HttpResponse<String> started = platform.client().start();
        assertEquals(204, started.statusCode());
        assertEquals("", started.body());
        assertEquals(1, platform.simulator().analysisStarts());
    }

    @Test
    public void statusWordsCanBeReplaced() throws Exception {
        platform.simulator().setStatusWords("queued_for_scan", "done");
        platform.simulator().setAnalysisDuration(Duration.ofMillis(60));
        assertEquals(
                "queued_for_scan",
                SimulatorClient.parse(platform.client().start().body())
                        .get("status")
                        .asText());
        assertEquals("queued_for_scan", platform.client().status().get("status").asText());
        platform.client().awaitStatus("done", WAIT);
    }

    @Test
    public void tellsWhenARunFinished() throws Exception {
        platform.simulator().setManualCompletion(true);
        platform.client().start();
        assertEquals(null, platform.simulator().analysisFinishedAt("101"));
        platform.simulator().completeAnalysis(Outcome.SUCCESS);
        assertEquals(
                OffsetDateTime.parse(
                                platform.client().status().get("finished_at").asText())
                        .toInstant(),
                platform.simulator().analysisFinishedAt("101").truncatedTo(ChronoUnit.MICROS));
        assertEquals(null, platform.simulator().analysisFinishedAt("999"));
        assertEquals(null, platform.simulator().analysisFinishedAt("not-a-number"));
    }

    @Test
    public void awaitsAcceptedStarts() throws Exception {
        assertFalse(platform.simulator().awaitAnalysisStarts(1, Duration.ofMillis(20)));
        platform.client().start();
        assertTrue(platform.simulator().awaitAnalysisStarts(1, Duration.ofMillis(20)));
    }
}
