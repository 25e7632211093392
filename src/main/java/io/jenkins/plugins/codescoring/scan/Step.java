package io.jenkins.plugins.codescoring.scan;

import java.time.Duration;
import java.util.Objects;

/** What the engine says after one step: call again after a delay, or here is the result. */
public final class Step {
    private final Duration delay;
    private final ScanResult result;

    private Step(Duration delay, ScanResult result) {
        this.delay = delay;
        this.result = result;
    }

    public static Step waitFor(Duration delay) {
        return new Step(Objects.requireNonNull(delay, "delay"), null);
    }

    public static Step done(ScanResult result) {
        return new Step(null, Objects.requireNonNull(result, "result"));
    }

    public boolean isDone() {
        return result != null;
    }

    /** How long to wait before the next step; null when done. */
    public Duration delay() {
        return delay;
    }

    /** The result; null while not done. */
    public ScanResult result() {
        return result;
    }

    @Override
    public String toString() {
        return isDone() ? "Step[done " + result + "]" : "Step[wait " + delay + "]";
    }
}
