package io.jenkins.plugins.codescoring.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.springframework.security.core.Authentication;

/**
 * The credential drop-down and its check for the forms of a job: the Pipeline step (snippet generator)
 * and the freestyle build step. Lists the Secret text credentials the job can use, including those of
 * the folders it is in, and only to users who may configure the job or use its credentials; everybody
 * else sees only the value already saved.
 */
@Restricted(NoExternalUse.class)
public final class CredentialsListing {
    private CredentialsListing() {}

    /** The credential choices for a job (or, without one, for the root of Jenkins). */
    public static ListBoxModel fillForItem(
            @CheckForNull Item item, @CheckForNull String credentialsId, @CheckForNull String platformName) {
        String current = Util.fixNull(credentialsId).trim();
        StandardListBoxModel model = new StandardListBoxModel();
        model.add(Messages.CredentialsListing_UseDefault(), "");
        if (!mayList(item)) {
            return model.includeCurrentValue(current);
        }
        if (item == null) {
            model.includeMatchingAs(
                    ACL.SYSTEM2,
                    Jenkins.get(),
                    StringCredentials.class,
                    domain(platformName),
                    PlatformCredentials.usableByJobs());
        } else {
            model.includeMatchingAs(
                    authenticationOf(item),
                    item,
                    StringCredentials.class,
                    domain(platformName),
                    PlatformCredentials.usableByJobs());
        }
        return model.includeCurrentValue(current);
    }

    /** Checks the credential chosen for a job; blank means "the default of the chosen platform". */
    public static FormValidation checkForItem(
            @CheckForNull Item item, @CheckForNull String value, @CheckForNull String platformName) {
        if (!mayList(item)) {
            return FormValidation.ok();
        }
        String id = Util.fixEmptyAndTrim(value);
        if (id == null) {
            Platform platform = CodescoringGlobalConfiguration.get().platform(platformName);
            return platform != null && platform.getCredentialsId() == null
                    ? FormValidation.warning(Messages.CredentialsListing_NoDefault())
                    : FormValidation.ok();
        }
        if (id.contains(
                "$")) { // a build variable in the freestyle step's expression field: resolved when the build runs
            return FormValidation.ok();
        }
        List<DomainRequirement> domain = domain(platformName);
        if (find(item, StringCredentials.class, id, domain) != null) {
            return FormValidation.ok();
        }
        StandardCredentials other = find(item, StandardCredentials.class, id, domain);
        if (other != null) {
            return FormValidation.error(Messages.Credentials_WrongType(id, PlatformCredentials.typeName(other)));
        }
        return FormValidation.error(Messages.CredentialsListing_NotFound(id));
    }

    /** Domain requirements for the chosen platform, so credentials restricted to its host are offered. */
    private static List<DomainRequirement> domain(@CheckForNull String platformName) {
        return PlatformCredentials.domainOf(PlatformConnections.urlOf(platformName));
    }

    private static boolean mayList(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    @NonNull
    private static Authentication authenticationOf(@NonNull Item item) {
        return item instanceof Queue.Task ? Tasks.getAuthenticationOf2((Queue.Task) item) : ACL.SYSTEM2;
    }

    @CheckForNull
    private static <C extends StandardCredentials> C find(
            @CheckForNull Item item, Class<C> type, String id, List<DomainRequirement> domain) {
        List<C> candidates = item == null
                ? CredentialsProvider.lookupCredentialsInItemGroup(type, Jenkins.get(), ACL.SYSTEM2, domain)
                : CredentialsProvider.lookupCredentialsInItem(type, item, authenticationOf(item), domain);
        return CredentialsMatchers.firstOrNull(
                candidates,
                CredentialsMatchers.allOf(CredentialsMatchers.withId(id), PlatformCredentials.usableByJobs()));
    }
}
