package io.jenkins.plugins.codescoring.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that moves only when told; its sleeper records each wait and advances the clock instead of waiting. */
public final class ManualClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-27T10:00:00Z");
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public Sleeper sleeper() {
        return duration -> {
            sleeps.add(duration);
            advance(duration);
        };
    }

    /** Every wait asked of the sleeper so far, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
