package io.jenkins.plugins.codescoring.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.Random;
import org.junit.Test;

public class RetryPolicyTest {

    @Test
    public void defaultsAreTheDocumentedOnes() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertEquals(4, policy.maxAttempts());
        assertEquals(Duration.ofMillis(250), policy.firstBackoff());
        assertEquals(Duration.ofSeconds(30), policy.maxBackoff());
        assertEquals(2.0, policy.multiplier(), 0.0);
        assertEquals(0.2, policy.jitter(), 0.0);
        assertEquals(Duration.ofSeconds(2), policy.maxRetryAfter());
        assertEquals(1, RetryPolicy.none().maxAttempts());
    }

    @Test
    public void backoffGrowsExponentiallyUpToTheMaximum() {
        RetryPolicy policy = RetryPolicy.defaults().withJitter(0);
        Random random = new Random(1);
        long[] expected = {250, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
        for (int attempt = 1; attempt <= expected.length; attempt++) {
            assertEquals(
                    "attempt " + attempt, Duration.ofMillis(expected[attempt - 1]), policy.backoff(attempt, random));
        }
    }

    @Test
    public void jitterStaysWithinItsFractionAndVaries() {
        RetryPolicy policy =
                RetryPolicy.defaults().withFirstBackoff(Duration.ofSeconds(10)).withMaxBackoff(Duration.ofMinutes(10));
        Random random = new Random(42);
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (int i = 0; i < 1000; i++) {
            long millis = policy.backoff(2, random).toMillis();
            smallest = Math.min(smallest, millis);
            largest = Math.max(largest, millis);
        }
        assertTrue(smallest + " >= 16000", smallest >= 16000);
        assertTrue(largest + " <= 24000", largest <= 24000);
        assertTrue("jitter spreads the waits", largest - smallest > 4000);
    }

    @Test
    public void aLongerRetryAfterThanTheMaximumIsNotWaitedForInsideTheCall() {
        RetryPolicy policy = RetryPolicy.defaults().withMaxRetryAfter(Duration.ofSeconds(60));
        assertEquals(Duration.ofSeconds(5), policy.retryAfter(Duration.ofSeconds(5)));
        assertEquals(Duration.ofSeconds(60), policy.retryAfter(Duration.ofSeconds(60)));
        assertEquals(
                "left to the scan, which waits between its steps", null, policy.retryAfter(Duration.ofSeconds(61)));
        assertEquals(Duration.ZERO, policy.retryAfter(Duration.ofSeconds(-5)));
    }

    @Test
    public void withersKeepTheOtherSettings() {
        RetryPolicy policy =
                RetryPolicy.defaults().withMaxAttempts(6).withMultiplier(3).withFirstBackoff(Duration.ofMillis(100));
        assertEquals(6, policy.maxAttempts());
        assertEquals(3.0, policy.multiplier(), 0.0);
        assertEquals(Duration.ofMillis(100), policy.firstBackoff());
        assertEquals(Duration.ofSeconds(30), policy.maxBackoff());
        assertEquals(4, RetryPolicy.defaults().maxAttempts());
    }

    @Test
    public void nonsenseIsRefused() {
        assertRefused(() -> RetryPolicy.defaults().withMaxAttempts(0));
        assertRefused(() -> RetryPolicy.defaults().withMultiplier(0.5));
        assertRefused(() -> RetryPolicy.defaults().withJitter(1.0));
        assertRefused(() -> RetryPolicy.defaults().withFirstBackoff(Duration.ofSeconds(-1)));
        assertRefused(() -> RetryPolicy.defaults().backoff(0, new Random()));
    }

    private static void assertRefused(Runnable change) {
        try {
            change.run();
            fail("accepted");
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }
}
