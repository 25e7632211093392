package io.jenkins.plugins.codescoring.scanstep;

import hudson.Extension;
import hudson.init.Terminator;
import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.config.PlatformChange;
import io.jenkins.plugins.codescoring.config.PlatformChangeListener;
import io.jenkins.plugins.codescoring.scan.AnalysisCoordinator;
import io.jenkins.plugins.codescoring.scan.AnalysisCoordinators;
import io.jenkins.plugins.codescoring.scan.CoordinatorSnapshot;
import io.jenkins.plugins.codescoring.scan.ScanListener;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.ScanState;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Where every scan of this controller waits: one coordinator per platform and credential, so a burst of
 * builds shares one analysis and one status poll; waiting scans hold no thread. Two executors of their own
 * (not Jenkins' shared timer, whose tasks must not block): one thread that only schedules polls and ends
 * scans at their deadlines, never waiting for a platform, and an elastic pool for the polls, which make
 * blocking HTTP calls. A coordinator polls on one thread at a time, so the pool has one thread per platform
 * and credential polling at that moment (at most {@value #MAX_POLL_THREADS}); a platform or proxy that hangs
 * for one credential therefore delays neither another credential's scans nor any deadline. Idle pool threads
 * end after a minute. When Jenkins stops, the threads stop and waiting Pipeline scans resume from their
 * saved state after the restart.
 */
@Restricted(NoExternalUse.class)
public final class CodescoringScans {
    /** The most polls running at once, one per platform and credential; more wait a second for a free thread. */
    static final int MAX_POLL_THREADS = 32;

    static final long IDLE_POLL_THREAD_SECONDS = 60;
    /**
     * Threads that end Pipeline scans (console report, result action, step completion). A burst of builds gets
     * its verdicts in the same tick: a few threads work through them in a moment, where a thread per build would
     * add a hundred threads to the controller at once.
     */
    static final int HANDOVER_THREADS = 2;

    private static ScheduledThreadPoolExecutor timer;
    private static ThreadPoolExecutor polls;
    private static AnalysisCoordinators coordinators;
    private static ThreadPoolExecutor handovers;

    private CodescoringScans() {}

    /** Queues a scan, new or resumed; {@code onDone} runs on a coordinator thread and must hand over quickly. */
    public static AnalysisCoordinator.Ticket submit(
            CodescoringApi api,
            ScanRequest request,
            ScanState state,
            ScanListener listener,
            Consumer<ScanResult> onDone) {
        return coordinators().submit(api, request, state, listener, onDone);
    }

    /** As above, for a scan of a build ({@link ScanOwner#of}): the operations page shows which build waits. */
    public static AnalysisCoordinator.Ticket submit(
            CodescoringApi api,
            ScanRequest request,
            ScanState state,
            ScanListener listener,
            Consumer<ScanResult> onDone,
            ScanOwner owner) {
        return coordinators().submit(api, request, state, listener, onDone, owner);
    }

    /** What every coordinator holds now, from memory (no request to any platform); empty before the first scan. */
    public static synchronized List<CoordinatorSnapshot> snapshots() {
        return coordinators == null ? List.of() : coordinators.snapshots();
    }

    /**
     * The platform at this URL said that an analysis ended: its waiting scans, whatever their credential, check the
     * status soon. Does nothing while no scan waits.
     */
    public static synchronized void pollNow(String platformUrl) {
        if (coordinators != null) {
            coordinators.pollNow(platformUrl);
        }
    }

    /**
     * Ends without a verdict the waiting scans whose platform no longer has the URL they began on (re-pointed or
     * removed): their analysis ran elsewhere. Their coordinators then send nothing more to the old URL.
     */
    public static synchronized void endScansOfChangedPlatforms() {
        if (coordinators != null) {
            coordinators.endScans((name, url) -> {
                PlatformChange change = PlatformChange.of(name, url);
                return change == null ? null : change.reason();
            });
        }
    }

    /** A saved configuration re-pointed or removed platforms: the scans waiting on them end. */
    @Extension
    public static final class OnPlatformChange implements PlatformChangeListener {
        @Override
        public void platformsChanged(List<PlatformChange> changes) {
            endScansOfChangedPlatforms();
        }
    }

    /** Runs the end of a scan on one of {@value #HANDOVER_THREADS} threads, in the order the verdicts came. */
    public static synchronized void handOver(Runnable work) {
        if (handovers == null) {
            handovers = new ThreadPoolExecutor(
                    HANDOVER_THREADS,
                    HANDOVER_THREADS,
                    IDLE_POLL_THREAD_SECONDS,
                    TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(),
                    threads("CodeScoring scan results"));
            handovers.allowCoreThreadTimeOut(true);
        }
        handovers.execute(work);
    }

    /** Scans waiting now in all coordinators, for tests. */
    public static synchronized int waiting() {
        return coordinators == null ? 0 : coordinators.waiting();
    }

    private static synchronized AnalysisCoordinators coordinators() {
        if (coordinators == null) {
            timer = new ScheduledThreadPoolExecutor(1, threads("CodeScoring scan deadlines"));
            timer.setRemoveOnCancelPolicy(true);
            polls = new ThreadPoolExecutor(
                    0,
                    MAX_POLL_THREADS,
                    IDLE_POLL_THREAD_SECONDS,
                    TimeUnit.SECONDS,
                    new SynchronousQueue<>(),
                    threads("CodeScoring status poll"));
            coordinators = new AnalysisCoordinators(timer, polls, Clock.systemUTC());
        }
        return coordinators;
    }

    private static ThreadFactory threads(String name) {
        return new NamingThreadFactory(new ClassLoaderSanityThreadFactory(new DaemonThreadFactory()), name);
    }

    /** Stops polling when Jenkins stops; the Pipeline steps' saved states carry the waits over a restart. */
    @Terminator
    public static synchronized void shutdown() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (polls != null) {
            polls.shutdownNow();
        }
        if (handovers != null) { // a step whose end did not run resumes from its saved, finished state
            handovers.shutdownNow();
        }
        handovers = null;
        timer = null;
        polls = null;
        coordinators = null;
    }
}
