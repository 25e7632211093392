package io.jenkins.plugins.codescoring.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/** At most {@code limit} deliveries of one platform in any {@code window}; remembers no more than that. */
final class FloodGuard {
    private final int limit;
    private final Duration window;
    private final ArrayDeque<Instant> admitted = new ArrayDeque<>();

    FloodGuard(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /**
     * Admits a delivery at {@code now}, or says how many whole seconds to wait before the oldest one leaves
     * the window.
     *
     * @return 0 when admitted, else the seconds to wait (at least 1)
     */
    long admit(Instant now) {
        while (!admitted.isEmpty() && !admitted.peekFirst().plus(window).isAfter(now)) {
            admitted.pollFirst();
        }
        if (admitted.size() < limit) {
            admitted.addLast(now);
            return 0;
        }
        long millis = Duration.between(now, admitted.peekFirst().plus(window)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
