package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
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
    /**
     * The least time between the start of one tick and a tick asked for by {@link #pollNow()}, so that a
     * flood of valid webhooks costs the platform at most about one status read a second.
     */
    static final Duration POLL_NOW_GAP = Duration.ofSeconds(1);

    private final ScheduledExecutorService timer;
    private final Executor polls;
    private final Clock clock;
    private final DeadlineWatch deadlines;
    private final PollRound round;
    private final ConcurrentLinkedQueue<WaitingScan> arrivals = new ConcurrentLinkedQueue<>();
    /** Asked for by {@link #endScans}, applied by the next tick before it talks to the platform. */
    private final ConcurrentLinkedQueue<BiFunction<String, String, String>> endings = new ConcurrentLinkedQueue<>();
    /** Touched only by the tick, which never runs twice at once. */
    private final List<WaitingScan> scans = new ArrayList<>();

    private volatile CodescoringApi api;
    private volatile String platformUrl;
    /** What the poll stream has seen, for {@link #snapshot()}. */
    private final PollRecord record = new PollRecord();
    /** A copy of the tick's list of scans, made after admitting newcomers and at the end of each tick, for {@link #snapshot()}. */
    private volatile List<WaitingScan> published = List.of();

    private final Object scheduling = new Object();
    private ScheduledFuture<?> nextTick;
    private Instant nextTickAt;
    private boolean ticking;
    /** A {@link #pollNow()} came while a tick ran: that tick may have read the status before the event. */
    private boolean pollAgain;

    private Instant lastTickStarted;
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
        this.deadlines = new DeadlineWatch(timer, clock);
        this.round = new PollRound(clock);
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
    public Ticket submit(
            CodescoringApi platformApi,
            ScanRequest request,
            ScanState state,
            ScanListener listener,
            Consumer<ScanResult> onDone) {
        return submit(platformApi, request, state, listener, onDone, null);
    }

    /**
     * As {@link #submit(CodescoringApi, ScanRequest, ScanState, ScanListener, Consumer)}, with an {@code owner} the
     * coordinator only hands back in its {@link #snapshot()} (the adapter's build, say), so a page can tell whose
     * scan waits.
     */
    public Ticket submit(
            CodescoringApi platformApi,
            ScanRequest request,
            ScanState state,
            ScanListener listener,
            Consumer<ScanResult> onDone,
            Object owner) {
        this.api = platformApi;
        this.platformUrl = platformApi.platformUrl();
        WaitingScan scan = new WaitingScan(request, state, listener, onDone, platformApi.platformUrl(), owner);
        synchronized (scheduling) {
            lastBusy = clock.instant();
        }
        arrivals.add(scan);
        deadlines.watch(scan);
        if (!round.analysisRunning()) {
            wakeUp(FIRST_TICK_DELAY);
        } else {
            // While a run is in progress a newcomer cannot get a verdict before it ends: the next regular
            // tick admits it, so a steady stream of builds does not speed up polling.
            wakeUp(request.maxPollInterval());
        }
        return scan;
    }

    /**
     * Reads the status soon instead of at the next regular tick: the platform has said (by a webhook) that
     * an analysis ended. Only a hint: the verdict still comes from the status and the alerts read by the
     * tick, under the same rules as any tick. Does nothing while nobody waits; ticks even while an analysis
     * runs; a tick running now is followed by one more. Ticks asked for this way start at least
     * {@link #POLL_NOW_GAP} after the previous tick started.
     *
     * @return whether a scan waits here, so a tick follows
     */
    public boolean pollNow() {
        synchronized (scheduling) {
            if (ticking) {
                // The tick decides at its end whether anyone still waits.
                pollAgain = true;
                return true;
            }
            // No tick runs, so the list of scans is not changing under this lock.
            if (scans.isEmpty() && arrivals.isEmpty()) {
                return false;
            }
            wakeUp(pollNowDelay());
            return true;
        }
    }

    /**
     * Ends without a verdict, with a {@link ErrorKind#BAD_CONFIGURATION} error, every waiting scan for which
     * {@code reason} (given the scan's platform name and the URL it began on) says why; the others wait on. Done by
     * the next tick, soon, before it reads anything from the platform: when no scan is left, the coordinator sends
     * nothing more to its URL. For a platform that an administrator re-pointed or removed while scans waited.
     */
    public void endScans(BiFunction<String, String, String> reason) {
        synchronized (scheduling) {
            if (!ticking && scans.isEmpty() && arrivals.isEmpty()) {
                return; // nobody waits
            }
            endings.add(reason);
            if (ticking) {
                pollAgain = true;
            } else {
                wakeUp(FIRST_TICK_DELAY);
            }
        }
    }

    /** The platform URL of the API last submitted with, or null before the first scan. */
    String platformUrl() {
        return platformUrl;
    }

    private Duration pollNowDelay() {
        Duration delay = FIRST_TICK_DELAY;
        if (lastTickStarted != null) {
            Duration untilGap = Duration.between(clock.instant(), lastTickStarted.plus(POLL_NOW_GAP));
            delay = untilGap.compareTo(delay) > 0 ? untilGap : delay;
        }
        return delay;
    }

    /**
     * Whether nobody has used this coordinator since {@code cutoff}: no scan waits or arrives, no tick runs or
     * is due, and the last of those was no later than the cutoff.
     */
    boolean isIdleSince(Instant cutoff) {
        synchronized (scheduling) {
            return !ticking && nextTick == null && arrivals.isEmpty() && scans.isEmpty() && !lastBusy.isAfter(cutoff);
        }
    }

    /**
     * What this coordinator holds now, from memory only (no request to the platform): its poll stream and the scans
     * waiting, newcomers included. A scan ended or cancelled since the last tick is left out.
     */
    public CoordinatorSnapshot snapshot() {
        Instant next;
        synchronized (scheduling) {
            next = nextTickAt;
        }
        List<CoordinatorSnapshot.Scan> views = new ArrayList<>();
        for (Iterable<WaitingScan> source : List.<Iterable<WaitingScan>>of(published, arrivals)) {
            for (WaitingScan scan : source) {
                CoordinatorSnapshot.Scan view = scan.view();
                if (view != null) {
                    views.add(view);
                }
            }
        }
        return new CoordinatorSnapshot(platformUrl, clock.instant(), next, record.copy(), views);
    }

    /** Scans waiting now, for tests and the benchmark. */
    public int waiting() {
        synchronized (scheduling) {
            return scans.size() + arrivals.size();
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

    private void schedule(Duration wanted) {
        // Not before the platform's Retry-After, whoever asks for the tick (a newcomer, a webhook, the round).
        Duration allowed = round.untilAllowed();
        Duration delay = allowed.compareTo(wanted) > 0 ? allowed : wanted;
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
            pollAgain = false;
            lastTickStarted = clock.instant();
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
            failAll(
                    ErrorKind.UNREADABLE_RESPONSE,
                    "Unexpected failure while waiting for the analysis: "
                            + e.getClass().getSimpleName());
        } finally {
            synchronized (scheduling) {
                ticking = false;
                lastBusy = clock.instant();
                published = List.copyOf(scans);
                if (scans.isEmpty()) {
                    round.nobodyWaits();
                }
                if (!arrivals.isEmpty() && !round.analysisRunning()) {
                    schedule(FIRST_TICK_DELAY);
                } else if (!scans.isEmpty() || !arrivals.isEmpty()) {
                    Duration next = delay == null ? FIRST_TICK_DELAY : delay;
                    if (pollAgain) {
                        Duration soon = pollNowDelay();
                        next = soon.compareTo(next) < 0 ? soon : next;
                    }
                    schedule(next);
                }
                pollAgain = false;
            }
        }
    }

    /** One round: admits newcomers, lets the poll round advance every scan, completes the finished ones. */
    private Duration advanceAll() throws InterruptedException {
        admitArrivals();
        if (applyEndings()) {
            completeFinished();
            if (scans.isEmpty()) {
                return null;
            }
        }
        published = List.copyOf(scans);
        round.advance(new RecordingApi(api, record, clock), scans);
        completeFinished();
        return scans.isEmpty() ? null : round.nextDelay(scans);
    }

    private void admitArrivals() {
        WaitingScan arrival;
        while ((arrival = arrivals.poll()) != null) {
            scans.add(arrival);
            round.scanArrived();
        }
        scans.removeIf(w -> {
            if (w.cancelled) {
                w.stopWatching();
            }
            return w.cancelled;
        });
    }

    /** Ends the scans that {@link #endScans} asked to end; whether it was asked to. */
    private boolean applyEndings() {
        BiFunction<String, String, String> ending;
        boolean asked = false;
        while ((ending = endings.poll()) != null) {
            asked = true;
            for (WaitingScan scan : scans) {
                String why = scan.isDone() ? null : ending.apply(scan.request.platformName(), scan.platformUrl);
                if (why != null) {
                    scan.fail(new CodescoringException(ErrorKind.BAD_CONFIGURATION, why), clock.instant());
                }
            }
        }
        return asked;
    }

    private void completeFinished() {
        for (Iterator<WaitingScan> it = scans.iterator(); it.hasNext(); ) {
            WaitingScan scan = it.next();
            if (scan.cancelled) {
                it.remove();
                scan.stopWatching();
            } else if (scan.isDone()) {
                it.remove();
                scan.complete();
            }
        }
    }

    private void failAll(ErrorKind kind, String message) {
        CodescoringException failure = new CodescoringException(kind, message);
        for (WaitingScan scan : scans) {
            if (!scan.isDone()) {
                scan.fail(failure, clock.instant());
            }
        }
        completeFinished();
    }
}
