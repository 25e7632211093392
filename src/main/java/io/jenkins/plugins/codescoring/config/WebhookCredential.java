package io.jenkins.plugins.codescoring.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.security.ACL;
import hudson.util.FormValidation;
import java.util.List;
import java.util.function.Consumer;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The token a platform's webhooks must carry: a Secret text of the Jenkins root, read by the controller
 * itself (System scope is fine and keeps it away from jobs). No token, no webhook.
 */
@Restricted(NoExternalUse.class)
public final class WebhookCredential {
    private WebhookCredential() {}

    /**
     * The webhook token of the platform, or null when none is configured or its credential cannot be read; then
     * {@code problem} is told why (never the token). Looks the credential up: only {@link WebhookTokenDigests} calls
     * it, never a request.
     */
    @CheckForNull
    static String read(@CheckForNull Platform platform, Consumer<String> problem) {
        String id = platform == null ? null : platform.getWebhookCredentialsId();
        if (id == null) {
            return null;
        }
        try {
            StandardCredentials found = find(id);
            if (found instanceof StringCredentials) {
                String token = ((StringCredentials) found).getSecret().getPlainText();
                return token.isEmpty() ? null : token;
            }
            problem.accept("The webhook credential '" + id + "' of the CodeScoring platform '" + platform.name()
                    + "' is missing or not Secret text: its webhooks are refused");
        } catch (RuntimeException e) { // a credentials provider that fails
            problem.accept("The webhook credential '" + id + "' of the CodeScoring platform '" + platform.name()
                    + "' could not be read (" + e.getClass().getSimpleName() + "): its webhooks are refused");
        }
        return null;
    }

    static FormValidation check(String id) {
        StandardCredentials found = find(id);
        if (found == null) {
            return FormValidation.error(Messages.ConnectionTest_CredentialNotFound(id));
        }
        if (!(found instanceof StringCredentials)) {
            return FormValidation.error(Messages.Credentials_WrongType(id, PlatformCredentials.typeName(found)));
        }
        return FormValidation.ok();
    }

    @CheckForNull
    private static StandardCredentials find(String id) {
        return CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(
                        StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(id));
    }
}
