package io.jenkins.plugins.codescoring;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.ScanState;
import java.time.Duration;

/** Short texts about a scan for the console and for the Pipeline step's status. */
final class ScanStatusText {
    private ScanStatusText() {
    }

    /** e.g. {@code project shop, stage build} or {@code all projects, all stages}. */
    static String describe(ScanRequest request) {
        return describe(request.project(), request.stage());
    }

    /** The scope of a project (null: all) and a stage (null: all), e.g. {@code project shop, all stages}. */
    static String describe(@CheckForNull String project, @CheckForNull String stage) {
        String projects = project == null ? Messages.ScanStatusText_AllProjects() : Messages.ScanStatusText_Project(project);
        String stages = stage == null ? Messages.ScanStatusText_AllStages() : Messages.ScanStatusText_Stage(stage);
        return projects + ", " + stages;
    }

    /** e.g. {@code 60 min}, or seconds when not a whole number of minutes. */
    static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes >= 1 && duration.equals(Duration.ofMinutes(minutes)) ? Messages.ScanStatusText_Minutes(minutes)
                : Messages.ScanStatusText_Seconds(duration.toSeconds());
    }

    /** e.g. {@code waiting for analysis run 42 to finish}, for the step's status and the console after a restart. */
    static String status(@CheckForNull ScanState state) {
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
                return state.ourRunId() == null ? Messages.ScanStatusText_WaitingForAnalysis()
                        : Messages.ScanStatusText_WaitingForRun(state.ourRunId());
            case COLLECTING:
                return Messages.ScanStatusText_Collecting();
            default:
                ScanResult result = state.result();
                return Messages.ScanStatusText_Done(result == null ? "-" : result.verdict().name());
        }
    }
}
