package io.jenkins.plugins.codescoring.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Opens the connection a build scans with. A job names one of the administrator's platforms (or none, for
 * the default) and at most chooses which credential to use; the URL always comes from the global
 * configuration, so a job cannot send a token to a server of its own. The credential is looked up in the
 * build's context, so folder credentials work and a job never gets a credential of a folder it is not in.
 */
@Restricted(NoExternalUse.class)
public final class PlatformConnections {
    private PlatformConnections() {}

    /**
     * The platform of this name, or the default one for a blank name.
     *
     * @throws CodescoringException of kind {@link ErrorKind#BAD_CONFIGURATION} when there is none
     */
    @NonNull
    public static Platform choose(@CheckForNull String name) throws CodescoringException {
        CodescoringGlobalConfiguration global = CodescoringGlobalConfiguration.get();
        Platform platform = global.platform(name);
        if (platform != null) {
            return platform;
        }
        if (global.getPlatforms().isEmpty()) {
            throw badConfiguration(Messages.PlatformConnections_NoPlatformUrl());
        }
        throw badConfiguration(
                Messages.PlatformConnections_UnknownPlatform(name, String.join(", ", global.platformNames())));
    }

    /** The URL of the platform of this name (blank: the default), or null when there is none. */
    @CheckForNull
    public static String urlOf(@CheckForNull String name) {
        Platform platform = CodescoringGlobalConfiguration.get().platform(name);
        return platform == null ? null : platform.getUrl();
    }

    /**
     * A client for the build on the named platform, authenticated with the credential of the given ID, or with
     * the platform's default credential when the ID is blank. Records the credential's use by the build.
     * May block (an external credentials provider): never call it on a Pipeline's CPS thread.
     *
     * @throws CodescoringException of kind {@link ErrorKind#BAD_CONFIGURATION} naming what to configure
     */
    @NonNull
    public static CodescoringApi forRun(
            @NonNull Run<?, ?> run, @CheckForNull String platformName, @CheckForNull String credentialsIdOverride)
            throws CodescoringException {
        Platform platform = choose(platformName);
        String id = Util.fixEmptyAndTrim(credentialsIdOverride);
        if (id == null) {
            id = platform.getCredentialsId();
        }
        if (id == null) {
            throw badConfiguration(Messages.PlatformConnections_NoCredentials(platform.name()));
        }
        String token = BuildCredentials.token(run, id, PlatformCredentials.domainOf(platform.getUrl()));
        return CodescoringClient.builder(platform.getUrl(), token)
                .httpClient(JenkinsHttpClients.create())
                .build();
    }

    /**
     * As {@link #forRun(Run, String, String)} for the platform a scan was requested on; when that platform now has
     * another URL than the one the scan began on, or is gone, the scan cannot go on (its analysis, baseline and project
     * are the old platform's): a {@link ErrorKind#BAD_CONFIGURATION} error names the change, and no token is sent.
     * A scan saved without a URL (by an older version) goes on with the platform of its name.
     */
    @NonNull
    public static CodescoringApi forScan(
            @NonNull Run<?, ?> run, @NonNull ScanRequest request, @CheckForNull String credentialsIdOverride)
            throws CodescoringException {
        PlatformChange change = PlatformChange.of(request.platformName(), request.platformUrl());
        if (change != null) {
            throw badConfiguration(change.reason());
        }
        return forRun(run, request.platformName(), credentialsIdOverride);
    }

    private static CodescoringException badConfiguration(String message) {
        return new CodescoringException(ErrorKind.BAD_CONFIGURATION, message);
    }
}
