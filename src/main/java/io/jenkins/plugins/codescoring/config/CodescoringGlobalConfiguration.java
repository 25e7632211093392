package io.jenkins.plugins.codescoring.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The administrator's settings for CodeScoring (Manage Jenkins » System): where the platform is, the
 * default credential holding the API token, and the defaults of every scan. Only the credential's ID is
 * stored here, never the token. Configuration as Code: {@code unclassified: codescoring: ...}.
 */
@Extension
@Symbol("codescoring")
public final class CodescoringGlobalConfiguration extends GlobalConfiguration {
    public static final int DEFAULT_TIMEOUT_MINUTES = 60;
    public static final int MIN_TIMEOUT_MINUTES = 1;
    public static final int MAX_TIMEOUT_MINUTES = 24 * 60;
    public static final int DEFAULT_MAX_POLL_INTERVAL_SECONDS = 30;
    public static final int MIN_MAX_POLL_INTERVAL_SECONDS = 5;
    public static final int MAX_MAX_POLL_INTERVAL_SECONDS = 600;

    /** Normalised base URL of the platform, or null while none is configured. */
    private String platformUrl;
    /** ID of the default Secret text credential, or null. */
    private String credentialsId;
    private int timeoutMinutes = DEFAULT_TIMEOUT_MINUTES;
    private int maxPollIntervalSeconds = DEFAULT_MAX_POLL_INTERVAL_SECONDS;

    public CodescoringGlobalConfiguration() {
        load();
    }

    @NonNull
    public static CodescoringGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(CodescoringGlobalConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.CodescoringGlobalConfiguration_DisplayName();
    }

    @CheckForNull
    public String getPlatformUrl() {
        return platformUrl;
    }

    /**
     * Sets the platform URL, normalised (see {@link CodescoringClient#normalizeUrl}); blank clears it.
     *
     * @throws IllegalArgumentException saying what is wrong with an invalid URL
     */
    @DataBoundSetter
    public void setPlatformUrl(@CheckForNull String platformUrl) {
        this.platformUrl = normalize(platformUrl);
        save();
    }

    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        save();
    }

    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    /** @throws IllegalArgumentException outside 1..1440 */
    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = inRange(timeoutMinutes, MIN_TIMEOUT_MINUTES, MAX_TIMEOUT_MINUTES, "timeoutMinutes");
        save();
    }

    public int getMaxPollIntervalSeconds() {
        return maxPollIntervalSeconds;
    }

    /** @throws IllegalArgumentException outside 5..600 */
    @DataBoundSetter
    public void setMaxPollIntervalSeconds(int maxPollIntervalSeconds) {
        this.maxPollIntervalSeconds = inRange(maxPollIntervalSeconds, MIN_MAX_POLL_INTERVAL_SECONDS,
                MAX_MAX_POLL_INTERVAL_SECONDS, "maxPollIntervalSeconds");
        save();
    }

    /** Validates the whole form first, so an invalid value changes nothing and names its field. */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        String url = json.optString("platformUrl", "");
        try {
            normalize(url);
        } catch (IllegalArgumentException e) {
            throw new FormException(e.getMessage(), "platformUrl");
        }
        int timeout = formInt(json, "timeoutMinutes", DEFAULT_TIMEOUT_MINUTES, MIN_TIMEOUT_MINUTES, MAX_TIMEOUT_MINUTES);
        int poll = formInt(json, "maxPollIntervalSeconds", DEFAULT_MAX_POLL_INTERVAL_SECONDS,
                MIN_MAX_POLL_INTERVAL_SECONDS, MAX_MAX_POLL_INTERVAL_SECONDS);
        try (BulkChange change = new BulkChange(this)) {
            setPlatformUrl(url);
            setCredentialsId(json.optString("credentialsId", ""));
            setTimeoutMinutes(timeout);
            setMaxPollIntervalSeconds(poll);
            change.commit();
        } catch (IOException e) {
            throw new FormException(e, "platformUrl");
        }
        return true;
    }

    /** The default credential: Secret text of Global scope (System scope is not available to builds). */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String platformUrl, @QueryParameter String credentialsId) {
        String current = Util.fixNull(credentialsId).trim();
        StandardListBoxModel model = new StandardListBoxModel();
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return model.includeCurrentValue(current);
        }
        model.includeEmptyValue().includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StringCredentials.class,
                PlatformCredentials.domainOf(platformUrl), CredentialsMatchers.withScope(CredentialsScope.GLOBAL));
        return model.includeCurrentValue(current);
    }

    /** Checks the URL's form only; never connects (that is what the Test connection button is for). */
    @POST
    public FormValidation doCheckPlatformUrl(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.warning(Messages.CodescoringGlobalConfiguration_UrlMissing());
        }
        String normalized;
        try {
            normalized = CodescoringClient.normalizeUrl(value);
        } catch (CodescoringException e) {
            return FormValidation.error(e.getMessage());
        }
        if (normalized.startsWith("http://") && !isLoopback(normalized)) {
            return FormValidation.warning(Messages.CodescoringGlobalConfiguration_PlainHttp());
        }
        if (!normalized.equals(value.trim())) {
            return FormValidation.ok(Messages.CodescoringGlobalConfiguration_SavedAs(normalized));
        }
        return FormValidation.ok();
    }

    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String value, @QueryParameter String platformUrl) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        String id = Util.fixEmptyAndTrim(value);
        if (id == null) {
            return FormValidation.warning(Messages.CodescoringGlobalConfiguration_NoDefaultCredentials());
        }
        return ConnectionTest.checkRootCredential(id, platformUrl);
    }

    @POST
    public FormValidation doCheckTimeoutMinutes(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FormValidation.validateIntegerInRange(value, MIN_TIMEOUT_MINUTES, MAX_TIMEOUT_MINUTES);
    }

    @POST
    public FormValidation doCheckMaxPollIntervalSeconds(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FormValidation.validateIntegerInRange(value, MIN_MAX_POLL_INTERVAL_SECONDS, MAX_MAX_POLL_INTERVAL_SECONDS);
    }

    /**
     * One cheap authenticated call with the values in the form (saved or not), through the Jenkins proxy.
     * Administrators only, POST only: it makes Jenkins send a stored secret over the network.
     */
    @POST
    public FormValidation doTestConnection(@QueryParameter String platformUrl, @QueryParameter String credentialsId) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return ConnectionTest.run(platformUrl, credentialsId);
    }

    @CheckForNull
    private static String normalize(@CheckForNull String url) {
        if (Util.fixEmptyAndTrim(url) == null) {
            return null;
        }
        try {
            return CodescoringClient.normalizeUrl(url);
        } catch (CodescoringException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static int inRange(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(Messages.CodescoringGlobalConfiguration_OutOfRange(name, min, max, value));
        }
        return value;
    }

    private static int formInt(JSONObject json, String name, int defaultValue, int min, int max) throws FormException {
        String text = Util.fixEmptyAndTrim(json.optString(name, ""));
        if (text == null) {
            return defaultValue;
        }
        try {
            return inRange(Integer.parseInt(text), min, max, name);
        } catch (NumberFormatException e) {
            throw new FormException(Messages.CodescoringGlobalConfiguration_NotANumber(name, min, max), name);
        } catch (IllegalArgumentException e) {
            throw new FormException(e.getMessage(), name);
        }
    }

    private static boolean isLoopback(String url) {
        String host = URI.create(url).getHost();
        host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }
}
