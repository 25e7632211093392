package io.jenkins.plugins.codescoring.scan;

import java.time.Duration;

/**
 * How long to wait before the next status poll: short at first, so a quick analysis is seen quickly,
 * then growing by half each poll up to the maximum, so a long one costs few requests.
 */
public final class PollSchedule {
    private PollSchedule() {}

    /** The wait after poll number {@code pollsSoFar} (0 for the wait after the first poll). */
    public static Duration delayAfter(int pollsSoFar, Duration first, Duration max) {
        double millis = first.toMillis();
        for (int i = 0; i < pollsSoFar && millis < max.toMillis(); i++) {
            millis *= 1.5;
        }
        long bounded = Math.min((long) millis, max.toMillis());
        return Duration.ofMillis(Math.max(1, bounded));
    }
}
