package io.jenkins.plugins.codescoring.scan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;

import org.junit.Test;

public class AnalysisCoordinatorsTest {
    private final ManualClock clock = new ManualClock();
    private final AnalysisCoordinators coordinators = new AnalysisCoordinators(new ManualScheduler(clock), clock);

    @Test
    public void scansOfOnePlatformAndTokenShareACoordinator() {
        assertSame(coordinators.forPlatform("https://cs.example", "t0ken-1"), coordinators.forPlatform("https://cs.example", "t0ken-1"));
        assertEquals(1, coordinators.size());
    }

    @Test
    public void anotherTokenOrPlatformGetsItsOwnCoordinator() {
        AnalysisCoordinator first = coordinators.forPlatform("https://cs.example", "t0ken-1");
        assertNotSame(first, coordinators.forPlatform("https://cs.example", "t0ken-2"));
        assertNotSame(first, coordinators.forPlatform("https://other.example", "t0ken-1"));
        assertEquals(3, coordinators.size());
    }

    @Test
    public void theKeyDoesNotContainTheToken() {
        String key = AnalysisCoordinators.key("https://cs.example", "secret-token-123");
        assertFalse(key.contains("secret-token-123"));
        assertEquals(64, key.length());
    }
}
