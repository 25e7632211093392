package io.jenkins.plugins.codescoring.operations;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import java.time.Duration;
import java.time.Instant;

/** Times on the operations page in the reader's language: {@code 3 min 10 sec ago}, {@code in 57 min}. */
final class TimeWords {
    private TimeWords() {}

    /** e.g. {@code 3 min 10 sec}. */
    static String span(Duration duration) {
        return Util.getTimeSpanString(Math.max(0, duration.toMillis()));
    }

    @CheckForNull
    static String ago(@CheckForNull Instant at, Instant now) {
        return at == null ? null : Messages.TimeWords_Ago(span(Duration.between(at, now)));
    }

    /** e.g. {@code in 57 min}, or {@code now} for a time already passed. */
    @CheckForNull
    static String in(@CheckForNull Instant at, Instant now) {
        if (at == null) {
            return null;
        }
        Duration left = Duration.between(now, at);
        return left.isNegative() || left.isZero() ? Messages.TimeWords_Now() : Messages.TimeWords_In(span(left));
    }
}
