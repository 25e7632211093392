package io.jenkins.plugins.codescoring.scanstep;

import hudson.model.Job;
import hudson.model.Run;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The build a waiting scan belongs to, as the operations page names and links it. Given to the coordinator at
 * submit and only handed back in its snapshots; holds names, not the build, so a waiting scan keeps no build
 * in memory.
 */
@Restricted(NoExternalUse.class)
public final class ScanOwner {
    private final String jobFullName;
    private final int number;
    private final String displayName;
    private final String url;

    private ScanOwner(String jobFullName, int number, String displayName, String url) {
        this.jobFullName = jobFullName;
        this.number = number;
        this.displayName = displayName;
        this.url = url;
    }

    public static ScanOwner of(Run<?, ?> build) {
        return new ScanOwner(
                build.getParent().getFullName(), build.getNumber(), build.getFullDisplayName(), build.getUrl());
    }

    /** For tests and the benchmark: an owner naming a build that may not exist. */
    public static ScanOwner named(String jobFullName, int number) {
        return new ScanOwner(
                jobFullName, number, jobFullName + " #" + number, "job/" + jobFullName + "/" + number + "/");
    }

    public String getJobFullName() {
        return jobFullName;
    }

    public int getNumber() {
        return number;
    }

    /** e.g. {@code shop » main #12}. */
    public String getDisplayName() {
        return displayName;
    }

    /** Relative to Jenkins' root URL, e.g. {@code job/shop/job/main/12/}. */
    public String getUrl() {
        return url;
    }

    /** Whether the current user may see the build's job (so its name and link may be shown). */
    public boolean isVisible() {
        return Jenkins.get().getItemByFullName(jobFullName, Job.class) != null;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
