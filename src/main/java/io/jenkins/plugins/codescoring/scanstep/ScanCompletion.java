package io.jenkins.plugins.codescoring.scanstep;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.console.HyperlinkNote;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.config.PlatformConnections;
import io.jenkins.plugins.codescoring.report.ConsoleReport;
import io.jenkins.plugins.codescoring.results.CodescoringResultAction;
import io.jenkins.plugins.codescoring.scan.ResultFactory;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.ScanState;
import java.io.IOException;
import java.time.Clock;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The end of every scan, the same for the Pipeline step and the freestyle builder: print the report,
 * record the result with the build, and decide what happens to the build.
 */
@Restricted(NoExternalUse.class)
public final class ScanCompletion {
    private ScanCompletion() {}

    /**
     * Prints the report, attaches a {@link CodescoringResultAction} to the run and decides the outcome;
     * applying it (failing the step, marking the build unstable) is left to the caller.
     */
    @NonNull
    public static ScanOutcome complete(
            @NonNull Run<?, ?> run,
            @NonNull TaskListener listener,
            @NonNull ScanOptions options,
            @NonNull ScanResult result)
            throws IOException {
        CodescoringConsole console = new CodescoringConsole(listener);
        // Built each time: the hint is in the controller's language, which may change.
        ConsoleReport report = ConsoleReport.builder()
                .overflowHint(Messages.ScanCompletion_OverflowHint())
                .advice(ScanAdvice::of)
                .build();
        console.printAll(report.lines(result));
        CodescoringResultAction action = CodescoringResultAction.attach(run, result);
        console.println(HyperlinkNote.encodeTo(
                "/" + run.getUrl() + action.getUrlName() + "/", Messages.ScanCompletion_ResultsLink()));
        ScanOutcome outcome = ScanOutcome.decide(result, options);
        String continuation = outcome.continuationLine();
        if (continuation != null) {
            console.println(continuation);
        }
        return outcome;
    }

    /**
     * An ERROR result made outside the coordinator: the scan could not even talk to the platform (no URL
     * configured, credential not found, ...), or no result came in time.
     */
    @NonNull
    public static ScanResult error(
            @NonNull ScanRequest request,
            @NonNull ScanState state,
            @NonNull CodescoringException e,
            @NonNull Clock clock) {
        String url = request.platformUrl() != null
                ? request.platformUrl()
                : PlatformConnections.urlOf(request.platformName());
        return new ResultFactory(request, url).error(state, e.kind(), e.getMessage(), clock.instant());
    }
}
