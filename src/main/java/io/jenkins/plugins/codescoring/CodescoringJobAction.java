package io.jenkins.plugins.codescoring;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collections;
import java.util.List;

/**
 * Shows the CodeScoring results of a job's last completed build on the job page ({@code jobMain.jelly}).
 * No link of its own: it points to the build's result pages.
 */
public final class CodescoringJobAction implements Action {
    private final Job<?, ?> job;
    private final Run<?, ?> build;
    private final List<CodescoringResultAction> results;

    CodescoringJobAction(Job<?, ?> job, Run<?, ?> build, List<CodescoringResultAction> results) {
        this.job = job;
        this.build = build;
        this.results = Collections.unmodifiableList(results);
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /** The build the results come from. */
    public Run<?, ?> getBuild() {
        return build;
    }

    /** Its scans, in order. */
    public List<CodescoringResultAction> getResults() {
        return results;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.CodescoringJobAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
