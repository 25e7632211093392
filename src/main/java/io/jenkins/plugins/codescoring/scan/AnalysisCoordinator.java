package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.AlertScope;
import io.jenkins.plugins.codescoring.api.AnalysisStatus;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.Project;
import io.jenkins.plugins.codescoring.api.StartOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shares the overall analysis of one platform among every scan waiting on it. Each tick reads the
 * status once and feeds it to all waiting scans through {@link AnalysisTracker}, so every scan follows
 * the same rules as a lone one; scans that need an analysis started in the same tick share one start,
 * and scans that read the same scope share one alert read. Scans that arrive while an analysis runs
 * wait for it to end and then share one follow-up: a burst of builds costs at most two starts.
 *
 * <p>Waiting holds no thread: scans are entries in a list, and the coordinator's ticks run only while
 * someone waits. Two executors keep time and I/O apart: the {@code timer} only schedules ticks and ends
 * scans at their deadlines, and never waits for the platform; each tick, with its blocking HTTP calls,
 * runs on {@code polls}. So deadlines fire on time whatever the platform does, and when the polls
 * executor gives each coordinator a thread of its own when it needs one, a platform or proxy that hangs for
 * one credential cannot delay the scans of another.
 */
public final class AnalysisCoordinator {
    private static final Logger LOGGER = Logger.getLogger(AnalysisCoordinator.class.getName());
    static final Duration FIRST_TICK_DELAY = Duration.ofMillis(50);

    static final Duration RETRY_WHEN_BUSY = Duration.ofSeconds(1);

    private final ScheduledExecutorService timer;
    private final Executor polls;
    private final Clock clock;
    private final ProjectResolver projects = new ProjectResolver();
    private final AlertCollector collector = new AlertCollector();
    private final ConcurrentLinkedQueue<Waiter> arrivals = new ConcurrentLinkedQueue<>();
    /** Touched only by the tick, which never runs twice at once. */
    private final List<Waiter> waiters = new ArrayList<>();
    private volatile CodescoringApi api;
    private int ticksSinceChange;
    private String lastSeen;
    /** Whether the last status read showed a run in progress. */
    private volatile boolean analysisRunning;

    private final Object scheduling = new Object();
    private ScheduledFuture<?> nextTick;
    private Instant nextTickAt;
    private boolean ticking;
    /** When a scan last arrived or a tick last ended. */
    private Instant lastBusy;

    /**
     * @param timer schedules ticks and watches deadlines; nothing it runs waits for the platform
     * @param polls runs the ticks, which make blocking HTTP calls
     */
    public AnalysisCoordinator(ScheduledExecutorService timer, Executor polls, Clock clock) {
        this.timer = timer;
        this.polls = polls;
        this.clock = clock;
        this.lastBusy = clock.instant();
    }

    /** Ticks run on the scheduler's own threads too: for tests with a manual scheduler and the benchmark. */
    public AnalysisCoordinator(ScheduledExecutorService scheduler, Clock clock) {
        this(scheduler, scheduler, clock);
    }

    /** A scan's place in the queue. */
    public interface Ticket {
        /** Stops waiting for this scan only; the analysis and the other scans go on. */
        void cancel();

        /** A copy of the scan's state as it is now, to persist. */
        ScanState snapshot();
    }

    /**
     * Adds a scan, new ({@link ScanState#begin}) or resumed from a saved state. {@code onDone} is called
     * once, from the scheduler, with the result; it must not block.
     *
     * @param platformApi the API for this platform with the scan's credential; the coordinator uses the
     *     latest one given for its shared calls
     */
    public Ticket submit(CodescoringApi platformApi, ScanRequest request, ScanState state, ScanListener listener,
            Consumer<ScanResult> onDone) {
        this.api = platformApi;
        Waiter waiter = new Waiter(request, state, listener, onDone, platformApi.platformUrl());
        synchronized (scheduling) {
            lastBusy = clock.instant();
        }
        arrivals.add(waiter);
        watchDeadline(waiter);
        if (!analysisRunning) {
            wakeUp(FIRST_TICK_DELAY);
        } else {
            // While a run is in progress a newcomer cannot get a verdict before it ends: the next regular
            // tick admits it, so a steady stream of builds does not speed up polling.
            wakeUp(request.maxPollInterval());
        }
        return waiter;
    }

    /**
     * Whether nobody has used this coordinator since {@code cutoff}: no scan waits or arrives, no tick runs or
     * is due, and the last of those was no later than the cutoff.
     */
    boolean isIdleSince(Instant cutoff) {
        synchronized (scheduling) {
            return !ticking && nextTick == null && arrivals.isEmpty() && waiters.isEmpty() && !lastBusy.isAfter(cutoff);
        }
    }

    /** Scans waiting now, for tests and the benchmark. */
    public int waiting() {
        synchronized (scheduling) {
            return waiters.size() + arrivals.size();
        }
    }

    /**
     * Ends the scan at its deadline, so ticks need not wake up for it, even while a tick is stuck in a call
     * to a hanging platform (the shared calls are bounded by the latest deadline of all waiting scans, not
     * this one's).
     */
    private void watchDeadline(Waiter waiter) {
        // Rounded up to whole milliseconds: never before the deadline.
        long millis = Math.max(0, Duration.between(clock.instant(), waiter.state.deadline()).plusNanos(999_999).toMillis());
        try {
            waiter.deadlineCheck = timer.schedule(() -> {
                if (waiter.cancelled || waiter.isDone()) {
                    return;
                }
                if (waiter.timeOut(clock.instant())) {
                    waiter.complete();
                } else {
                    watchDeadline(waiter); // the clock lags the scheduler's: look again when it says the deadline is here
                }
            }, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOGGER.log(Level.FINE, "CodeScoring coordinator stopped", e);
        }
    }

    private void wakeUp(Duration within) {
        synchronized (scheduling) {
            Instant due = clock.instant().plus(within);
            if (ticking || nextTickAt != null && !nextTickAt.isAfter(due)) {
                return;
            }
            if (nextTick != null) {
                nextTick.cancel(false);
            }
            schedule(within);
        }
    }

    private void schedule(Duration delay) {
        try {
            nextTick = timer.schedule(this::dispatch, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            nextTickAt = clock.instant().plus(delay);
        } catch (RejectedExecutionException e) {
            // The timer is shutting down (Jenkins stops): waiting scans resume from their saved state.
            LOGGER.log(Level.FINE, "CodeScoring coordinator stopped", e);
            nextTick = null;
            nextTickAt = null;
        }
    }

    /** On the timer: hands the tick to the polls executor, or tries again a little later when it has no thread free. */
    private void dispatch() {
        try {
            polls.execute(this::tick);
        } catch (RejectedExecutionException e) {
            synchronized (scheduling) {
                nextTick = null;
                nextTickAt = null;
                if (!timer.isShutdown()) {
                    LOGGER.log(Level.FINE, "No thread free for a CodeScoring status poll; trying again shortly", e);
                    schedule(RETRY_WHEN_BUSY);
                }
            }
        }
    }

    private void tick() {
        synchronized (scheduling) {
            if (ticking) {
                return;
            }
            ticking = true;
            nextTick = null;
            nextTickAt = null;
        }
        Duration delay = null;
        try {
            delay = advanceAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "CodeScoring coordinator tick failed", e);
            failAll(ErrorKind.UNREADABLE_RESPONSE, "Unexpected failure while waiting for the analysis: " + e.getClass().getSimpleName());
        } finally {
            synchronized (scheduling) {
                ticking = false;
                lastBusy = clock.instant();
                if (waiters.isEmpty()) {
                    analysisRunning = false;
                }
                if (!arrivals.isEmpty() && !analysisRunning) {
                    schedule(FIRST_TICK_DELAY);
                } else if (!waiters.isEmpty() || !arrivals.isEmpty()) {
                    schedule(delay == null ? FIRST_TICK_DELAY : delay);
                }
            }
        }
    }

    /** One round: deadlines, scopes, one status read, at most one start, one alert read per scope. */
    private Duration advanceAll() throws InterruptedException {
        admitArrivals();
        Instant now = clock.instant();
        CodescoringApi bounded = api.withDeadline(latestDeadline());
        Map<String, Object> projectsThisTick = new HashMap<>();
        for (Waiter waiter : waiters) {
            if (!waiter.isDone() && !waiter.timeOut(now)) {
                resolveScope(bounded, waiter, projectsThisTick);
            }
        }
        List<Waiter> polling = select(w -> !w.isDone() && w.state.phase() != Phase.COLLECTING);
        if (!polling.isEmpty()) {
            pollStatus(bounded, polling);
        }
        collectAlerts(bounded, select(w -> !w.isDone() && w.state.phase() == Phase.COLLECTING));
        completeFinished();
        return waiters.isEmpty() ? null : nextDelay();
    }

    private void admitArrivals() {
        Waiter arrival;
        while ((arrival = arrivals.poll()) != null) {
            waiters.add(arrival);
            if (!analysisRunning) {
                ticksSinceChange = 0;
            }
        }
        waiters.removeIf(w -> {
            if (w.cancelled) {
                w.stopWatching();
            }
            return w.cancelled;
        });
    }

    /**
     * Resolves the waiter's project once; scans naming the same project in one tick share one lookup
     * ({@code resolved} maps a name to its Project or to the CodescoringException it gave).
     */
    private void resolveScope(CodescoringApi bounded, Waiter waiter, Map<String, Object> resolved) throws InterruptedException {
        if (waiter.state.isScopeResolved()) {
            return;
        }
        String selector = waiter.request.project();
        if (selector != null && !resolved.containsKey(selector)) {
            try {
                resolved.put(selector, projects.resolve(bounded, selector));
            } catch (CodescoringException e) {
                resolved.put(selector, e);
            }
        }
        Object project = selector == null ? null : resolved.get(selector);
        if (project instanceof CodescoringException) {
            waiter.fail((CodescoringException) project, clock.instant());
            return;
        }
        synchronized (waiter) {
            waiter.state.resolveScope((Project) project, selector);
        }
    }

    private void pollStatus(CodescoringApi bounded, List<Waiter> polling) throws InterruptedException {
        AnalysisStatus status;
        try {
            status = bounded.overallAnalysisStatus();
        } catch (CodescoringException e) {
            for (Waiter waiter : polling) {
                waiter.pollFailed(e, clock.instant());
            }
            return;
        }
        noticeChange(status);
        Instant now = clock.instant();
        List<Waiter> needStart = new ArrayList<>();
        for (Waiter waiter : polling) {
            if (waiter.state.isScopeResolved() && waiter.observe(status, now) == AnalysisTracker.Action.START) {
                needStart.add(waiter);
            }
        }
        if (!needStart.isEmpty()) {
            startOnce(bounded, needStart);
        }
    }

    private void startOnce(CodescoringApi bounded, List<Waiter> needStart) throws InterruptedException {
        StartOutcome outcome;
        try {
            outcome = bounded.startOverallAnalysis();
        } catch (CodescoringException e) {
            for (Waiter waiter : needStart) {
                waiter.fail(e, clock.instant());
            }
            return;
        }
        ticksSinceChange = 0;
        Instant now = clock.instant();
        for (Waiter waiter : needStart) {
            waiter.started(outcome, now);
        }
    }

    private void collectAlerts(CodescoringApi bounded, List<Waiter> collecting) throws InterruptedException {
        Map<AlertScope, List<Waiter>> byScope = new LinkedHashMap<>();
        for (Waiter waiter : collecting) {
            byScope.computeIfAbsent(AlertScope.of(waiter.state.projectId(), waiter.request.stage()), s -> new ArrayList<>())
                    .add(waiter);
        }
        for (Map.Entry<AlertScope, List<Waiter>> entry : byScope.entrySet()) {
            try {
                PolicyGate.Decision decision = collector.collect(bounded, entry.getKey(), clock.instant());
                Instant now = clock.instant();
                for (Waiter waiter : entry.getValue()) {
                    waiter.decide(decision, now);
                }
            } catch (CodescoringException e) {
                for (Waiter waiter : entry.getValue()) {
                    waiter.fail(e, clock.instant());
                }
            }
        }
    }

    private void completeFinished() {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (waiter.cancelled) {
                it.remove();
                waiter.stopWatching();
            } else if (waiter.isDone()) {
                it.remove();
                waiter.complete();
            }
        }
    }

    private void failAll(ErrorKind kind, String message) {
        CodescoringException failure = new CodescoringException(kind, message);
        for (Waiter waiter : waiters) {
            if (!waiter.isDone()) {
                waiter.fail(failure, clock.instant());
            }
        }
        completeFinished();
    }

    private void noticeChange(AnalysisStatus status) {
        analysisRunning = status.phase() == io.jenkins.plugins.codescoring.api.RunPhase.RUNNING;
        String seen = status.runKey() + "/" + status.word();
        if (!seen.equals(lastSeen)) {
            lastSeen = seen;
            ticksSinceChange = 0;
        } else {
            ticksSinceChange++;
        }
    }

    /**
     * The shared adaptive interval, bounded by the most impatient scan. Deadlines do not shorten it: each
     * scan's own watch ends it on time ({@link #watchDeadline}).
     */
    private Duration nextDelay() {
        Duration first = null;
        Duration max = null;
        for (Waiter waiter : waiters) {
            first = min(first, waiter.request.firstPollInterval());
            max = min(max, waiter.request.maxPollInterval());
        }
        return PollSchedule.delayAfter(ticksSinceChange, first, max);
    }

    private Instant latestDeadline() {
        Instant latest = clock.instant();
        for (Waiter waiter : waiters) {
            latest = waiter.state.deadline().isAfter(latest) ? waiter.state.deadline() : latest;
        }
        return latest;
    }

    private List<Waiter> select(java.util.function.Predicate<Waiter> filter) {
        List<Waiter> selected = new ArrayList<>();
        for (Waiter waiter : waiters) {
            if (!waiter.cancelled && filter.test(waiter)) {
                selected.add(waiter);
            }
        }
        return selected;
    }

    private static Duration min(Duration a, Duration b) {
        return a == null || b.compareTo(a) < 0 ? b : a;
    }

    /**
     * One waiting scan. Its state changes in ticks and at its deadline, under its own lock so snapshots are
     * consistent; once done it changes no more, and it is completed once.
     */
    private static final class Waiter implements Ticket {
        final ScanRequest request;
        final ScanState state;
        final Consumer<ScanResult> onDone;
        final ResultFactory results;
        final AnalysisTracker tracker;
        volatile boolean cancelled;
        volatile ScheduledFuture<?> deadlineCheck;
        private boolean completed;

        Waiter(ScanRequest request, ScanState state, ScanListener listener, Consumer<ScanResult> onDone, String platformUrl) {
            this.request = request;
            this.state = state;
            this.onDone = onDone;
            this.results = new ResultFactory(request, platformUrl);
            this.tracker = new AnalysisTracker(results, listener);
        }

        synchronized boolean isDone() {
            return state.isDone();
        }

        /** Ends the scan with a timeout if its deadline has passed; whether it did. */
        synchronized boolean timeOut(Instant now) {
            return !state.isDone() && tracker.timeOutIfDue(state, now);
        }

        synchronized AnalysisTracker.Action observe(AnalysisStatus status, Instant now) {
            return state.isDone() ? AnalysisTracker.Action.FINISHED : tracker.observe(state, status, now);
        }

        synchronized void started(StartOutcome outcome, Instant now) {
            if (!state.isDone()) {
                tracker.started(state, outcome, now);
            }
        }

        synchronized void decide(PolicyGate.Decision decision, Instant now) {
            if (!state.isDone()) {
                state.finish(results.decided(state, decision, now));
            }
        }

        synchronized void fail(CodescoringException e, Instant now) {
            if (!state.isDone()) {
                state.finish(results.error(state, e.kind(), e.getMessage(), now));
            }
        }

        synchronized void pollFailed(CodescoringException e, Instant now) {
            if (!state.isDone()) {
                tracker.pollFailed(state, e, now);
            }
        }

        void stopWatching() {
            ScheduledFuture<?> check = deadlineCheck;
            if (check != null) {
                check.cancel(false);
            }
        }

        void complete() {
            ScanResult result;
            synchronized (this) {
                if (completed) {
                    return;
                }
                completed = true;
                result = state.result();
            }
            stopWatching();
            try {
                onDone.accept(result);
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "A CodeScoring scan's completion callback failed", e);
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public synchronized ScanState snapshot() {
            return state.copy();
        }
    }

}
