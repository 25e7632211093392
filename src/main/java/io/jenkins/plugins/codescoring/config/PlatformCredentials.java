package io.jenkins.plugins.codescoring.config;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import java.util.List;

/**
 * The rules every lookup of a platform token follows, whoever looks: the global configuration, Test
 * connection, the scans and the job forms.
 */
final class PlatformCredentials {
    private PlatformCredentials() {}

    /** The domain requirements of a platform URL, so credentials restricted to its host are found. */
    static List<DomainRequirement> domainOf(@CheckForNull String platformUrl) {
        String url = Util.fixEmptyAndTrim(platformUrl);
        if (url == null) {
            return List.of();
        }
        try {
            return URIRequirementBuilder.fromUri(CodescoringClient.normalizeUrl(url))
                    .build();
        } catch (CodescoringException e) {
            return List.of();
        }
    }

    /** Builds can never use credentials of System scope, so they are never offered. */
    static CredentialsMatcher usableByJobs() {
        return CredentialsMatchers.not(CredentialsMatchers.withScope(CredentialsScope.SYSTEM));
    }

    /** The display name of a credential's type, e.g. "Username with password". */
    static String typeName(StandardCredentials credentials) {
        return credentials.getDescriptor().getDisplayName();
    }
}
