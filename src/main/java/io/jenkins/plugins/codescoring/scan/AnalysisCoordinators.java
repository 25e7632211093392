package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.CodescoringApi;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One {@link AnalysisCoordinator} per platform and credential ({@link CodescoringApi#connectionKey()}):
 * scans that share both share an analysis and a poll stream; scans with another credential never see
 * its answers.
 */
public final class AnalysisCoordinators {
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Map<String, AnalysisCoordinator> coordinators = new ConcurrentHashMap<>();

    public AnalysisCoordinators(ScheduledExecutorService scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** The coordinator for the platform and credential of this API. */
    public AnalysisCoordinator forApi(CodescoringApi api) {
        return coordinators.computeIfAbsent(api.connectionKey(), k -> new AnalysisCoordinator(scheduler, clock));
    }

    /** Submits a scan to the coordinator of its API; see {@link AnalysisCoordinator#submit}. */
    public AnalysisCoordinator.Ticket submit(CodescoringApi api, ScanRequest request, ScanState state, ScanListener listener,
            java.util.function.Consumer<ScanResult> onDone) {
        return forApi(api).submit(api, request, state, listener, onDone);
    }

    /** Scans waiting now in all coordinators, for tests. */
    public int waiting() {
        int waiting = 0;
        for (AnalysisCoordinator coordinator : coordinators.values()) {
            waiting += coordinator.waiting();
        }
        return waiting;
    }

    /** How many platform/credential pairs have been seen. */
    public int size() {
        return coordinators.size();
    }
}
