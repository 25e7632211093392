package io.jenkins.plugins.codescoring.scan;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What a scan is asked to do: its scope and its time limits. Holds no secret and no connection, so it
 * can be persisted with a Pipeline step and reused after a restart.
 */
public final class ScanRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);
    public static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_FIRST_POLL_INTERVAL = Duration.ofSeconds(2);
    public static final Duration DEFAULT_START_VISIBLE_WITHIN = Duration.ofMinutes(5);
    public static final Duration DEFAULT_TRANSIENT_PATIENCE = Duration.ofMinutes(2);
    /** The policy stages of CodeScoring. */
    public static final java.util.List<String> STAGES =
            java.util.List.of("dev", "source", "build", "stage", "test", "prod", "proxy");

    private final String platformName;
    private final String platformUrl;
    private final String project;
    private final String stage;
    private final Duration timeout;
    private final Duration maxPollInterval;
    private final Duration firstPollInterval;
    private final Duration startVisibleWithin;
    /**
     * Null in scans saved before it existed (see {@link #transientPatience()}). Those also hold the count they
     * used instead, {@code toleratedPollFailures}: deserialisation skips a field the class no longer has.
     */
    private final Duration transientPatience;

    private final BlockOn blockOn;
    private final AlertBaseline baseline;

    private ScanRequest(Builder builder) {
        this.platformName = blankToNull(builder.platformName);
        this.platformUrl = blankToNull(builder.platformUrl);
        this.project = validProject(blankToNull(builder.project));
        this.stage = knownStage(blankToNull(builder.stage));
        this.timeout = positive(builder.timeout, "timeout");
        this.maxPollInterval = positive(builder.maxPollInterval, "maxPollInterval");
        Duration first = positive(builder.firstPollInterval, "firstPollInterval");
        this.firstPollInterval = first.compareTo(maxPollInterval) > 0 ? maxPollInterval : first;
        this.startVisibleWithin = positive(builder.startVisibleWithin, "startVisibleWithin");
        this.transientPatience = positive(builder.transientPatience, "transientPatience");
        this.blockOn = builder.blockOn;
        this.baseline = builder.baseline;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The name the scan's platform has in the configuration, for reports; null when it has none (the terminal runner). */
    public String platformName() {
        return platformName;
    }

    /**
     * The platform's URL when the scan was requested, so that a resumed or waiting scan can tell that its
     * platform's name now points elsewhere; null when not known (the terminal runner, scans saved before it).
     */
    public String platformUrl() {
        return platformUrl;
    }

    /** A project name or numeric id, or null for all projects. */
    public String project() {
        return project;
    }

    /** A stage (dev, source, build, stage, test, prod, proxy), or null for all. */
    public String stage() {
        return stage;
    }

    /** The longest the scan may take, from the request to the verdict. */
    public Duration timeout() {
        return timeout;
    }

    /** The longest wait between two status polls. */
    public Duration maxPollInterval() {
        return maxPollInterval;
    }

    /** The first wait between polls; later waits grow up to {@link #maxPollInterval()}. */
    public Duration firstPollInterval() {
        return firstPollInterval;
    }

    /** How long a started analysis may stay invisible in the status before the scan gives up. */
    public Duration startVisibleWithin() {
        return startVisibleWithin;
    }

    /**
     * How long transient failures (503, 429, connection resets, timeouts) may go on in a row before the scan
     * gives up; never past its deadline. Scans saved before this existed get the default.
     */
    public Duration transientPatience() {
        return transientPatience == null ? DEFAULT_TRANSIENT_PATIENCE : transientPatience;
    }

    /** Which blocking alerts decide the verdict; ALL when the request {@linkplain #compares() compares} nothing. */
    public BlockOn blockOn() {
        return BlockOn.orDefault(blockOn);
    }

    /**
     * Whether the scan compares its blocking alerts with a reference build: Jenkins' scans do (a rule is set, even
     * the default ALL); the terminal runner, which has no builds, and requests saved before the rule existed do not.
     */
    public boolean compares() {
        return blockOn != null;
    }

    /** The blocking alerts of the reference build, or null when there is none (every blocking alert is then new). */
    public AlertBaseline baseline() {
        return baseline;
    }

    /** This request compared with another reference (null: none). */
    public ScanRequest withBaseline(AlertBaseline value) {
        return toBuilder().baseline(value).build();
    }

    /** A builder with every value of this request. */
    public Builder toBuilder() {
        return builder()
                .platformName(platformName)
                .platformUrl(platformUrl)
                .project(project)
                .stage(stage)
                .timeout(timeout)
                .maxPollInterval(maxPollInterval)
                .firstPollInterval(firstPollInterval)
                .startVisibleWithin(startVisibleWithin)
                .transientPatience(transientPatience())
                .blockOn(blockOn)
                .baseline(baseline);
    }

    @Override
    public String toString() {
        return "ScanRequest[project=" + (project == null ? "all" : project) + ", stage="
                + (stage == null ? "all" : stage) + ", timeout=" + timeout + ", maxPollInterval=" + maxPollInterval
                + "]";
    }

    /** The longest project name or id a scan accepts, from the Pipeline, the forms or the terminal runner alike. */
    public static final int MAX_PROJECT_LENGTH = 255;

    /** Whether a project name or id (trimmed, not blank) is one a scan accepts: one line, not too long. */
    public static boolean isValidProject(String project) {
        return project.length() <= MAX_PROJECT_LENGTH && project.codePoints().noneMatch(Character::isISOControl);
    }

    /** Checked here, in one place for every caller, before any request is made. */
    private static String validProject(String project) {
        if (project != null && !isValidProject(project)) {
            throw new IllegalArgumentException(
                    "A project is a name or a numeric id on one line, at most " + MAX_PROJECT_LENGTH + " characters.");
        }
        return project;
    }

    /** A stage typo would otherwise cost a whole analysis before the platform refuses the alert query. */
    private static String knownStage(String stage) {
        if (stage == null) {
            return null;
        }
        String normalized = stage.toLowerCase(java.util.Locale.ROOT);
        if (!STAGES.contains(normalized)) {
            throw new IllegalArgumentException(
                    "Unknown stage '" + stage + "': CodeScoring's stages are " + String.join(", ", STAGES) + ".");
        }
        return normalized;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }

    /** Builds requests with the documented defaults. */
    public static final class Builder {
        private String platformName;
        private String platformUrl;
        private String project;
        private String stage;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration maxPollInterval = DEFAULT_MAX_POLL_INTERVAL;
        private Duration firstPollInterval = DEFAULT_FIRST_POLL_INTERVAL;
        private Duration startVisibleWithin = DEFAULT_START_VISIBLE_WITHIN;
        private Duration transientPatience = DEFAULT_TRANSIENT_PATIENCE;
        private BlockOn blockOn;
        private AlertBaseline baseline;

        /** The rule that decides the verdict; null (the default): no comparison, any blocking alert blocks. */
        public Builder blockOn(BlockOn value) {
            this.blockOn = value;
            return this;
        }

        public Builder baseline(AlertBaseline value) {
            this.baseline = value;
            return this;
        }

        public Builder platformName(String value) {
            this.platformName = value;
            return this;
        }

        public Builder platformUrl(String value) {
            this.platformUrl = value;
            return this;
        }

        public Builder project(String value) {
            this.project = value;
            return this;
        }

        public Builder stage(String value) {
            this.stage = value;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder maxPollInterval(Duration value) {
            this.maxPollInterval = value;
            return this;
        }

        public Builder firstPollInterval(Duration value) {
            this.firstPollInterval = value;
            return this;
        }

        public Builder startVisibleWithin(Duration value) {
            this.startVisibleWithin = value;
            return this;
        }

        public Builder transientPatience(Duration value) {
            this.transientPatience = value;
            return this;
        }

        public ScanRequest build() {
            return new ScanRequest(this);
        }
    }
}
