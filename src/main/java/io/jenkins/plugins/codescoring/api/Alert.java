package io.jenkins.plugins.codescoring.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One active policy alert: a policy firing on one dependency of one project. The policy is either
 * embedded by the platform or only named by id, in which case {@link #policy()} is null and the gate
 * joins it with the policy list.
 */
public final class Alert {
    private final String id;
    private final String policyId;
    private final Policy policy;
    private final Project project;
    private final String stage;
    private final String level;
    private final String dependencyPurl;
    private final String vulnerability;
    private final List<String> matchedCriteria;
    private final boolean ignored;
    private final Instant blockDelayedUntil;

    private Alert(Builder builder) {
        this.id = Objects.requireNonNull(builder.id, "id");
        this.policy = builder.policy;
        this.policyId =
                builder.policy != null ? builder.policy.id() : Objects.requireNonNull(builder.policyId, "policyId");
        this.project = builder.project;
        this.stage = builder.stage;
        this.level = builder.level;
        this.dependencyPurl = builder.dependencyPurl;
        this.vulnerability = builder.vulnerability;
        this.matchedCriteria = builder.matchedCriteria == null ? List.of() : List.copyOf(builder.matchedCriteria);
        this.ignored = builder.ignored;
        this.blockDelayedUntil = builder.blockDelayedUntil;
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public String id() {
        return id;
    }

    public String policyId() {
        return policyId;
    }

    /** The embedded policy, or null when the platform named only its id. */
    public Policy policy() {
        return policy;
    }

    /** The project, or null when the platform did not say. */
    public Project project() {
        return project;
    }

    public String stage() {
        return stage;
    }

    /** The alert's own level, or null (then the policy's level applies). */
    public String level() {
        return level;
    }

    public String dependencyPurl() {
        return dependencyPurl;
    }

    public String vulnerability() {
        return vulnerability;
    }

    public List<String> matchedCriteria() {
        return matchedCriteria;
    }

    public boolean isIgnored() {
        return ignored;
    }

    /** When a delayed blocker starts blocking, or null for an immediate one. */
    public Instant blockDelayedUntil() {
        return blockDelayedUntil;
    }

    @Override
    public String toString() {
        return "Alert[" + id + " policy " + policyId + ", " + dependencyPurl + (ignored ? ", ignored" : "") + "]";
    }

    /** Builds alerts; used by the JSON reader and by tests. */
    public static final class Builder {
        private final String id;
        private String policyId;
        private Policy policy;
        private Project project;
        private String stage;
        private String level;
        private String dependencyPurl;
        private String vulnerability;
        private List<String> matchedCriteria;
        private boolean ignored;
        private Instant blockDelayedUntil;

        private Builder(String id) {
            this.id = id;
        }

        public Builder policyId(String value) {
            this.policyId = value;
            return this;
        }

        public Builder policy(Policy value) {
            this.policy = value;
            return this;
        }

        public Builder project(Project value) {
            this.project = value;
            return this;
        }

        public Builder stage(String value) {
            this.stage = value;
            return this;
        }

        public Builder level(String value) {
            this.level = value;
            return this;
        }

        public Builder dependencyPurl(String value) {
            this.dependencyPurl = value;
            return this;
        }

        public Builder vulnerability(String value) {
            this.vulnerability = value;
            return this;
        }

        public Builder matchedCriteria(List<String> value) {
            this.matchedCriteria = value;
            return this;
        }

        public Builder ignored(boolean value) {
            this.ignored = value;
            return this;
        }

        public Builder blockDelayedUntil(Instant value) {
            this.blockDelayedUntil = value;
            return this;
        }

        public Alert build() {
            return new Alert(this);
        }
    }
}
