package io.jenkins.plugins.codescoring.simulator;

import static org.junit.Assert.assertEquals;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

/** Many clients at once: exactly one start wins, everyone gets an answer. */
public class SimulatorConcurrencyTest {

    @Rule
    public Timeout timeout = Timeout.seconds(20);

    private CodescoringSimulator simulator;

    @Before
    public void startSimulator() throws Exception {
        simulator = CodescoringSimulator.start("token");
        simulator.setManualCompletion(true);
        simulator.load(Dataset.demo());
    }

    @After
    public void stopSimulator() {
        simulator.close();
    }

    @Test
    public void concurrentStartsAndReadsAreAllAnsweredAndOnlyOneStartWins() throws Exception {
        SimulatorClient client = new SimulatorClient(simulator);
        List<CompletableFuture<HttpResponse<String>>> starts = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> reads = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            starts.add(client.postAsync(SimulatorClient.START, Duration.ofSeconds(10)));
            reads.add(client.getAsync(
                    i % 2 == 0 ? SimulatorClient.STATUS : "/api/policies/?page=1&per_page=100",
                    Duration.ofSeconds(10)));
        }
        int accepted = 0;
        for (CompletableFuture<HttpResponse<String>> start : starts) {
            int code = start.get(10, TimeUnit.SECONDS).statusCode();
            accepted += code == 201 ? 1 : 0;
            assertEquals(true, code == 201 || code == 400);
        }
        for (CompletableFuture<HttpResponse<String>> read : reads) {
            assertEquals(200, read.get(10, TimeUnit.SECONDS).statusCode());
        }
        assertEquals(1, accepted);
        assertEquals(1, simulator.analysisStarts());
        assertEquals(199, simulator.rejectedStarts());
        assertEquals(400, simulator.requestCount());
    }
}
