package io.jenkins.plugins.codescoring.scanstep;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import io.jenkins.plugins.codescoring.config.CodescoringGlobalConfiguration;
import io.jenkins.plugins.codescoring.config.Platform;
import io.jenkins.plugins.codescoring.scan.BlockOn;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The options of one scan, as the Pipeline step and the freestyle builder both take them, and the
 * {@link ScanRequest} they make together with the global configuration. Holds no secret: only the id of
 * the credential.
 */
public final class ScanOptions extends AbstractDescribableImpl<ScanOptions> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The fields of both forms (fields.jelly); the help of each lies beside this class. */
    public static final List<String> FIELDS = List.of(
            "platform", "credentialsId", "project", "stage", "timeoutMinutes", "onBlocking", "onError", "blockOn");

    /** The longest timeout accepted, in minutes (one day). */
    public static final int MAX_TIMEOUT_MINUTES = Platform.MAX_TIMEOUT_MINUTES;

    private static volatile Duration firstPollInterval = ScanRequest.DEFAULT_FIRST_POLL_INTERVAL;
    /** When set, the longest wait between polls instead of the global setting. */
    private static volatile Duration maxPollIntervalOverride;
    /** What one unit of {@code timeoutMinutes} lasts. */
    private static volatile Duration timeoutUnit = Duration.ofMinutes(1);

    private final String platform;
    private final String credentialsId;
    private final String project;
    private final String stage;
    private final Integer timeoutMinutes;
    private final OnFinding onBlocking;
    private final OnFinding onError;
    /** Null in jobs saved before the option existed: {@link BlockOn#ALL}. */
    private final BlockOn blockOn;

    /**
     * No option set: the global credential, all projects and stages, the global timeout, fail on findings.
     * A new object each time, so two builders in one job never share one (XStream would write a reference).
     */
    public static ScanOptions defaults() {
        return new ScanOptions(null, null, null, null, null, null, null, null);
    }

    /**
     * Normalises as the forms and Pipeline arguments need: blank text is unset, the stage is lower case (a build
     * variable in it, such as {@code ${STAGE}}, is kept as written and lowered once expanded).
     *
     * @throws IllegalArgumentException if the timeout is outside 1 to {@link #MAX_TIMEOUT_MINUTES}
     */
    public ScanOptions(
            @CheckForNull String platform,
            @CheckForNull String credentialsId,
            @CheckForNull String project,
            @CheckForNull String stage,
            @CheckForNull Integer timeoutMinutes,
            @CheckForNull OnFinding onBlocking,
            @CheckForNull OnFinding onError) {
        this(platform, credentialsId, project, stage, timeoutMinutes, onBlocking, onError, null);
    }

    /** As above, with the rule that decides the verdict (null: {@link BlockOn#ALL}). */
    public ScanOptions(
            @CheckForNull String platform,
            @CheckForNull String credentialsId,
            @CheckForNull String project,
            @CheckForNull String stage,
            @CheckForNull Integer timeoutMinutes,
            @CheckForNull OnFinding onBlocking,
            @CheckForNull OnFinding onError,
            @CheckForNull BlockOn blockOn) {
        this.platform = Util.fixEmptyAndTrim(platform);
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        this.project = Util.fixEmptyAndTrim(project);
        String trimmedStage = Util.fixEmptyAndTrim(stage);
        this.stage = trimmedStage == null || trimmedStage.contains("$")
                ? trimmedStage
                : trimmedStage.toLowerCase(Locale.ROOT);
        this.timeoutMinutes = validTimeout(timeoutMinutes);
        this.onBlocking = OnFinding.orDefault(onBlocking);
        this.onError = OnFinding.orDefault(onError);
        this.blockOn = BlockOn.orDefault(blockOn);
    }

    public ScanOptions withPlatform(@CheckForNull String value) {
        return new ScanOptions(value, credentialsId, project, stage, timeoutMinutes, onBlocking, onError, blockOn);
    }

    public ScanOptions withCredentialsId(@CheckForNull String value) {
        return new ScanOptions(platform, value, project, stage, timeoutMinutes, onBlocking, onError, blockOn);
    }

    public ScanOptions withProject(@CheckForNull String value) {
        return new ScanOptions(platform, credentialsId, value, stage, timeoutMinutes, onBlocking, onError, blockOn);
    }

    public ScanOptions withStage(@CheckForNull String value) {
        return new ScanOptions(platform, credentialsId, project, value, timeoutMinutes, onBlocking, onError, blockOn);
    }

    public ScanOptions withTimeoutMinutes(@CheckForNull Integer value) {
        return new ScanOptions(platform, credentialsId, project, stage, value, onBlocking, onError, blockOn);
    }

    public ScanOptions withOnBlocking(@CheckForNull OnFinding value) {
        return new ScanOptions(platform, credentialsId, project, stage, timeoutMinutes, value, onError, blockOn);
    }

    public ScanOptions withOnError(@CheckForNull OnFinding value) {
        return new ScanOptions(platform, credentialsId, project, stage, timeoutMinutes, onBlocking, value, blockOn);
    }

    public ScanOptions withBlockOn(@CheckForNull BlockOn value) {
        return new ScanOptions(platform, credentialsId, project, stage, timeoutMinutes, onBlocking, onError, value);
    }

    /**
     * These options with the build's variables ({@code ${PROJECT}}, {@code $STAGE}) in the project, stage and
     * credential replaced by their values, as a freestyle build step's fields are expected to work.
     *
     * @param credentialVariables how the credential's id is expanded (a credentials parameter is resolved later, in
     *     the build's context)
     */
    public ScanOptions expand(UnaryOperator<String> variables, UnaryOperator<String> credentialVariables) {
        return new ScanOptions(
                expanded(variables, platform),
                expanded(credentialVariables, credentialsId),
                expanded(variables, project),
                expanded(variables, stage),
                timeoutMinutes,
                onBlocking,
                onError,
                blockOn);
    }

    @CheckForNull
    private static String expanded(UnaryOperator<String> variables, @CheckForNull String value) {
        return value == null ? null : variables.apply(value);
    }

    /** The name of the platform chosen for this scan, or null for the default one. */
    @CheckForNull
    public String platform() {
        return platform;
    }

    /** The credential chosen for this scan, or null for the default one of its platform. */
    @CheckForNull
    public String credentialsId() {
        return credentialsId;
    }

    /** A project name or id, or null for all projects. */
    @CheckForNull
    public String project() {
        return project;
    }

    /** A stage, or null for all stages. */
    @CheckForNull
    public String stage() {
        return stage;
    }

    /** The timeout in minutes, or null for the global default. */
    @CheckForNull
    public Integer timeoutMinutes() {
        return timeoutMinutes;
    }

    /** Never null: a job configuration written by hand (or by a tool) without the element gets the default. */
    @NonNull
    public OnFinding onBlocking() {
        return OnFinding.orDefault(onBlocking);
    }

    /** Never null, as {@link #onBlocking()}. */
    @NonNull
    public OnFinding onError() {
        return OnFinding.orDefault(onError);
    }

    /** Which blocking alerts decide the verdict: all active ones (default) or those new since the reference build. */
    @NonNull
    public BlockOn blockOn() {
        return BlockOn.orDefault(blockOn);
    }

    /**
     * The request for the scan engine: these options, the rest from the chosen platform's settings. A platform
     * that is not configured gets the defaults here; connecting to it fails later with a clear error.
     */
    public ScanRequest toRequest() {
        Platform chosen = CodescoringGlobalConfiguration.get().platform(platform);
        int defaultMinutes = chosen != null ? chosen.getTimeoutMinutes() : Platform.DEFAULT_TIMEOUT_MINUTES;
        int minutes = timeoutMinutes != null ? timeoutMinutes : defaultMinutes;
        minutes = Math.min(Math.max(1, minutes), MAX_TIMEOUT_MINUTES);
        int maxPollSeconds =
                chosen != null ? chosen.getMaxPollIntervalSeconds() : Platform.DEFAULT_MAX_POLL_INTERVAL_SECONDS;
        Duration maxPoll = maxPollIntervalOverride != null
                ? maxPollIntervalOverride
                : Duration.ofSeconds(Math.max(1, maxPollSeconds));
        return ScanRequest.builder()
                .platformName(chosen != null ? chosen.name() : platform)
                .platformUrl(chosen != null ? chosen.getUrl() : null)
                .project(project)
                .stage(stage)
                .timeout(timeoutUnit.multipliedBy(minutes))
                .maxPollInterval(maxPoll)
                .firstPollInterval(firstPollInterval)
                .blockOn(blockOn())
                .build();
    }

    @Override
    public String toString() {
        return "ScanOptions[platform=" + platform + ", project=" + project + ", stage=" + stage + ", timeoutMinutes="
                + timeoutMinutes + ", onBlocking=" + onBlocking + ", onError=" + onError + ", blockOn=" + blockOn + "]";
    }

    /**
     * Tests only: the first wait between two status polls, the longest one, and what one unit of
     * {@code timeoutMinutes} lasts; null restores the default of each.
     */
    @Restricted(NoExternalUse.class)
    public static void useTimingsForTests(
            @CheckForNull Duration firstPoll, @CheckForNull Duration maxPoll, @CheckForNull Duration timeoutMinute) {
        firstPollInterval = firstPoll == null ? ScanRequest.DEFAULT_FIRST_POLL_INTERVAL : firstPoll;
        maxPollIntervalOverride = maxPoll;
        timeoutUnit = timeoutMinute == null ? Duration.ofMinutes(1) : timeoutMinute;
    }

    /** The timeout as the setters accept it: null (global default) or 1 to {@link #MAX_TIMEOUT_MINUTES}. */
    @CheckForNull
    static Integer validTimeout(@CheckForNull Integer timeoutMinutes) {
        if (timeoutMinutes != null && (timeoutMinutes < 1 || timeoutMinutes > MAX_TIMEOUT_MINUTES)) {
            throw new IllegalArgumentException(Messages.ScanForm_TimeoutRange(MAX_TIMEOUT_MINUTES));
        }
        return timeoutMinutes;
    }

    /**
     * Serves the help of the shared fields: the Pipeline step's and the freestyle step's descriptors redirect
     * each of {@link #FIELDS} here.
     */
    @Extension
    public static final class DescriptorImpl extends Descriptor<ScanOptions> {}
}
