package io.jenkins.plugins.codescoring.report;

import java.util.Objects;

/**
 * One build on the trend chart: its label (such as {@code #12}) and what its scans found: the blocking
 * alerts, the new ones among them (since each scan's reference build), and the active, not ignored alerts by level.
 */
public record TrendPoint(String label, int blocking, int critical, int warning, int info, int newBlocking) {

    /** A point without new blocking alerts. */
    public TrendPoint(String label, int blocking, int critical, int warning, int info) {
        this(label, blocking, critical, warning, info, 0);
    }

    /** @throws IllegalArgumentException for a negative count */
    public TrendPoint {
        label = Objects.requireNonNullElse(label, "");
        requireNotNegative(blocking, "blocking");
        requireNotNegative(critical, "critical");
        requireNotNegative(warning, "warning");
        requireNotNegative(info, "info");
        requireNotNegative(newBlocking, "newBlocking");
    }

    /** The highest of the four counts. */
    public int max() {
        return Math.max(Math.max(blocking, critical), Math.max(warning, info));
    }

    private static void requireNotNegative(int count, String name) {
        if (count < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + count);
        }
    }
}
