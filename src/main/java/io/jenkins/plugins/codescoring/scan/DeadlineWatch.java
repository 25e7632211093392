package io.jenkins.plugins.codescoring.scan;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends each waiting scan at its own deadline, on a timer that never waits for the platform: so a tick stuck
 * in a call to a hanging platform (whose shared calls are bounded by the latest deadline of all waiting
 * scans, not this one's) cannot hold a scan past its time, and ticks need not wake up for deadlines.
 */
final class DeadlineWatch {
    private static final Logger LOGGER = Logger.getLogger(DeadlineWatch.class.getName());

    private final ScheduledExecutorService timer;
    private final Clock clock;

    DeadlineWatch(ScheduledExecutorService timer, Clock clock) {
        this.timer = timer;
        this.clock = clock;
    }

    void watch(WaitingScan scan) {
        // Rounded up to whole milliseconds: never before the deadline.
        long millis = Math.max(
                0,
                Duration.between(clock.instant(), scan.state.deadline())
                        .plusNanos(999_999)
                        .toMillis());
        try {
            scan.deadlineCheck = timer.schedule(
                    () -> {
                        if (scan.cancelled || scan.isDone()) {
                            return;
                        }
                        if (scan.timeOut(clock.instant())) {
                            scan.complete();
                        } else {
                            watch(scan); // the clock lags the scheduler's: look again when it says the deadline is here
                        }
                    },
                    millis,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOGGER.log(Level.FINE, "CodeScoring coordinator stopped", e);
        }
    }
}
