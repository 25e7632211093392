package io.jenkins.plugins.codescoring;

import java.time.Duration;
import org.junit.rules.ExternalResource;

/**
 * Shortens the polling of scans for a test (first poll after 50 ms, at most every 200 ms) and, on
 * request, makes a {@code timeoutMinutes} unit last one second; restores the defaults afterwards.
 */
final class FastScans extends ExternalResource {
    private Duration savedFirst;
    private Duration savedMax;
    private Duration savedUnit;

    @Override
    protected void before() {
        savedFirst = ScanOptions.firstPollInterval;
        savedMax = ScanOptions.maxPollIntervalOverride;
        savedUnit = ScanOptions.timeoutUnit;
        ScanOptions.firstPollInterval = Duration.ofMillis(50);
        ScanOptions.maxPollIntervalOverride = Duration.ofMillis(200);
    }

    @Override
    protected void after() {
        ScanOptions.firstPollInterval = savedFirst;
        ScanOptions.maxPollIntervalOverride = savedMax;
        ScanOptions.timeoutUnit = savedUnit;
    }

    /** From now on, {@code timeoutMinutes: 3} means three seconds. */
    void timeoutInSeconds() {
        ScanOptions.timeoutUnit = Duration.ofSeconds(1);
    }
}
