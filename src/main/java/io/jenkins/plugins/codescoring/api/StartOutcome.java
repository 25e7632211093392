package io.jenkins.plugins.codescoring.api;

/** What the platform said to a request to start the overall analysis. */
public final class StartOutcome {
    private final boolean started;
    private final String runId;

    private StartOutcome(boolean started, String runId) {
        this.started = started;
        this.runId = runId;
    }

    /** The platform accepted the start; it may or may not have named the run. */
    public static StartOutcome started(String runId) {
        return new StartOutcome(true, runId);
    }

    /** Another overall analysis is running; only one may run at a time. */
    public static StartOutcome alreadyRunning() {
        return new StartOutcome(false, null);
    }

    public boolean isStarted() {
        return started;
    }

    public boolean isAlreadyRunning() {
        return !started;
    }

    /** The id the start response named, or null. */
    public String runId() {
        return runId;
    }

    @Override
    public String toString() {
        return started
                ? "StartOutcome[started" + (runId == null ? "" : " " + runId) + "]"
                : "StartOutcome[already running]";
    }
}
