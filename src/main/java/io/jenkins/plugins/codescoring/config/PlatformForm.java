package io.jenkins.plugins.codescoring.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The checks and lists of a platform's form in the global configuration ({@link Platform.DescriptorImpl} holds
 * the web methods). For administrators only: the descriptor asks {@link #isAdministrator()} first, and the lists show
 * anyone else only the value already saved.
 */
final class PlatformForm {
    private PlatformForm() {}

    static boolean isAdministrator() {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
    }

    static FormValidation checkName(String value, String url) {
        String name = Util.fixEmptyAndTrim(value);
        if (name == null) {
            try {
                return FormValidation.ok(Messages.Platform_NamedByHost(Platform.hostOf(Platform.normalize(url))));
            } catch (IllegalArgumentException e) {
                return FormValidation.ok();
            }
        }
        return Platform.isName(name) ? FormValidation.ok() : FormValidation.error(Messages.Platform_NameInvalid(name));
    }

    static FormValidation checkUrl(String value) {
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.error(Messages.CodescoringGlobalConfiguration_UrlMissing());
        }
        String normalized;
        try {
            normalized = CodescoringClient.normalizeUrl(value);
        } catch (CodescoringException e) {
            return FormValidation.error(UrlErrorText.localized(e.getMessage()));
        }
        if (normalized.startsWith("http://") && !Platform.isLoopback(normalized)) {
            return FormValidation.warning(Messages.CodescoringGlobalConfiguration_PlainHttp());
        }
        if (!normalized.equals(value.trim())) {
            return FormValidation.ok(Messages.CodescoringGlobalConfiguration_SavedAs(normalized));
        }
        return FormValidation.ok();
    }

    /** The default credential: Secret text of Global scope (System scope is not available to builds). */
    static ListBoxModel credentialItems(String url, String credentialsId) {
        String current = Util.fixNull(credentialsId).trim();
        StandardListBoxModel model = new StandardListBoxModel();
        if (!isAdministrator()) {
            return model.includeCurrentValue(current);
        }
        model.includeEmptyValue()
                .includeMatchingAs(
                        ACL.SYSTEM2,
                        Jenkins.get(),
                        StringCredentials.class,
                        PlatformCredentials.domainOf(url),
                        CredentialsMatchers.withScope(CredentialsScope.GLOBAL));
        return model.includeCurrentValue(current);
    }

    static FormValidation checkCredentialsId(String value, String url) {
        String id = Util.fixEmptyAndTrim(value);
        if (id == null) {
            return FormValidation.warning(Messages.CodescoringGlobalConfiguration_NoDefaultCredentials());
        }
        return ConnectionTest.checkRootCredential(id, url);
    }

    /** The webhook token: any Secret text of the root, System scope included (only the controller reads it). */
    static ListBoxModel webhookCredentialItems(String webhookCredentialsId) {
        String current = Util.fixNull(webhookCredentialsId).trim();
        StandardListBoxModel model = new StandardListBoxModel();
        if (!isAdministrator()) {
            return model.includeCurrentValue(current);
        }
        model.includeEmptyValue()
                .includeMatchingAs(
                        ACL.SYSTEM2, Jenkins.get(), StringCredentials.class, List.of(), CredentialsMatchers.always());
        return model.includeCurrentValue(current);
    }

    static FormValidation checkWebhookCredentialsId(String value) {
        String id = Util.fixEmptyAndTrim(value);
        if (id == null) {
            return FormValidation.ok(Messages.Platform_NoWebhookToken());
        }
        return WebhookCredential.check(id);
    }
}
