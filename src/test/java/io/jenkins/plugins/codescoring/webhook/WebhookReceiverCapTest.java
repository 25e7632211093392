package io.jenkins.plugins.codescoring.webhook;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.Test;

/**
 * The receiver remembers at most {@link WebhookReceiver#MAX_PLATFORMS} platforms, forgetting the one it heard
 * from longest ago; a platform it forgot starts afresh, flood guard included.
 */
public class WebhookReceiverCapTest {
    private static final String TOKEN = "cap-TOKEN-3d9a61f0b2c8e754";
    private final ManualClock clock = new ManualClock();
    private final WebhookReceiver receiver = new WebhookReceiver(clock);

    private int deliver(String platform) {
        return receiver.receive(new WebhookDelivery(
                        platform, TOKEN, TOKEN, WebhookReceiverTest.batch().getBytes(StandardCharsets.UTF_8), false))
                .status();
    }

    @Test
    public void theLeastRecentlyHeardPlatformIsForgottenPastTheCap() {
        for (int i = 0; i < WebhookReceiver.MAX_PLATFORMS; i++) {
            assertEquals(200, deliver("platform-" + i));
            clock.advance(Duration.ofMillis(1));
        }
        assertEquals("heard again: now the most recent", 200, deliver("platform-0"));
        assertEquals(200, deliver("one-more"));
        assertTrue(receiver.lastAccepted("platform-0").isPresent());
        assertFalse(
                "the least recently heard is forgotten",
                receiver.lastAccepted("platform-1").isPresent());
        assertTrue(receiver.lastAccepted("platform-2").isPresent());
        assertTrue(receiver.lastAccepted("one-more").isPresent());
    }

    @Test
    public void aForgottenPlatformStartsWithAFreshFloodGuard() {
        for (int i = 0; i < WebhookReceiver.DELIVERIES_PER_WINDOW; i++) {
            assertEquals(200, deliver("busy"));
        }
        assertEquals(429, deliver("busy"));
        for (int i = 0; i < WebhookReceiver.MAX_PLATFORMS; i++) {
            deliver("other-" + i);
        }
        assertEquals("forgotten, so let in again within the window", 200, deliver("busy"));
    }
}
