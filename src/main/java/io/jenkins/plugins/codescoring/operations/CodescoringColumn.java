package io.jenkins.plugins.codescoring.operations;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Job;
import hudson.views.ListViewColumn;
import hudson.views.ListViewColumnDescriptor;
import io.jenkins.plugins.codescoring.results.CodescoringJobAction;
import io.jenkins.plugins.codescoring.results.CodescoringResultAction;
import io.jenkins.plugins.codescoring.scan.Verdict;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The "CodeScoring" column of list views: the latest verdict of each job (the newest of its last few completed
 * builds that scanned, as on the job page), its number of blocking alerts, and a link to the results page. Empty
 * for a job that never scanned. Off by default: an administrator adds it in <em>Edit View</em>.
 */
public final class CodescoringColumn extends ListViewColumn {

    @DataBoundConstructor
    public CodescoringColumn() {}

    /** The cell of this job, or null when none of its last completed builds scanned. */
    @CheckForNull
    public VerdictCell cellOf(Job<?, ?> job) {
        CodescoringJobAction action = job.getAction(CodescoringJobAction.class);
        if (action == null || action.getResults().isEmpty()) {
            return null;
        }
        CodescoringResultAction shown = null;
        int blocking = 0;
        for (CodescoringResultAction result : action.getResults()) {
            blocking += result.getBlockingAlertCount();
            if (shown == null || rank(result) > rank(shown)) {
                shown = result;
            }
        }
        return new VerdictCell(
                action.getBuild().getUrl() + shown.getUrlName() + "/",
                shown,
                blocking,
                action.getResults().size());
    }

    /** Which of a build's scans the cell shows: the worst (blocked, then error, then passed). */
    private static int rank(CodescoringResultAction result) {
        Verdict verdict = result.getResult().verdict();
        return verdict == Verdict.BLOCKED ? 2 : verdict == Verdict.ERROR ? 1 : 0;
    }

    @Extension
    public static final class DescriptorImpl extends ListViewColumnDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CodescoringColumn_DisplayName();
        }

        /** Not added to views by itself, as Jenkins expects of a plugin's column. */
        @Override
        public boolean shownByDefault() {
            return false;
        }
    }
}
