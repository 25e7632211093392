package io.jenkins.plugins.codescoring.e2e.harness;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Bounded polling: every wait of the harness and the tests has a deadline and says what it waited for. */
public final class Wait {

    private static final Duration STEP = Duration.ofMillis(250);

    /** A check that may fail with an exception (then it counts as "not yet"). */
    @FunctionalInterface
    public interface Probe<T> {
        /** The value once ready, or empty while not. */
        Optional<T> poll() throws Exception;
    }

    /** A condition that may fail with an exception (then it counts as false). */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    private Wait() {}

    /** Polls until the probe gives a value; fails after {@code timeout} naming what was awaited and the last state. */
    public static <T> T until(String what, Duration timeout, Probe<T> probe, Supplier<String> lastState) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastError = null;
        while (true) {
            try {
                Optional<T> value = probe.poll();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            } catch (Exception e) {
                lastError = e;
            }
            if (System.nanoTime() - deadline > 0) {
                AssertionError failure = new AssertionError(
                        "waited " + timeout.toSeconds() + " s for " + what + "; last state: " + lastState.get());
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
            }
            sleep(STEP);
        }
    }

    /** Polls until the condition holds. */
    public static void until(String what, Duration timeout, Check condition) {
        until(
                what,
                timeout,
                () -> condition.holds() ? Optional.of(Boolean.TRUE) : Optional.empty(),
                () -> "condition false");
    }

    /** Sleeps the whole duration (for a measured pause that has nothing to poll), restoring the interrupt flag. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
