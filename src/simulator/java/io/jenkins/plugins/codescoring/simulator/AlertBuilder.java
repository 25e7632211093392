package io.jenkins.plugins.codescoring.simulator;

import io.jenkins.plugins.codescoring.simulator.Dataset.Alert;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The fields of one alert; unset ones take plain defaults. */
public final class AlertBuilder {
    private Long id;
    private final long policyId;
    private final long projectId;
    private String stage = "build";
    private String level;
    private String dependencyPurl = "pkg:maven/org.example/library@1.0.0";
    private String vulnerability;
    private List<String> matchedCriteria = List.of();
    private boolean ignored;
    private Instant blockDelayedUntil;
    private boolean embedsPolicy = true;

    AlertBuilder(long policyId, long projectId) {
        this.policyId = policyId;
        this.projectId = projectId;
    }

    /** A fixed id; without one the dataset numbers alerts after the highest fixed id. */
    public AlertBuilder id(long id) {
        this.id = id;
        return this;
    }

    public AlertBuilder stage(String stage) {
        this.stage = stage;
        return this;
    }

    /** The alert's level; by default the policy's. */
    public AlertBuilder level(String level) {
        this.level = level;
        return this;
    }

    public AlertBuilder dependency(String purl) {
        this.dependencyPurl = purl;
        return this;
    }

    public AlertBuilder vulnerability(String vulnerabilityId) {
        this.vulnerability = vulnerabilityId;
        return this;
    }

    public AlertBuilder criteria(String... matchedCriteria) {
        this.matchedCriteria = Arrays.asList(matchedCriteria);
        return this;
    }

    public AlertBuilder ignored(boolean isIgnored) {
        this.ignored = isIgnored;
        return this;
    }

    public AlertBuilder blockDelayedUntil(Instant until) {
        this.blockDelayedUntil = until;
        return this;
    }

    /** Whether the alert JSON embeds the policy object (default) or carries only its id. */
    public AlertBuilder embedsPolicy(boolean embeds) {
        this.embedsPolicy = embeds;
        return this;
    }

    /** Shorthand for {@code embedsPolicy(false)}. */
    public AlertBuilder policyAsId() {
        return embedsPolicy(false);
    }

    Long fixedId() {
        return id;
    }

    long policyId() {
        return policyId;
    }

    long projectId() {
        return projectId;
    }

    /** The alert with that id, at the policy's level unless one was set. */
    Alert build(long alertId, String policyLevel) {
        return new Alert(
                alertId,
                policyId,
                projectId,
                stage,
                level != null ? level : policyLevel,
                dependencyPurl,
                vulnerability,
                matchedCriteria,
                ignored,
                blockDelayedUntil,
                embedsPolicy);
    }
}
