package io.jenkins.plugins.codescoring.scanstep;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.ScanState;
import java.time.Duration;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Short texts about a scan for the console and for the Pipeline step's status. */
@Restricted(NoExternalUse.class)
public final class ScanStatusText {
    private ScanStatusText() {
    }

    /** The console line that opens a scan. */
    public static String requesting(ScanRequest request) {
        return Messages.ScanStatusText_Requesting(describe(request), duration(request.timeout()));
    }

    /** Why a scan did not start: its options, as the step or the form gave them, are invalid. */
    public static String invalidOptions(String detail) {
        return Messages.ScanStatusText_InvalidOptions(detail);
    }

    /** e.g. {@code project shop, stage build} or {@code all projects, all stages}. */
    static String describe(ScanRequest request) {
        String project = request.project() == null ? Messages.ScanStatusText_AllProjects()
                : Messages.ScanStatusText_Project(request.project());
        String stage = request.stage() == null ? Messages.ScanStatusText_AllStages() : Messages.ScanStatusText_Stage(request.stage());
        return project + ", " + stage;
    }

    /** e.g. {@code 60 min}, or seconds when not a whole number of minutes. */
    public static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes >= 1 && duration.equals(Duration.ofMinutes(minutes)) ? minutes + " min" : duration.toSeconds() + " s";
    }

    /** e.g. {@code waiting for analysis run 42 (in_progress)}. */
    public static String status(@CheckForNull ScanState state) {
        if (state == null) {
            return "starting";
        }
        String word = state.lastWord() == null ? "" : " (" + state.lastWord() + ")";
        switch (state.phase()) {
            case REQUESTED:
                return "requesting the analysis";
            case WAITING_FOR_OTHER:
                return "waiting for another analysis to end" + word;
            case STARTED:
                return "waiting for the started analysis to appear" + (state.ourRunId() == null ? "" : " (run " + state.ourRunId() + ")");
            case RUNNING:
                return "waiting for analysis" + (state.ourRunId() == null ? "" : " run " + state.ourRunId()) + word;
            case COLLECTING:
                return "reading the alerts";
            default:
                ScanResult result = state.result();
                return result == null ? "done" : "done: " + result.verdict();
        }
    }
}
