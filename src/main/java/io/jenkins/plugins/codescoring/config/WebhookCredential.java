package io.jenkins.plugins.codescoring.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.security.ACL;
import hudson.util.FormValidation;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
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
    private static final Logger LOGGER = Logger.getLogger(WebhookCredential.class.getName());

    private WebhookCredential() {
    }

    /** The webhook token of the platform, or null when none is configured or its credential cannot be read. */
    @CheckForNull
    public static String of(@CheckForNull Platform platform) {
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
            LOGGER.log(Level.WARNING, "The webhook credential ''{0}'' of the CodeScoring platform ''{1}'' is missing or not "
                    + "Secret text: its webhooks are refused", new Object[] {id, platform.name()});
        } catch (RuntimeException e) { // a credentials provider that fails
            LOGGER.log(Level.WARNING, "The webhook credential ''{0}'' of the CodeScoring platform ''{1}'' could not be read ({2}): "
                    + "its webhooks are refused", new Object[] {id, platform.name(), e.getClass().getSimpleName()});
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
                CredentialsProvider.lookupCredentialsInItemGroup(StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(id));
    }
}
