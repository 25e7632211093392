package io.jenkins.plugins.codescoring.webhook;

import java.time.Duration;
import java.time.Instant;

/** What the receiver remembers of one platform whose token was right: its flood window, recent events, last delivery. */
final class PlatformInbox {
    final FloodGuard flood;
    final RecentEvents recent;
    Instant lastAccepted;

    PlatformInbox(int deliveriesPerWindow, Duration window, int recentEvents) {
        this.flood = new FloodGuard(deliveriesPerWindow, window);
        this.recent = new RecentEvents(recentEvents);
    }
}
