package io.jenkins.plugins.codescoring.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * How often and how patiently a failed call is tried again within the call: a few quick attempts with
 * exponential backoff and jitter, and the longest {@code Retry-After} waited for inside the call. Longer
 * trouble is the scan's to wait out (see {@code ScanRequest.transientPatience()}): it schedules its next step
 * later instead of holding a thread that serves other scans. Immutable; change it with the withers.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS =
            new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(30), 2.0, 0.2, Duration.ofSeconds(2));

    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final Duration maxRetryAfter;

    private RetryPolicy(
            int maxAttempts,
            Duration firstBackoff,
            Duration maxBackoff,
            double multiplier,
            double jitter,
            Duration maxRetryAfter) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        requireNotNegative(firstBackoff, "firstBackoff");
        requireNotNegative(maxBackoff, "maxBackoff");
        requireNotNegative(maxRetryAfter, "maxRetryAfter");
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
        }
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.multiplier = multiplier;
        this.jitter = jitter;
        this.maxRetryAfter = maxRetryAfter;
    }

    /**
     * 4 attempts, backoff 250 ms doubling (about 1.75 s in all) with 20 % jitter, a Retry-After of up to 2 s
     * waited for inside the call; a longer one ends the call and is left to the caller.
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** One attempt, no retry. */
    public static RetryPolicy none() {
        return DEFAULTS.withMaxAttempts(1);
    }

    public RetryPolicy withMaxAttempts(int value) {
        return new RetryPolicy(value, firstBackoff, maxBackoff, multiplier, jitter, maxRetryAfter);
    }

    public RetryPolicy withFirstBackoff(Duration value) {
        return new RetryPolicy(maxAttempts, value, maxBackoff, multiplier, jitter, maxRetryAfter);
    }

    public RetryPolicy withMaxBackoff(Duration value) {
        return new RetryPolicy(maxAttempts, firstBackoff, value, multiplier, jitter, maxRetryAfter);
    }

    public RetryPolicy withMultiplier(double value) {
        return new RetryPolicy(maxAttempts, firstBackoff, maxBackoff, value, jitter, maxRetryAfter);
    }

    /** The fraction (0 to below 1) by which a backoff may randomly be shorter or longer. */
    public RetryPolicy withJitter(double value) {
        return new RetryPolicy(maxAttempts, firstBackoff, maxBackoff, multiplier, value, maxRetryAfter);
    }

    public RetryPolicy withMaxRetryAfter(Duration value) {
        return new RetryPolicy(maxAttempts, firstBackoff, maxBackoff, multiplier, jitter, value);
    }

    /** The most attempts a call gets, the first one included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration firstBackoff() {
        return firstBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public double multiplier() {
        return multiplier;
    }

    public double jitter() {
        return jitter;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The wait after the given failed attempt (1 for the first): {@code firstBackoff * multiplier^(attempt-1)},
     * randomly stretched or shrunk by up to the jitter fraction, never more than {@code maxBackoff}.
     */
    public Duration backoff(int attempt, Random random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + attempt);
        }
        double base = firstBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
        double factor = 1.0 + jitter * (2.0 * random.nextDouble() - 1.0);
        double millis = Math.min(base * factor, maxBackoff.toMillis());
        return Duration.ofMillis(Math.round(millis));
    }

    /**
     * The wait inside the call that a server asked for, or null when it asked for more than
     * {@link #maxRetryAfter()}: then the call is not retried, and the caller (a scan) decides when to try again.
     */
    public Duration retryAfter(Duration asked) {
        if (asked.isNegative()) {
            return Duration.ZERO;
        }
        return asked.compareTo(maxRetryAfter) > 0 ? null : asked;
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy[" + maxAttempts + " attempts, backoff " + firstBackoff.toMillis() + " ms x" + multiplier
                + " up to " + maxBackoff.toMillis() + " ms, jitter " + jitter + ", Retry-After up to "
                + maxRetryAfter.toSeconds() + " s]";
    }
}
