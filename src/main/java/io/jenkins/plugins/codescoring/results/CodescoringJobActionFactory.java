package io.jenkins.plugins.codescoring.results;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Adds {@link CodescoringJobAction} to jobs with a scan among their last few completed builds, showing
 * the newest such build: a build that failed before it scanned does not hide the results and the trend.
 * Reads at most {@value #LOOK_BACK} builds, lazily. (Not {@code LastBuildAction}: that follows the last
 * <em>successful</em> build, and a blocked build is not successful.)
 */
@Extension
@SuppressWarnings("rawtypes")
public final class CodescoringJobActionFactory extends TransientActionFactory<Job> {
    static final int LOOK_BACK = 10;

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    /** So that Jenkins asks this factory (which reads builds) only when the job page wants this action, not for every action lookup on a job. */
    @Override
    public Class<CodescoringJobAction> actionType() {
        return CodescoringJobAction.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job target) {
        Job<?, ?> job = target;
        for (Run<?, ?> build : job.getBuilds().completedOnly().limit(LOOK_BACK)) {
            List<CodescoringResultAction> results = build.getActions(CodescoringResultAction.class);
            if (!results.isEmpty()) {
                return List.of(new CodescoringJobAction(job, build, results));
            }
        }
        return List.of();
    }
}
