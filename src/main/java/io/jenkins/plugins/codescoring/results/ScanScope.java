package io.jenkins.plugins.codescoring.results;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** What a scan looked at, in the reader's words: e.g. {@code project shop, all stages}. */
@Restricted(NoExternalUse.class)
public final class ScanScope {
    private ScanScope() {}

    /** The scope of a project (null: all) and a stage (null: all). */
    public static String describe(@CheckForNull String project, @CheckForNull String stage) {
        String projects = project == null ? Messages.ScanScope_AllProjects() : Messages.ScanScope_Project(project);
        String stages = stage == null ? Messages.ScanScope_AllStages() : Messages.ScanScope_Stage(stage);
        return projects + ", " + stages;
    }
}
