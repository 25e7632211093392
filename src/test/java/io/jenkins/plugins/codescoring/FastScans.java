package io.jenkins.plugins.codescoring;

import io.jenkins.plugins.codescoring.scanstep.ScanOptions;
import java.time.Duration;
import org.junit.rules.ExternalResource;

/**
 * Shortens the polling of scans for a test (first poll after 50 ms, at most every 200 ms) and, on
 * request, makes a {@code timeoutMinutes} unit last one second; restores the defaults afterwards.
 */
public final class FastScans extends ExternalResource {
    private static final Duration FIRST_POLL = Duration.ofMillis(50);
    private static final Duration MAX_POLL = Duration.ofMillis(200);

    @Override
    protected void before() {
        ScanOptions.useTimingsForTests(FIRST_POLL, MAX_POLL, null);
    }

    @Override
    protected void after() {
        ScanOptions.useTimingsForTests(null, null, null);
    }

    /** From now on, {@code timeoutMinutes: 3} means three seconds. */
    public void timeoutInSeconds() {
        ScanOptions.useTimingsForTests(FIRST_POLL, MAX_POLL, Duration.ofSeconds(1));
    }
}
