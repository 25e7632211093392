package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.Alert;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Decides which active alerts block the build. An alert blocks when it is not ignored, its policy is
 * active and flagged {@code is_blocks_build}, and its block is not delayed past now. Everything else is
 * counted but does not block.
 */
public final class PolicyGate {
    /** The policy levels of CodeScoring, most severe first: a decision counts each of them, in this order, before any other. */
    public static final List<String> KNOWN_LEVELS = List.of("critical", "warning", "info");

    /** What the gate found in one set of alerts. */
    public static final class Decision {
        private final List<BlockingPolicy> blockingPolicies;
        private final Map<String, Integer> alertsByLevel;
        private final int activeAlerts;
        private final int ignoredAlerts;
        private final int delayedBlockingAlerts;

        Decision(
                List<BlockingPolicy> blockingPolicies,
                Map<String, Integer> alertsByLevel,
                int activeAlerts,
                int ignoredAlerts,
                int delayedBlockingAlerts) {
            this.blockingPolicies = blockingPolicies;
            this.alertsByLevel = alertsByLevel;
            this.activeAlerts = activeAlerts;
            this.ignoredAlerts = ignoredAlerts;
            this.delayedBlockingAlerts = delayedBlockingAlerts;
        }

        public boolean blocks() {
            return !blockingPolicies.isEmpty();
        }

        public List<BlockingPolicy> blockingPolicies() {
            return blockingPolicies;
        }

        public Map<String, Integer> alertsByLevel() {
            return alertsByLevel;
        }

        public int activeAlerts() {
            return activeAlerts;
        }

        public int ignoredAlerts() {
            return ignoredAlerts;
        }

        public int delayedBlockingAlerts() {
            return delayedBlockingAlerts;
        }

        /** Adds this decision's findings to a result builder of the matching verdict. */
        public ScanResult.Builder applyTo(ScanResult.Builder builder) {
            return builder.blockingPolicies(blockingPolicies)
                    .alertsByLevel(alertsByLevel)
                    .activeAlerts(activeAlerts)
                    .ignoredAlerts(ignoredAlerts)
                    .delayedBlockingAlerts(delayedBlockingAlerts);
        }
    }

    /**
     * @param policiesById policies to join alerts that name only a policy id; may be empty when every
     *     alert embeds its policy
     * @throws CodescoringException UNREADABLE_RESPONSE when an alert names a policy that is not known:
     *     a gate must not guess
     */
    public Decision evaluate(List<Alert> alerts, Map<String, Policy> policiesById, Instant now)
            throws CodescoringException {
        Map<String, Integer> byLevel = new LinkedHashMap<>();
        for (String level : KNOWN_LEVELS) {
            byLevel.put(level, 0);
        }
        Map<String, List<BlockingAlert>> blockingByPolicy = new TreeMap<>();
        Map<String, Policy> blockingPolicies = new LinkedHashMap<>();
        int ignored = 0;
        int delayed = 0;
        for (Alert alert : alerts) {
            Policy policy = policyOf(alert, policiesById);
            if (alert.isIgnored()) {
                ignored++;
                continue;
            }
            String level = levelOf(alert, policy);
            byLevel.merge(level, 1, Integer::sum);
            if (!policy.isActive() || !policy.isBlocksBuild()) {
                continue;
            }
            if (alert.blockDelayedUntil() != null && alert.blockDelayedUntil().isAfter(now)) {
                delayed++;
                continue;
            }
            blockingPolicies.putIfAbsent(policy.id(), policy);
            blockingByPolicy
                    .computeIfAbsent(policy.id(), id -> new ArrayList<>())
                    .add(toBlockingAlert(alert, level));
        }
        List<BlockingPolicy> grouped = new ArrayList<>();
        for (Map.Entry<String, List<BlockingAlert>> entry : blockingByPolicy.entrySet()) {
            Policy policy = blockingPolicies.get(entry.getKey());
            List<BlockingAlert> policyAlerts = entry.getValue();
            policyAlerts.sort(
                    Comparator.comparing(BlockingAlert::dependencyPurl, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(BlockingAlert::id, Comparator.nullsLast(Comparator.naturalOrder())));
            grouped.add(new BlockingPolicy(policy.id(), policy.name(), policy.level(), policyAlerts));
        }
        grouped.sort(Comparator.comparing(BlockingPolicy::name).thenComparing(BlockingPolicy::id));
        return new Decision(grouped, byLevel, alerts.size(), ignored, delayed);
    }

    /** Whether any alert lacks an embedded policy, so the policy list must be read to join them. */
    public static boolean needsPolicyList(List<Alert> alerts) {
        for (Alert alert : alerts) {
            if (alert.policy() == null) {
                return true;
            }
        }
        return false;
    }

    private static Policy policyOf(Alert alert, Map<String, Policy> policiesById) throws CodescoringException {
        Policy listed = policiesById.get(alert.policyId());
        Policy policy = alert.policy() != null ? alert.policy() : listed;
        if (policy == null) {
            throw new CodescoringException(
                    ErrorKind.UNREADABLE_RESPONSE,
                    "Alert " + alert.id() + " names policy " + alert.policyId()
                            + ", which the platform's policy list does not contain.");
        }
        return policy;
    }

    private static String levelOf(Alert alert, Policy policy) {
        String level = alert.level() != null && !alert.level().isBlank() ? alert.level() : policy.level();
        return level == null || level.isBlank() ? "unknown" : level.trim().toLowerCase(Locale.ROOT);
    }

    private static BlockingAlert toBlockingAlert(Alert alert, String level) {
        String project = alert.project() == null ? null : alert.project().label();
        return new BlockingAlert(
                alert.id(),
                project,
                alert.stage(),
                level,
                alert.dependencyPurl(),
                Objects.toString(alert.vulnerability(), null),
                alert.matchedCriteria());
    }
}
