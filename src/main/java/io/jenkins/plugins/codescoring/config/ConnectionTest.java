package io.jenkins.plugins.codescoring.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The "Test connection" button of the global configuration, and the check of its credential. The answer
 * is built from the kind of failure and a localized text only: a platform's (or a proxy's) answer body is
 * never shown, since it may hold anything. The full, redacted message goes to the Jenkins log at FINE.
 */
final class ConnectionTest {
    private static final Logger LOGGER = Logger.getLogger(ConnectionTest.class.getName());
    /** A button click should not wait for the long timeouts of a scan. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private ConnectionTest() {}

    static FormValidation run(@CheckForNull String platformUrl, @CheckForNull String credentialsId) {
        if (Util.fixEmptyAndTrim(platformUrl) == null) {
            return FormValidation.error(Messages.ConnectionTest_NoUrl());
        }
        String url;
        try {
            url = CodescoringClient.normalizeUrl(platformUrl);
        } catch (CodescoringException e) {
            return FormValidation.error(UrlErrorText.localized(e.getMessage()));
        }
        String id = Util.fixEmptyAndTrim(credentialsId);
        if (id == null) {
            return FormValidation.error(Messages.ConnectionTest_NoCredentials());
        }
        StandardCredentials found = rootCredential(id, PlatformCredentials.domainOf(url));
        if (found == null) {
            return FormValidation.error(Messages.ConnectionTest_CredentialNotFound(id));
        }
        if (!(found instanceof StringCredentials)) {
            return FormValidation.error(Messages.Credentials_WrongType(id, PlatformCredentials.typeName(found)));
        }
        try {
            CodescoringClient.builder(
                            url, ((StringCredentials) found).getSecret().getPlainText())
                    .httpClient(JenkinsHttpClients.create())
                    .requestTimeout(REQUEST_TIMEOUT)
                    .retryPolicy(RetryPolicy.none())
                    .build()
                    .checkConnection();
        } catch (CodescoringException e) {
            LOGGER.log(Level.FINE, "CodeScoring connection test failed: {0}", e.toString());
            return FormValidation.error(describe(e, url, id));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FormValidation.error(Messages.ConnectionTest_Interrupted());
        }
        if (found.getScope() == CredentialsScope.SYSTEM) {
            return FormValidation.warning(Messages.ConnectionTest_SystemScope(url, id));
        }
        return FormValidation.ok(Messages.ConnectionTest_Ok(url));
    }

    /**
     * The check of the default credential: it must be Secret text that builds may use, found as scans will look
     * it up (in the credentials domains of the platform URL).
     */
    static FormValidation checkRootCredential(String id, @CheckForNull String platformUrl) {
        StandardCredentials found = rootCredential(id, PlatformCredentials.domainOf(platformUrl));
        if (found == null) {
            return FormValidation.error(Messages.ConnectionTest_CredentialNotFound(id));
        }
        if (!(found instanceof StringCredentials)) {
            return FormValidation.error(Messages.Credentials_WrongType(id, PlatformCredentials.typeName(found)));
        }
        if (found.getScope() == CredentialsScope.SYSTEM) {
            return FormValidation.error(Messages.CodescoringGlobalConfiguration_SystemScope(id));
        }
        return FormValidation.ok();
    }

    /** What went wrong and what to do, from the kind of failure; never the platform's own words. */
    static String describe(CodescoringException e, String url, String credentialsId) {
        switch (e.kind()) {
            case BAD_CONFIGURATION:
                // Our own validation messages (URL form, token shape, API path overrides): safe to show.
                return e.getMessage();
            case UNREACHABLE:
                return Messages.ConnectionTest_Unreachable(url);
            case TLS_FAILURE:
                return Messages.ConnectionTest_Tls(url);
            case TOKEN_REJECTED:
                return Messages.ConnectionTest_TokenRejected(url, credentialsId);
            case NOT_CODESCORING_API:
                return Messages.ConnectionTest_NotCodescoring(url);
            case REDIRECTED: {
                String target = e.redirectTarget();
                return target == null
                        ? Messages.ConnectionTest_RedirectedSomewhere(url)
                        : Messages.ConnectionTest_Redirected(url, target);
            }
            case REQUEST_REJECTED:
                return Messages.ConnectionTest_RequestRejected(url);
            case RATE_LIMITED:
                return Messages.ConnectionTest_RateLimited(url);
            case SERVER_ERROR:
                return Messages.ConnectionTest_ServerError(url);
            case UNREADABLE_RESPONSE:
                return Messages.ConnectionTest_Unreadable(url);
            case TIMEOUT:
                return Messages.ConnectionTest_Timeout(url, REQUEST_TIMEOUT.getSeconds());
            default:
                return Messages.ConnectionTest_Failed(url, e.kind().name());
        }
    }

    @CheckForNull
    private static StandardCredentials rootCredential(String id, List<DomainRequirement> domain) {
        return CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(
                        StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, domain),
                CredentialsMatchers.withId(id));
    }
}
