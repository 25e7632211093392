package io.jenkins.plugins.codescoring.scan;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import org.junit.Test;

/** The wording of durations in console lines and timeout messages, at each unit's edges. */
public class DurationsTest {
    private static String describe(Duration duration) {
        return Durations.describe(duration);
    }

    @Test
    public void secondsMinutesAndHoursAtTheirEdges() {
        assertEquals("0 s", describe(Duration.ofMillis(-5)));
        assertEquals("0 s", describe(Duration.ofMillis(499)));
        assertEquals("1 s", describe(Duration.ofMillis(500)));
        assertEquals("59 s", describe(Duration.ofSeconds(59)));
        assertEquals("1 min", describe(Duration.ofSeconds(60)));
        assertEquals("2 min 5 s", describe(Duration.ofSeconds(125)));
        assertEquals("59 min 59 s", describe(Duration.ofSeconds(3599)));
        assertEquals("1 h", describe(Duration.ofMinutes(60)));
        assertEquals("1 h 3 min", describe(Duration.ofMinutes(63).plusSeconds(20)));
        assertEquals("25 h", describe(Duration.ofHours(25)));
    }
}
