package io.jenkins.plugins.codescoring.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the simulated platform knows: its policies, its projects and the alerts that an analysis of
 * them produces. Immutable; build one with {@link #builder(String)} or take a named preset.
 */
public final class Dataset {

    /** Every stage a policy can apply to, in the platform's order. */
    public static final List<String> ALL_STAGES = List.of("dev", "source", "build", "stage", "test", "prod", "proxy");

    /** A policy as {@code /api/policies/} describes it. */
    public record Policy(
            long id,
            String name,
            String level,
            List<String> stages,
            boolean active,
            boolean blocksBuild,
            String description) {
        public Policy {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(level, "level");
            stages = List.copyOf(stages);
            description = description == null ? "" : description;
        }
    }

    /** A registered project. */
    public record Project(long id, String name) {
        public Project {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * One policy firing on one dependency of one project.
     *
     * @param blockDelayedUntil for a delayed blocker, when the block starts; {@code null} if not delayed
     * @param embedsPolicy whether the alert JSON carries the policy object ({@code true}) or only its id
     */
    public record Alert(
            long id,
            long policyId,
            long projectId,
            String stage,
            String level,
            String dependencyPurl,
            String vulnerability,
            List<String> matchedCriteria,
            boolean ignored,
            Instant blockDelayedUntil,
            boolean embedsPolicy) {
        public Alert {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(dependencyPurl, "dependencyPurl");
            matchedCriteria = List.copyOf(matchedCriteria);
        }
    }

    private final String name;
    private final Map<Long, Policy> policies;
    private final Map<Long, Project> projects;
    private final List<Alert> alerts;

    private Dataset(String name, Map<Long, Policy> policies, Map<Long, Project> projects, List<Alert> alerts) {
        this.name = name;
        this.policies = Collections.unmodifiableMap(new LinkedHashMap<>(policies));
        this.projects = Collections.unmodifiableMap(new LinkedHashMap<>(projects));
        this.alerts = List.copyOf(alerts);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Starts an alert of that policy on that project (stage {@code build}, level of the policy). */
    public static AlertBuilder alert(long policyId, long projectId) {
        return new AlertBuilder(policyId, projectId);
    }

    /** No policies, no projects, no alerts. */
    public static Dataset empty() {
        return builder("empty").build();
    }

    /** Policies of every kind and the project {@code shop}, without any alert. */
    public static Dataset clean() {
        return DatasetPresets.clean();
    }

    /** One alert of an active blocking policy (log4j-core CVE-2021-44228) plus two non-blocking alerts. */
    public static Dataset blocking() {
        return DatasetPresets.blocking();
    }

    /** An alert of an active blocking policy whose block is delayed by 7 days: it must not block yet. */
    public static Dataset delayedBlocker() {
        return DatasetPresets.delayedBlocker();
    }

    /** An alert of a delayed blocker whose delay ended an hour ago: it blocks. */
    public static Dataset delayExpired() {
        return DatasetPresets.delayExpired();
    }

    /** An alert of an active blocking policy that an ignore rule matches: it must not block. */
    public static Dataset ignoredAlert() {
        return DatasetPresets.ignoredAlert();
    }

    /** An alert of an inactive policy flagged {@code is_blocks_build}: it must not block. */
    public static Dataset inactivePolicy() {
        return DatasetPresets.inactivePolicy();
    }

    /** The alerts of {@link #blocking()}, carrying only the policy id: the policy is only in {@code /api/policies/}. */
    public static Dataset policyById() {
        return DatasetPresets.policyById();
    }

    /**
     * That many alerts on the project {@code shop}; the middle one and the last one are blocking (so with
     * more than 200 alerts none of them is on the first page of 100), all others are not.
     */
    public static Dataset manyPages(int alertCount) {
        return DatasetPresets.manyPages(alertCount);
    }

    /**
     * Projects {@code shop} (1), {@code shop-backend} (2), {@code billing} (3), {@code Inventory Service} (4).
     * Blocking alerts: {@code shop-backend} at stage {@code build}, {@code billing} at stage {@code prod} only.
     * {@code shop} has only non-blocking alerts (build, dev); {@code Inventory Service} has none.
     */
    public static Dataset severalProjects() {
        return DatasetPresets.severalProjects();
    }

    /** A rich mixed set for demonstrations: several projects, every kind of alert. */
    public static Dataset demo() {
        return DatasetPresets.demo();
    }

    /**
     * A preset by name, case-insensitive, dashes and underscores ignored: {@code clean}, {@code blocking},
     * {@code delayed-blocker}, ..., {@code many-pages} (250 alerts) or {@code many-pages:N}, {@code empty}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Dataset byName(String presetName) {
        return DatasetPresets.byName(presetName);
    }

    /** The names {@link #byName(String)} knows. */
    public static List<String> presetNames() {
        return DatasetPresets.NAMES;
    }

    public String name() {
        return name;
    }

    public List<Policy> policies() {
        return List.copyOf(policies.values());
    }

    public List<Project> projects() {
        return List.copyOf(projects.values());
    }

    public List<Alert> alerts() {
        return alerts;
    }

    public Optional<Policy> policy(long id) {
        return Optional.ofNullable(policies.get(id));
    }

    public Optional<Project> project(long id) {
        return Optional.ofNullable(projects.get(id));
    }

    /** Whether that alert stops a build at {@code now}: active blocking policy, not ignored, delay over. */
    public boolean blocks(Alert alert, Instant now) {
        Policy policy = policies.get(alert.policyId());
        return policy != null
                && policy.active()
                && policy.blocksBuild()
                && !alert.ignored()
                && (alert.blockDelayedUntil() == null
                        || !alert.blockDelayedUntil().isAfter(now));
    }

    public List<Alert> blockingAlerts(Instant now) {
        return alerts.stream().filter(alert -> blocks(alert, now)).toList();
    }

    /** One line such as {@code demo: 5 projects, 6 policies, 40 alerts (7 blocking)}. */
    public String describe() {
        return name + ": " + projects.size() + " projects, " + policies.size() + " policies, " + alerts.size()
                + " alerts (" + blockingAlerts(Instant.now()).size() + " blocking)";
    }

    @Override
    public String toString() {
        return "Dataset[" + describe() + "]";
    }

    /** Collects policies, projects and alerts; checks that every alert refers to known ones. */
    public static final class Builder {
        private final String name;
        private final Map<Long, Policy> policies = new LinkedHashMap<>();
        private final Map<Long, Project> projects = new LinkedHashMap<>();
        private final List<AlertBuilder> alerts = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** A policy applying to every stage, without description. */
        public Builder policy(long id, String name, String level, boolean isActive, boolean isBlocksBuild) {
            return policy(new Policy(id, name, level, ALL_STAGES, isActive, isBlocksBuild, ""));
        }

        public Builder policy(Policy policy) {
            policies.put(policy.id(), policy);
            return this;
        }

        public Builder project(long id, String name) {
            projects.put(id, new Project(id, name));
            return this;
        }

        public Builder alert(AlertBuilder alert) {
            alerts.add(alert);
            return this;
        }

        public Dataset build() {
            long nextId = alerts.stream()
                            .filter(a -> a.fixedId() != null)
                            .mapToLong(AlertBuilder::fixedId)
                            .max()
                            .orElse(0)
                    + 1;
            List<Alert> built = new ArrayList<>();
            for (AlertBuilder spec : alerts) {
                Policy policy = policies.get(spec.policyId());
                if (policy == null) {
                    throw new IllegalArgumentException("alert refers to unknown policy " + spec.policyId());
                }
                if (!projects.containsKey(spec.projectId())) {
                    throw new IllegalArgumentException("alert refers to unknown project " + spec.projectId());
                }
                built.add(spec.build(spec.fixedId() != null ? spec.fixedId() : nextId++, policy.level()));
            }
            return new Dataset(name, policies, projects, built);
        }
    }
}
