package io.jenkins.plugins.codescoring.scanstep;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import io.jenkins.plugins.codescoring.config.PlatformConnections;
import io.jenkins.plugins.codescoring.results.ReferenceBuild;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Gives a scan its reference build's blocking alerts before it is queued, so that the core decides the verdict
 * under {@code blockOn} in one place ({@code ResultFactory}). Reads earlier builds: not on a Pipeline's CPS thread.
 */
@Restricted(NoExternalUse.class)
public final class ScanReference {
    private ScanReference() {}

    /** The request with the blocking alerts of its reference build (none: every blocking alert will be new). */
    @NonNull
    public static ScanRequest choose(@NonNull Run<?, ?> run, @NonNull ScanRequest request) {
        String url = request.platformUrl() != null
                ? request.platformUrl()
                : PlatformConnections.urlOf(request.platformName());
        return request.withBaseline(ReferenceBuild.find(run, url, request.project(), request.stage()));
    }
}
