package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.ErrorKind;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a scan found: the verdict, counts, and the blocking alerts grouped by policy. Plain data that
 * holds no secret, so Jenkins can store it with the build and reports can render it.
 */
public final class ScanResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Verdict verdict;
    private final ErrorKind errorKind;
    private final String errorMessage;
    private final String platformUrl;
    private final String platformName;
    private final String analysisRunId;
    private final String project;
    private final String stage;
    private final int activeAlerts;
    private final int ignoredAlerts;
    private final int delayedBlockingAlerts;
    private final LinkedHashMap<String, Integer> alertsByLevel;
    private final ArrayList<BlockingPolicy> blockingPolicies;
    private final Instant requestedAt;
    private final Instant finishedAt;
    /** The rule that decided; null for a result made before the rule existed (then nothing was compared). */
    private final BlockOn blockOn;
    /** The reference build's number, or null when there was none (or nothing was compared). */
    private final Integer referenceBuild;

    private ScanResult(Builder builder) {
        this.verdict = Objects.requireNonNull(builder.verdict, "verdict");
        this.errorKind = builder.errorKind;
        this.errorMessage = builder.errorMessage;
        this.platformUrl = builder.platformUrl;
        this.platformName = builder.platformName;
        this.analysisRunId = builder.analysisRunId;
        this.project = builder.project;
        this.stage = builder.stage;
        this.activeAlerts = builder.activeAlerts;
        this.ignoredAlerts = builder.ignoredAlerts;
        this.delayedBlockingAlerts = builder.delayedBlockingAlerts;
        this.alertsByLevel = new LinkedHashMap<>(builder.alertsByLevel);
        this.blockingPolicies = new ArrayList<>(builder.blockingPolicies);
        this.requestedAt = builder.requestedAt;
        this.finishedAt = builder.finishedAt;
        this.blockOn = builder.blockOn;
        this.referenceBuild = builder.referenceBuild;
    }

    public static Builder builder(Verdict verdict) {
        return new Builder(verdict);
    }

    public Verdict verdict() {
        return verdict;
    }

    /** Why there is no verdict; null unless the verdict is {@link Verdict#ERROR}. */
    public ErrorKind errorKind() {
        return errorKind;
    }

    /** What went wrong, safe to show; null unless the verdict is {@link Verdict#ERROR}. */
    public String errorMessage() {
        return errorMessage;
    }

    public String platformUrl() {
        return platformUrl;
    }

    /** The platform's name in the Jenkins configuration, or null (the terminal runner names none). */
    public String platformName() {
        return platformName;
    }

    /** The analysis run the verdict comes from, or null. */
    public String analysisRunId() {
        return analysisRunId;
    }

    /** The project the scan was scoped to (name as given or resolved), or null for all projects. */
    public String project() {
        return project;
    }

    /** The stage the scan was scoped to, or null for all stages. */
    public String stage() {
        return stage;
    }

    /** Active alerts in scope, ignored ones included. */
    public int activeAlerts() {
        return activeAlerts;
    }

    public int ignoredAlerts() {
        return ignoredAlerts;
    }

    /** Alerts of blocking policies whose block is delayed past the scan: reported, not blocking. */
    public int delayedBlockingAlerts() {
        return delayedBlockingAlerts;
    }

    /** Active, not ignored alerts by level: critical, warning, info first, then any other level. */
    public Map<String, Integer> alertsByLevel() {
        return Collections.unmodifiableMap(alertsByLevel);
    }

    public List<BlockingPolicy> blockingPolicies() {
        return Collections.unmodifiableList(blockingPolicies);
    }

    public int blockingAlertCount() {
        int count = 0;
        for (BlockingPolicy policy : blockingPolicies) {
            count += policy.alerts().size();
        }
        return count;
    }

    public List<String> blockingPolicyNames() {
        List<String> names = new ArrayList<>();
        for (BlockingPolicy policy : blockingPolicies) {
            names.add(policy.name());
        }
        return names;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    /**
     * The rule that decided the verdict; null when the result was made without comparing its blocking alerts
     * with a reference (an error before the alerts were read, a record older than the comparison).
     */
    public BlockOn blockOn() {
        return blockOn;
    }

    /** Whether the blocking alerts were compared with a reference build (or found to have none). */
    public boolean compared() {
        return blockOn != null;
    }

    /** The number of the reference build the blocking alerts were compared with, or null when there was none. */
    public Integer referenceBuild() {
        return referenceBuild;
    }

    /** Blocking alerts new since the reference build (all of them without a reference); 0 when nothing was compared. */
    public int newBlockingAlertCount() {
        return compared() ? NewAlerts.countNew(blockingPolicies) : 0;
    }

    /** Blocking alerts that already blocked in the reference build. */
    public int alreadyBlockingAlertCount() {
        return compared() ? blockingAlertCount() - newBlockingAlertCount() : 0;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    @Override
    public String toString() {
        return "ScanResult[" + verdict + (errorKind == null ? "" : " " + errorKind) + ", blocking alerts "
                + blockingAlertCount() + ", active alerts " + activeAlerts + "]";
    }

    /** Builds results; the engine and tests use it. */
    public static final class Builder {
        private final Verdict verdict;
        private ErrorKind errorKind;
        private String errorMessage;
        private String platformUrl;
        private String platformName;
        private String analysisRunId;
        private String project;
        private String stage;
        private int activeAlerts;
        private int ignoredAlerts;
        private int delayedBlockingAlerts;
        private final Map<String, Integer> alertsByLevel = new LinkedHashMap<>();
        private final List<BlockingPolicy> blockingPolicies = new ArrayList<>();
        private Instant requestedAt;
        private Instant finishedAt;
        private BlockOn blockOn;
        private Integer referenceBuild;

        private Builder(Verdict verdict) {
            this.verdict = verdict;
        }

        public Builder error(ErrorKind kind, String message) {
            this.errorKind = kind;
            this.errorMessage = message;
            return this;
        }

        public Builder platformUrl(String value) {
            this.platformUrl = value;
            return this;
        }

        public Builder platformName(String value) {
            this.platformName = value;
            return this;
        }

        public Builder analysisRunId(String value) {
            this.analysisRunId = value;
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

        public Builder activeAlerts(int value) {
            this.activeAlerts = value;
            return this;
        }

        public Builder ignoredAlerts(int value) {
            this.ignoredAlerts = value;
            return this;
        }

        public Builder delayedBlockingAlerts(int value) {
            this.delayedBlockingAlerts = value;
            return this;
        }

        public Builder alertsByLevel(Map<String, Integer> value) {
            this.alertsByLevel.clear();
            this.alertsByLevel.putAll(value);
            return this;
        }

        public Builder blockingPolicies(List<BlockingPolicy> value) {
            this.blockingPolicies.clear();
            this.blockingPolicies.addAll(value);
            return this;
        }

        public Builder requestedAt(Instant value) {
            this.requestedAt = value;
            return this;
        }

        public Builder finishedAt(Instant value) {
            this.finishedAt = value;
            return this;
        }

        /** The rule that decided, and the reference build (null: none); only for a result whose alerts were compared. */
        public Builder comparison(BlockOn rule, Integer reference) {
            this.blockOn = rule;
            this.referenceBuild = reference;
            return this;
        }

        public ScanResult build() {
            if ((verdict == Verdict.ERROR) != (errorKind != null)) {
                throw new IllegalStateException("an error kind goes with the ERROR verdict, and only with it");
            }
            return new ScanResult(this);
        }
    }
}
