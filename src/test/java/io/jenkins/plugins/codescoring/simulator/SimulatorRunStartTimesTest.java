package io.jenkins.plugins.codescoring.simulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

/** The simulator tells when each run began, as its status does, so tests can check a verdict's run against a request. */
public class SimulatorRunStartTimesTest {

    @Rule
    public Timeout timeout = Timeout.seconds(20);

    @Rule
    public final SimulatorRule platform =
            new SimulatorRule("token", Duration.ofSeconds(10)).staleStatusWindow(Duration.ZERO);

    @Test
    public void eachAcceptedRunsStartTimeIsKnownAndMatchesItsStatus() throws Exception {
        Instant before = Instant.now();
        platform.client().start();
        assertEquals(400, platform.client().post(SimulatorClient.START).statusCode());
        JsonNode status = platform.client().status();
        Instant began = platform.simulator().analysisStartedAt("101");
        assertFalse(began.isBefore(before));
        assertEquals(
                "what /status says",
                java.time.OffsetDateTime.parse(status.get("started_at").asText())
                        .toInstant(),
                began.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertEquals(1, platform.simulator().analysisStartTimes().size());
        assertEquals(began, platform.simulator().analysisStartTimes().get("101"));
        assertNull("a rejected start is no run", platform.simulator().analysisStartedAt("102"));
        assertNull(platform.simulator().analysisStartedAt("not-a-number"));

        platform.simulator().enableControl();
        HttpResponse<String> answer = platform.client().withAuthorization(null).get("/_simulator/stats");
        assertEquals(
                began.toString(),
                SimulatorClient.parse(answer.body()).at("/runStartedAt/101").asText());
    }
}
