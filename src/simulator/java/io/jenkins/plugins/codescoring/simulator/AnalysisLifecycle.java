package io.jenkins.plugins.codescoring.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The overall SCA analyses of the simulated platform: one at a time, each ending by time (or by hand)
 * with a planned outcome, each analysing the dataset as it was at its start and publishing that
 * snapshot's alerts when it succeeds. State is computed lazily from the monotonic clock whenever it is
 * read, so no timer thread is needed (something that must learn of an end without reading, as the webhook
 * sender, calls {@link #settleNow()} now and then). Thread-safe: every method holds the instance lock.
 */
final class AnalysisLifecycle {

    /** Learns of every run that becomes visible and of every end; called under the lifecycle's lock. */
    interface Observer {
        Observer NONE = new Observer() {
            @Override
            public void started(AnalysisRun run) {}

            @Override
            public void ended(AnalysisRun run) {}
        };

        void started(AnalysisRun run);

        void ended(AnalysisRun run);
    }

    private static final long FIRST_RUN_ID = 101;

    private Duration analysisDuration = Duration.ofMillis(300);
    private Duration staleStatusWindow = Duration.ofMillis(100);
    private boolean manualCompletion;
    private List<Outcome> plannedOutcomes = List.of(Outcome.SUCCESS);
    private int outcomesUsed;

    private long nextRunId = FIRST_RUN_ID;
    /** The latest run that /status can show (runs that "never start" are not). */
    private AnalysisRun latestVisible;
    /** The run that forbids another start, or null. */
    private AnalysisRun running;

    private Dataset published = Dataset.empty();
    private int acceptedStarts;
    private int rejectedStarts;
    /** Every accepted run by id, so tests and the benchmark can ask when one ended. */
    private final Map<Long, AnalysisRun> history = new HashMap<>();

    private Observer observer = Observer.NONE;

    synchronized void setObserver(Observer observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    synchronized void setAnalysisDuration(Duration duration) {
        this.analysisDuration = requirePositiveOrZero(duration);
    }

    synchronized void setStaleStatusWindow(Duration window) {
        this.staleStatusWindow = requirePositiveOrZero(window);
    }

    synchronized void setManualCompletion(boolean manual) {
        this.manualCompletion = manual;
    }

    /** The outcomes of the next runs in order; the last one repeats. */
    synchronized void setOutcomes(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("at least one outcome is needed");
        }
        this.plannedOutcomes = List.copyOf(outcomes);
        this.outcomesUsed = 0;
    }

    /** Starts a run analysing {@code current}, unless one is in progress. */
    synchronized StartResult start(Dataset current) {
        long now = System.nanoTime();
        settle(now);
        if (running != null) {
            rejectedStarts++;
            return StartResult.REJECTED;
        }
        Outcome outcome = nextOutcome();
        boolean endsByItself = !manualCompletion && outcome.isFinal();
        AnalysisRun run = new AnalysisRun(
                nextRunId++,
                current,
                Instant.now(),
                now,
                endsByItself ? analysisDuration : null,
                analysisDuration.dividedBy(5),
                outcome,
                latestVisible);
        acceptedStarts++;
        history.put(run.id(), run);
        if (outcome != Outcome.NEVER_STARTS) {
            running = run;
            latestVisible = run;
            observer.started(run);
        }
        notifyAll();
        return new StartResult(run.id());
    }

    /** The last run as /status shows it now: during the stale window after a start, the one before it. */
    synchronized StatusView status() {
        long now = System.nanoTime();
        settle(now);
        AnalysisRun shown = latestVisible;
        if (shown != null && shown.elapsed(now).compareTo(staleStatusWindow) < 0) {
            shown = shown.predecessor();
        }
        return shown == null ? StatusView.NOT_STARTED : shown.view(now);
    }

    /** The dataset whose alerts the last successful run published (empty before any). */
    synchronized Dataset published() {
        settle(System.nanoTime());
        return published;
    }

    /** Ends the running run now with that outcome. */
    synchronized void complete(Outcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        if (!outcome.isFinal()) {
            throw new IllegalArgumentException("a run cannot be completed with " + outcome);
        }
        settle(System.nanoTime());
        if (running == null) {
            throw new IllegalStateException("no analysis is running");
        }
        end(running, outcome, Instant.now());
    }

    /** When the run ended, or null while it runs or when no such run was started. */
    synchronized Instant finishedAt(long runId) {
        settle(System.nanoTime());
        AnalysisRun run = history.get(runId);
        return run == null ? null : run.finishedAt();
    }

    /** When the run began (its start was accepted), or null when no such run was started. */
    synchronized Instant startedAt(long runId) {
        AnalysisRun run = history.get(runId);
        return run == null ? null : run.startedAt();
    }

    /** When each accepted run began, by id in order. */
    synchronized java.util.SortedMap<Long, Instant> startTimes() {
        java.util.SortedMap<Long, Instant> times = new java.util.TreeMap<>();
        history.forEach((id, run) -> times.put(id, run.startedAt()));
        return times;
    }

    synchronized boolean isRunning() {
        settle(System.nanoTime());
        return running != null;
    }

    synchronized int acceptedStarts() {
        return acceptedStarts;
    }

    synchronized int rejectedStarts() {
        return rejectedStarts;
    }

    /** Waits until at least {@code count} starts have been accepted; false on timeout. */
    synchronized boolean awaitAcceptedStarts(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acceptedStarts < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Ends the running run if it is due. */
    synchronized void settleNow() {
        settle(System.nanoTime());
    }

    private void settle(long nowNanos) {
        if (running != null && running.isDue(nowNanos)) {
            end(running, running.plannedOutcome(), running.plannedEnd());
        }
    }

    private void end(AnalysisRun run, Outcome outcome, Instant at) {
        run.finish(outcome, at);
        publishIfSucceeded(run);
        running = null;
        observer.ended(run);
    }

    private void publishIfSucceeded(AnalysisRun run) {
        if (run.finalOutcome() == Outcome.SUCCESS) {
            published = run.snapshot();
        }
    }

    private Outcome nextOutcome() {
        Outcome outcome = plannedOutcomes.get(Math.min(outcomesUsed, plannedOutcomes.size() - 1));
        outcomesUsed++;
        return outcome;
    }

    private static Duration requirePositiveOrZero(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        return duration;
    }
}
