package io.jenkins.plugins.codescoring.results;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.codescoring.report.TrendChart;
import io.jenkins.plugins.codescoring.report.TrendPoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The points of a job's trend chart, from the results stored with its builds.
 *
 * <ul>
 *   <li>Only the last {@value #MAX_BUILDS} <em>completed</em> builds are read, newest first, through the
 *       job's lazily loading build list ({@code getBuilds().completedOnly().limit(n)}): older builds are
 *       never loaded.</li>
 *   <li>A build that scanned more than once (several projects or stages) counts the <em>sum</em> of its
 *       scans: each scan checked its own scope, and the point says what the whole build found.</li>
 *   <li>New blocking alerts are those new since each scan's reference build (0 for records older than the
 *       comparison).</li>
 *   <li>Scans without a verdict (ERROR) found nothing to count and are left out; a build with no scan
 *       that has a verdict has no point (rather than a misleading zero).</li>
 * </ul>
 */
final class TrendData {
    /** How many of the last completed builds are read. */
    static final int MAX_BUILDS = TrendChart.MAX_POINTS;

    private TrendData() {}

    /** The points of the last {@value #MAX_BUILDS} completed builds, oldest first. */
    @NonNull
    static List<TrendPoint> of(@NonNull Job<?, ?> job) {
        return of(job, MAX_BUILDS);
    }

    @NonNull
    static List<TrendPoint> of(@NonNull Job<?, ?> job, int maxBuilds) {
        List<TrendPoint> points = new ArrayList<>();
        for (Run<?, ?> build : job.getBuilds().completedOnly().limit(maxBuilds)) {
            TrendPoint point = point(build);
            if (point != null) {
                points.add(point);
            }
        }
        Collections.reverse(points);
        return points;
    }

    /** What one build's scans found, or null when none of them has a verdict. */
    @CheckForNull
    static TrendPoint point(@NonNull Run<?, ?> build) {
        long blocking = 0;
        long critical = 0;
        long warning = 0;
        long info = 0;
        long newBlocking = 0;
        boolean counted = false;
        for (CodescoringResultAction scan : build.getActions(CodescoringResultAction.class)) {
            if (scan.isError()) {
                continue;
            }
            counted = true;
            Map<String, Integer> levels = scan.getAlertsByLevel();
            blocking += scan.getBlockingAlertCount();
            newBlocking += scan.getResult().newBlockingAlertCount();
            critical += levels.getOrDefault("critical", 0);
            warning += levels.getOrDefault("warning", 0);
            info += levels.getOrDefault("info", 0);
        }
        return counted
                ? new TrendPoint(
                        "#" + build.getNumber(),
                        capped(blocking),
                        capped(critical),
                        capped(warning),
                        capped(info),
                        capped(newBlocking))
                : null;
    }

    /** The chart's texts in the language of the current request. */
    @NonNull
    static TrendChart.Labels labels() {
        return new TrendChart.Labels(
                Messages.CodescoringJobAction_TrendTitle(),
                Messages.CodescoringJobAction_TrendBlocking(),
                Messages.CodescoringJobAction_TrendCritical(),
                Messages.CodescoringJobAction_TrendWarning(),
                Messages.CodescoringJobAction_TrendInfo(),
                Messages.CodescoringJobAction_TrendBuilds(),
                Messages.CodescoringJobAction_TrendAlerts(),
                Messages.CodescoringJobAction_TrendNoData(),
                Messages.CodescoringJobAction_TrendNewBlocking());
    }

    private static int capped(long count) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, count));
    }
}
