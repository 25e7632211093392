package io.jenkins.plugins.codescoring.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Opens the connection a build scans with. The platform URL is always the one of the global
 * configuration: a job chooses at most which credential to use, never where its token goes, so a job
 * cannot send a token to a server of its own. The credential is looked up in the build's context, so
 * folder credentials work and a job never gets a credential of a folder it is not in.
 */
@Restricted(NoExternalUse.class)
public final class PlatformConnections {
    private PlatformConnections() {
    }

    /** The platform URL of the global configuration, or null when none is configured. */
    @CheckForNull
    public static String platformUrl() {
        return Util.fixEmptyAndTrim(CodescoringGlobalConfiguration.get().getPlatformUrl());
    }

    /**
     * A client for the build, authenticated with the credential of the given ID, or with the default
     * credential of the global configuration when the ID is blank. Records the credential's use by the build.
     * May block (an external credentials provider): never call it on a Pipeline's CPS thread.
     *
     * @throws CodescoringException of kind {@link ErrorKind#BAD_CONFIGURATION} naming what to configure
     */
    @NonNull
    public static CodescoringApi forRun(@NonNull Run<?, ?> run, @CheckForNull String credentialsIdOverride)
            throws CodescoringException {
        String url = platformUrl();
        if (url == null) {
            throw badConfiguration(Messages.PlatformConnections_NoPlatformUrl());
        }
        String id = Util.fixEmptyAndTrim(credentialsIdOverride);
        if (id == null) {
            id = Util.fixEmptyAndTrim(CodescoringGlobalConfiguration.get().getCredentialsId());
        }
        if (id == null) {
            throw badConfiguration(Messages.PlatformConnections_NoCredentials());
        }
        String token = BuildCredentials.token(run, id, PlatformCredentials.domainOf(url));
        return CodescoringClient.builder(url, token)
                .httpClient(JenkinsHttpClients.create())
                .build();
    }

    private static CodescoringException badConfiguration(String message) {
        return new CodescoringException(ErrorKind.BAD_CONFIGURATION, message);
    }
}
