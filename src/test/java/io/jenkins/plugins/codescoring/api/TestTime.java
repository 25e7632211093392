package io.jenkins.plugins.codescoring.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock the tests move by hand, and a sleeper that records its waits and moves that clock. */
final class TestTime extends Clock implements Sleeper {
    private volatile Instant now;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    TestTime(Instant start) {
        this.now = start;
    }

    TestTime() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    List<Duration> sleeps() {
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
