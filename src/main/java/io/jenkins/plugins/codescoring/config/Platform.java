package io.jenkins.plugins.codescoring.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import jenkins.model.JenkinsLocationConfiguration;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One CodeScoring platform the administrator lets builds use: a name (what a job chooses), the URL (where a
 * token may go), the default credential, the scan defaults and the webhook token. Only credential IDs are
 * stored, never a secret. Jobs name a platform; they never give a URL.
 */
public final class Platform extends AbstractDescribableImpl<Platform> {
    public static final int DEFAULT_TIMEOUT_MINUTES = 60;
    public static final int MIN_TIMEOUT_MINUTES = 1;
    public static final int MAX_TIMEOUT_MINUTES = 24 * 60;
    public static final int DEFAULT_MAX_POLL_INTERVAL_SECONDS = 30;
    public static final int MIN_MAX_POLL_INTERVAL_SECONDS = 5;
    public static final int MAX_MAX_POLL_INTERVAL_SECONDS = 600;
    /** Where the platform's webhooks arrive, below the Jenkins root URL; the platform's name follows. */
    public static final String WEBHOOK_PATH = "codescoring-webhook";
    /** Letters, digits, dot, dash, underscore: a name is part of the webhook's URL and of Pipeline scripts. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final String url;
    /** Null: the URL's host names the platform. */
    private String name;

    private String credentialsId;
    private int timeoutMinutes = DEFAULT_TIMEOUT_MINUTES;
    private int maxPollIntervalSeconds = DEFAULT_MAX_POLL_INTERVAL_SECONDS;
    private String webhookCredentialsId;

    /**
     * @param url the platform's address, normalised (see {@link CodescoringClient#normalizeUrl})
     * @throws IllegalArgumentException saying what is wrong with an invalid URL
     */
    @DataBoundConstructor
    public Platform(String url) {
        this.url = normalize(url);
    }

    /** The name jobs choose this platform by: the one given, else the URL's host. */
    @NonNull
    public String name() {
        return name != null ? name : hostOf(url);
    }

    /** The name as configured (the form, configuration as code); null when the URL's host names the platform. */
    @CheckForNull
    public String getName() {
        return name;
    }

    /** @throws IllegalArgumentException for a name that cannot be part of a URL */
    @DataBoundSetter
    public void setName(@CheckForNull String name) {
        this.name = checkName(name);
    }

    /** Whether the text, as it is, can be a platform's name. */
    static boolean isName(String text) {
        return NAME.matcher(text).matches();
    }

    /**
     * The name trimmed, null when blank.
     *
     * @throws IllegalArgumentException for a name that cannot be part of a URL
     */
    @CheckForNull
    static String checkName(@CheckForNull String name) {
        String value = Util.fixEmptyAndTrim(name);
        if (value != null && !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(Messages.Platform_NameInvalid(value));
        }
        return value;
    }

    @NonNull
    public String getUrl() {
        return url;
    }

    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    /** @throws IllegalArgumentException outside 1..1440 */
    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = inRange(timeoutMinutes, MIN_TIMEOUT_MINUTES, MAX_TIMEOUT_MINUTES, "timeoutMinutes");
    }

    public int getMaxPollIntervalSeconds() {
        return maxPollIntervalSeconds;
    }

    /** @throws IllegalArgumentException outside 5..600 */
    @DataBoundSetter
    public void setMaxPollIntervalSeconds(int maxPollIntervalSeconds) {
        this.maxPollIntervalSeconds = inRange(
                maxPollIntervalSeconds,
                MIN_MAX_POLL_INTERVAL_SECONDS,
                MAX_MAX_POLL_INTERVAL_SECONDS,
                "maxPollIntervalSeconds");
    }

    /** The Secret text holding the token the platform's webhooks must carry; null: webhooks are refused. */
    @CheckForNull
    public String getWebhookCredentialsId() {
        return webhookCredentialsId;
    }

    @DataBoundSetter
    public void setWebhookCredentialsId(@CheckForNull String webhookCredentialsId) {
        this.webhookCredentialsId = Util.fixEmptyAndTrim(webhookCredentialsId);
    }

    /**
     * The address to paste into CodeScoring's webhook settings; null until Jenkins' own URL is configured (Jenkins
     * Location). Never the address of the current request, which is whatever host the administrator's browser used.
     */
    @CheckForNull
    public String getWebhookUrl() {
        String root = Util.fixEmptyAndTrim(JenkinsLocationConfiguration.get().getUrl());
        return root == null ? null : Util.ensureEndsWith(root, "/") + WEBHOOK_PATH + "/" + name();
    }

    /** When this platform's last webhook was accepted since Jenkins started, or null. */
    @CheckForNull
    public Instant getLastWebhookAt() {
        return WebhookActivity.lastAccepted(name());
    }

    /** For the form: how long ago and when (UTC, to the second) the last webhook was accepted, or null. */
    @CheckForNull
    public String getLastWebhookText() {
        Instant at = getLastWebhookAt();
        if (at == null) {
            return null;
        }
        long ago = Math.max(0, Duration.between(at, Instant.now()).toMillis());
        return Messages.Platform_LastWebhook(
                Util.getTimeSpanString(ago),
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                                at.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC))
                        + " UTC");
    }

    @Override
    public String toString() {
        return "Platform[" + name() + ", " + url + "]";
    }

    static String normalize(@CheckForNull String url) {
        if (Util.fixEmptyAndTrim(url) == null) {
            throw new IllegalArgumentException(Messages.CodescoringGlobalConfiguration_UrlMissing());
        }
        try {
            return CodescoringClient.normalizeUrl(url);
        } catch (CodescoringException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static int inRange(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    Messages.CodescoringGlobalConfiguration_OutOfRange(name, min, max, value));
        }
        return value;
    }

    static String hostOf(String url) {
        String host = URI.create(url).getHost();
        return host == null ? url : host.toLowerCase(Locale.ROOT);
    }

    static boolean isLoopback(String url) {
        String host = URI.create(url).getHost();
        host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    /**
     * The form of one platform in the global configuration: thin web methods, each for administrators only and by POST;
     * the checks and lists themselves are {@link PlatformForm}'s.
     */
    @Extension
    public static final class DescriptorImpl extends Descriptor<Platform> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.Platform_DisplayName();
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value, @QueryParameter String url) {
            return PlatformForm.isAdministrator() ? PlatformForm.checkName(value, url) : FormValidation.ok();
        }

        /** Checks the URL's form only; never connects (that is what the Test connection button is for). */
        @POST
        public FormValidation doCheckUrl(@QueryParameter String value) {
            return PlatformForm.isAdministrator() ? PlatformForm.checkUrl(value) : FormValidation.ok();
        }

        /** The default credential: Secret text of Global scope (System scope is not available to builds). */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String url, @QueryParameter String credentialsId) {
            return PlatformForm.credentialItems(url, credentialsId);
        }

        @POST
        public FormValidation doCheckCredentialsId(@QueryParameter String value, @QueryParameter String url) {
            return PlatformForm.isAdministrator() ? PlatformForm.checkCredentialsId(value, url) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckTimeoutMinutes(@QueryParameter String value) {
            return PlatformForm.isAdministrator()
                    ? FormValidation.validateIntegerInRange(value, MIN_TIMEOUT_MINUTES, MAX_TIMEOUT_MINUTES)
                    : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckMaxPollIntervalSeconds(@QueryParameter String value) {
            return PlatformForm.isAdministrator()
                    ? FormValidation.validateIntegerInRange(
                            value, MIN_MAX_POLL_INTERVAL_SECONDS, MAX_MAX_POLL_INTERVAL_SECONDS)
                    : FormValidation.ok();
        }

        /**
         * The webhook token: any Secret text of the root, System scope included (only the controller reads it,
         * never a build), so it can be kept away from jobs.
         */
        @POST
        public ListBoxModel doFillWebhookCredentialsIdItems(@QueryParameter String webhookCredentialsId) {
            return PlatformForm.webhookCredentialItems(webhookCredentialsId);
        }

        @POST
        public FormValidation doCheckWebhookCredentialsId(@QueryParameter String value) {
            return PlatformForm.isAdministrator() ? PlatformForm.checkWebhookCredentialsId(value) : FormValidation.ok();
        }

        /**
         * One cheap authenticated call with the values in the form (saved or not), through the Jenkins proxy.
         * Administrators only, POST only: it makes Jenkins send a stored secret over the network.
         */
        @POST
        public FormValidation doTestConnection(@QueryParameter String url, @QueryParameter String credentialsId) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return ConnectionTest.run(url, credentialsId);
        }
    }
}
