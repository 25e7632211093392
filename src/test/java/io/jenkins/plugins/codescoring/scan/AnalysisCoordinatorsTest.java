package io.jenkins.plugins.codescoring.scan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;

import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.ConnectionKeys;
import io.jenkins.plugins.codescoring.api.ManualClock;
import org.junit.Test;

public class AnalysisCoordinatorsTest {
    private final ManualClock clock = new ManualClock();
    private final AnalysisCoordinators coordinators = new AnalysisCoordinators(new ManualScheduler(clock), clock);

    private static CodescoringClient client(String url, String token) throws Exception {
        return CodescoringClient.builder(url, token).build();
    }

    @Test
    public void scansOfOnePlatformAndTokenShareACoordinator() throws Exception {
        assertSame(coordinators.forApi(client("https://cs.example", "t0ken-1")), coordinators.forApi(client("https://cs.example", "t0ken-1")));
        assertEquals(1, coordinators.size());
    }

    @Test
    public void anotherTokenOrPlatformGetsItsOwnCoordinator() throws Exception {
        AnalysisCoordinator first = coordinators.forApi(client("https://cs.example", "t0ken-1"));
        assertNotSame(first, coordinators.forApi(client("https://cs.example", "t0ken-2")));
        assertNotSame(first, coordinators.forApi(client("https://other.example", "t0ken-1")));
        assertEquals(3, coordinators.size());
    }

    @Test
    public void theKeyDoesNotContainTheToken() throws Exception {
        String key = client("https://cs.example", "secret-token-123").connectionKey();
        assertFalse(key.contains("secret-token-123"));
        assertEquals(64, key.length());
        assertEquals(ConnectionKeys.of("https://cs.example", "secret-token-123"), key);
        assertNotEquals(ConnectionKeys.of("https://cs.example", "secret-token-124"), key);
    }
}
