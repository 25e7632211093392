package io.jenkins.plugins.codescoring;

import hudson.init.Terminator;
import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.scan.AnalysisCoordinator;
import io.jenkins.plugins.codescoring.scan.AnalysisCoordinators;
import io.jenkins.plugins.codescoring.scan.ScanListener;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.ScanState;
import java.time.Clock;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Where every scan of this controller waits: one coordinator per platform and credential, so a burst of
 * builds shares one analysis and one status poll. The coordinators' ticks make blocking HTTP calls, so
 * they run on two threads of their own rather than on Jenkins' shared timer; waiting scans hold none.
 * When Jenkins stops, the threads stop and waiting Pipeline scans resume from their saved state after
 * the restart.
 */
@Restricted(NoExternalUse.class)
public final class CodescoringScans {
    static final int THREADS = 2;

    private static ScheduledThreadPoolExecutor scheduler;
    private static AnalysisCoordinators coordinators;

    private CodescoringScans() {
    }

    /** Queues a scan, new or resumed; {@code onDone} runs on a coordinator thread and must hand over quickly. */
    static AnalysisCoordinator.Ticket submit(CodescoringApi api, ScanRequest request, ScanState state, ScanListener listener,
            Consumer<ScanResult> onDone) {
        return coordinators().submit(api, request, state, listener, onDone);
    }

    /** Scans waiting now in all coordinators, for tests. */
    static synchronized int waiting() {
        return coordinators == null ? 0 : coordinators.waiting();
    }

    private static synchronized AnalysisCoordinators coordinators() {
        if (coordinators == null) {
            scheduler = new ScheduledThreadPoolExecutor(THREADS,
                    new NamingThreadFactory(new ClassLoaderSanityThreadFactory(new DaemonThreadFactory()), "CodeScoring scan coordinator"));
            scheduler.setRemoveOnCancelPolicy(true);
            coordinators = new AnalysisCoordinators(scheduler, Clock.systemUTC());
        }
        return coordinators;
    }

    /** Stops polling when Jenkins stops; the Pipeline steps' saved states carry the waits over a restart. */
    @Terminator
    public static synchronized void shutdown() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        scheduler = null;
        coordinators = null;
    }
}
