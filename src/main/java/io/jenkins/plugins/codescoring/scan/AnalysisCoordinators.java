package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One {@link AnalysisCoordinator} per platform and credential ({@link CodescoringApi#connectionKey()}):
 * scans that share both share an analysis and a poll stream; scans with another credential never see
 * its answers. A coordinator nobody has waited on for {@link #IDLE_EVICTION} is dropped, and with it the
 * client it last used (which holds the token): a rotated or revoked token does not stay in memory, and
 * the map does not grow by one per token ever used.
 */
public final class AnalysisCoordinators {
    private static final Logger LOGGER = Logger.getLogger(AnalysisCoordinators.class.getName());
    /** How long a coordinator nobody waits on is kept, with the client it last used. */
    public static final Duration IDLE_EVICTION = Duration.ofMinutes(10);

    private final ScheduledExecutorService timer;
    private final Executor polls;
    private final Clock clock;
    private final Map<String, AnalysisCoordinator> coordinators = new ConcurrentHashMap<>();
    private final Object sweeping = new Object();
    private boolean sweepScheduled;

    /** See {@link AnalysisCoordinator#AnalysisCoordinator(ScheduledExecutorService, Executor, Clock)}. */
    public AnalysisCoordinators(ScheduledExecutorService timer, Executor polls, Clock clock) {
        this.timer = timer;
        this.polls = polls;
        this.clock = clock;
    }

    /** Ticks on the scheduler's threads too, for tests with a manual scheduler. */
    public AnalysisCoordinators(ScheduledExecutorService scheduler, Clock clock) {
        this(scheduler, scheduler, clock);
    }

    /** The coordinator for the platform and credential of this API. */
    public AnalysisCoordinator forApi(CodescoringApi api) {
        return coordinators.computeIfAbsent(api.connectionKey(), k -> newCoordinator());
    }

    /**
     * Submits a scan to the coordinator of its API; see {@link AnalysisCoordinator#submit}. Atomic with the
     * eviction of idle coordinators: a scan never joins a coordinator that is being dropped.
     */
    public AnalysisCoordinator.Ticket submit(
            CodescoringApi api,
            ScanRequest request,
            ScanState state,
            ScanListener listener,
            Consumer<ScanResult> onDone) {
        return submit(api, request, state, listener, onDone, null);
    }

    /** As above, with an owner handed back in the coordinator's {@link AnalysisCoordinator#snapshot() snapshots}. */
    public AnalysisCoordinator.Ticket submit(
            CodescoringApi api,
            ScanRequest request,
            ScanState state,
            ScanListener listener,
            Consumer<ScanResult> onDone,
            Object owner) {
        AnalysisCoordinator.Ticket[] ticket = new AnalysisCoordinator.Ticket[1];
        coordinators.compute(api.connectionKey(), (key, existing) -> {
            AnalysisCoordinator coordinator = existing != null ? existing : newCoordinator();
            ticket[0] = coordinator.submit(api, request, state, listener, onDone, owner);
            return coordinator;
        });
        sweepLater();
        return ticket[0];
    }

    /**
     * Asks every coordinator of the platform at this URL, whatever its credential, to read the status soon
     * ({@link AnalysisCoordinator#pollNow()}): the platform said by a webhook that an analysis ended.
     *
     * @param platformUrl the platform's URL as configured; normalised as the client does
     * @return how many coordinators of that platform have scans waiting and will tick soon
     */
    public int pollNow(String platformUrl) {
        String wanted;
        try {
            wanted = CodescoringClient.normalizeUrl(platformUrl);
        } catch (CodescoringException e) {
            return 0;
        }
        int nudged = 0;
        for (AnalysisCoordinator coordinator : coordinators.values()) {
            if (wanted.equals(coordinator.platformUrl()) && coordinator.pollNow()) {
                nudged++;
            }
        }
        return nudged;
    }

    /**
     * Ends without a verdict every waiting scan, in every coordinator, for which {@code reason} (given the scan's
     * platform name and the URL it began on) says why: see {@link AnalysisCoordinator#endScans}. A coordinator left
     * without scans sends nothing more to its platform and is dropped, with its client, once idle.
     */
    public void endScans(BiFunction<String, String, String> reason) {
        for (AnalysisCoordinator coordinator : coordinators.values()) {
            coordinator.endScans(reason);
        }
    }

    /**
     * What every coordinator holds now ({@link AnalysisCoordinator#snapshot()}), from memory only; one per platform
     * and credential, those that have not yet served a scan left out.
     */
    public java.util.List<CoordinatorSnapshot> snapshots() {
        java.util.List<CoordinatorSnapshot> all = new java.util.ArrayList<>();
        for (AnalysisCoordinator coordinator : coordinators.values()) {
            CoordinatorSnapshot snapshot = coordinator.snapshot();
            if (snapshot.platformUrl() != null) {
                all.add(snapshot);
            }
        }
        return all;
    }

    /** Scans waiting now in all coordinators, for tests. */
    public int waiting() {
        int waiting = 0;
        for (AnalysisCoordinator coordinator : coordinators.values()) {
            waiting += coordinator.waiting();
        }
        return waiting;
    }

    /** How many platform/credential pairs are held now. */
    public int size() {
        return coordinators.size();
    }

    private AnalysisCoordinator newCoordinator() {
        return new AnalysisCoordinator(timer, polls, clock);
    }

    /** Drops the coordinators idle since {@link #IDLE_EVICTION} ago; looks again later while any is left. */
    private void evictIdle() {
        Instant cutoff = clock.instant().minus(IDLE_EVICTION);
        for (String key : coordinators.keySet()) {
            coordinators.computeIfPresent(
                    key, (k, coordinator) -> coordinator.isIdleSince(cutoff) ? null : coordinator);
        }
        synchronized (sweeping) {
            sweepScheduled = false;
        }
        if (!coordinators.isEmpty()) {
            sweepLater();
        }
    }

    private void sweepLater() {
        synchronized (sweeping) {
            if (sweepScheduled) {
                return;
            }
            try {
                timer.schedule(this::evictIdle, IDLE_EVICTION.toMillis(), TimeUnit.MILLISECONDS);
                sweepScheduled = true;
            } catch (RejectedExecutionException e) {
                LOGGER.log(Level.FINE, "CodeScoring coordinators stopped", e);
            }
        }
    }
}
