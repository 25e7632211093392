package io.jenkins.plugins.codescoring;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Adds {@link CodescoringJobAction} to jobs whose last completed build ran a scan. Looks at that one
 * build's actions only, so it stays cheap. (Not {@code LastBuildAction}: that follows the last
 * <em>successful</em> build, and a blocked build is not successful.)
 */
@Extension
@SuppressWarnings("rawtypes")
public final class CodescoringJobActionFactory extends TransientActionFactory<Job> {
    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job target) {
        Job<?, ?> job = target;
        Run<?, ?> build = job.getLastCompletedBuild();
        if (build == null) {
            return List.of();
        }
        List<CodescoringResultAction> results = build.getActions(CodescoringResultAction.class);
        return results.isEmpty() ? List.of() : List.of(new CodescoringJobAction(job, build, results));
    }
}
