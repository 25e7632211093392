package io.jenkins.plugins.codescoring.scanstep;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.codescoring.results.ScanScope;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.ScanState;
import java.time.Duration;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Short texts about a scan for the console and for the Pipeline step's status. */
@Restricted(NoExternalUse.class)
public final class ScanStatusText {
    private ScanStatusText() {}

    /** The console line that opens a scan. */
    public static String requesting(ScanRequest request) {
        return request.platformName() == null
                ? Messages.ScanStatusText_Started(describe(request), duration(request.timeout()))
                : Messages.ScanStatusText_StartedOn(
                        describe(request), duration(request.timeout()), request.platformName());
    }

    /** Why a scan did not start: its options, as the step or the form gave them, are invalid. */
    public static String invalidOptions(String detail) {
        return Messages.ScanStatusText_InvalidOptions(detail);
    }

    /** e.g. {@code project shop, stage build} or {@code all projects, all stages}. */
    static String describe(ScanRequest request) {
        return ScanScope.describe(request.project(), request.stage());
    }

    /** e.g. {@code 60 min}, or seconds when not a whole number of minutes. */
    public static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes >= 1 && duration.equals(Duration.ofMinutes(minutes))
                ? Messages.ScanStatusText_Minutes(minutes)
                : Messages.ScanStatusText_Seconds(duration.toSeconds());
    }

    /** e.g. {@code waiting for analysis run 42 to finish}, for the step's status and the console after a restart. */
    public static String status(@CheckForNull ScanState state) {
        if (state == null) {
            return Messages.ScanStatusText_Starting();
        }
        switch (state.phase()) {
            case REQUESTED:
                return Messages.ScanStatusText_Requesting();
            case WAITING_FOR_OTHER:
                return Messages.ScanStatusText_WaitingForOther();
            case STARTED:
                return Messages.ScanStatusText_WaitingForStart();
            case RUNNING:
                return state.ourRunId() == null
                        ? Messages.ScanStatusText_WaitingForAnalysis()
                        : Messages.ScanStatusText_WaitingForRun(state.ourRunId());
            case COLLECTING:
                return Messages.ScanStatusText_Collecting();
            default:
                ScanResult result = state.result();
                return Messages.ScanStatusText_Done(
                        result == null ? "-" : result.verdict().name());
        }
    }
}
