package io.jenkins.plugins.codescoring.scan;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a scan keeps trying after transient failures, and when it tries next: patience by time, not by
 * count. A streak of failures may last the request's {@link ScanRequest#transientPatience()} from its first
 * failure, never past the scan's deadline. The waits grow with the streak (half the time it has lasted, from
 * the first to the longest poll interval), never shorter than a Retry-After the platform sent; the last try
 * falls on the end of the patience. Without I/O and without state of its own, so a resumed scan goes on
 * where it was.
 */
final class TransientPatience {
    private final ScanRequest request;

    TransientPatience(ScanRequest request) {
        this.request = request;
    }

    /** When to try again, or why not. */
    static final class Next {
        private final Duration wait;
        private final String givingUp;

        private Next(Duration wait, String givingUp) {
            this.wait = wait;
            this.givingUp = givingUp;
        }

        /** The wait before the next try, or null when the scan gives up. */
        Duration retryIn() {
            return wait;
        }

        /** Why the scan gives up, a sentence for its error message; null when it tries again. */
        String givingUp() {
            return givingUp;
        }
    }

    /**
     * After a transient failure at {@code now} in a streak that began at {@code since}.
     *
     * @param retryAfter how long the platform asked to wait, or null
     */
    Next next(Instant since, Instant deadline, Duration retryAfter, Instant now) {
        Duration tried = Duration.between(since, now);
        Instant patienceEnds = since.plus(request.transientPatience());
        if (!now.isBefore(patienceEnds)) {
            return giveUp("Tried again for " + Durations.describe(tried) + " (the patience for transient failures is "
                    + Durations.describe(request.transientPatience()) + "); giving up.");
        }
        if (retryAfter != null && now.plus(retryAfter).isAfter(patienceEnds)) {
            return giveUp(
                    "The platform asked to wait " + Durations.describe(retryAfter) + " before trying again, longer than"
                            + " the patience for transient failures leaves ("
                            + Durations.describe(Duration.between(now, patienceEnds))
                            + "); giving up" + after(tried) + ".");
        }
        Instant next = now.plus(backoff(tried, retryAfter));
        if (next.isAfter(patienceEnds)) {
            next = patienceEnds;
        }
        if (!next.isBefore(deadline)) {
            return giveUp("The scan's deadline comes before the next try; giving up" + after(tried) + ".");
        }
        return new Next(Duration.between(now, next), null);
    }

    /** How long the current streak may still go on from {@code now}: to the end of the patience or the deadline. */
    Duration left(Instant since, Instant deadline, Instant now) {
        Instant end = since.plus(request.transientPatience());
        return Duration.between(now, end.isBefore(deadline) ? end : deadline);
    }

    /** Half the streak so far, from the first to the longest poll interval, and at least the Retry-After. */
    private Duration backoff(Duration tried, Duration retryAfter) {
        Duration wait = tried.dividedBy(2);
        if (wait.compareTo(request.firstPollInterval()) < 0) {
            wait = request.firstPollInterval();
        }
        if (wait.compareTo(request.maxPollInterval()) > 0) {
            wait = request.maxPollInterval();
        }
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }

    private static String after(Duration tried) {
        return tried.isZero() ? "" : " after trying for " + Durations.describe(tried);
    }

    private static Next giveUp(String why) {
        return new Next(null, why);
    }
}
