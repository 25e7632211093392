package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.Sleeper;
import java.time.Clock;

/** Runs a scan to its end on the calling thread: the freestyle build step's and the terminal runner's way. */
public final class ScanRunner {
    private final CodescoringApi api;
    private final Clock clock;
    private final Sleeper sleeper;

    public ScanRunner(CodescoringApi api, Clock clock, Sleeper sleeper) {
        this.api = api;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * @return the result; platform trouble is an ERROR result, never an exception
     * @throws InterruptedException when the thread is interrupted (the build was aborted)
     */
    public ScanResult run(ScanRequest request, ScanListener listener) throws InterruptedException {
        return resume(request, ScanState.begin(request, clock.instant()), listener);
    }

    /** Continues a scan from a state saved earlier. */
    public ScanResult resume(ScanRequest request, ScanState state, ScanListener listener) throws InterruptedException {
        ScanEngine engine = new ScanEngine(api, clock, listener);
        Step step = engine.step(request, state);
        while (!step.isDone()) {
            sleeper.sleep(step.delay());
            step = engine.step(request, state);
        }
        return step.result();
    }
}
