package io.jenkins.plugins.codescoring.results;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.codescoring.scan.BlockingAlert;
import io.jenkins.plugins.codescoring.scan.BlockingPolicy;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** One blocking alert as the result pages show it (JavaBean getters for the Jelly views). */
public final class BlockingAlertRow {
    private final BlockingPolicy policy;
    private final BlockingAlert alert;

    BlockingAlertRow(BlockingPolicy policy, BlockingAlert alert) {
        this.policy = policy;
        this.alert = alert;
    }

    public String getPolicyName() {
        return policy.name();
    }

    /** The alert's level, or the policy's when the alert has none. */
    @CheckForNull
    public String getLevel() {
        return alert.level() != null && !alert.level().isBlank() ? alert.level() : policy.level();
    }

    @CheckForNull
    public String getProject() {
        return alert.project();
    }

    @CheckForNull
    public String getStage() {
        return alert.stage();
    }

    @CheckForNull
    public String getDependency() {
        return alert.dependencyPurl();
    }

    @CheckForNull
    public String getVulnerability() {
        return alert.vulnerability();
    }

    public List<String> getMatchedCriteria() {
        return alert.matchedCriteria();
    }

    /** New since the reference build (named so because {@code new} is a word of the views' expression language). */
    public boolean isNewAlert() {
        return alert.isNew();
    }

    /** New alerts first, the order otherwise kept. */
    private static final Comparator<BlockingAlert> NEW_FIRST = Comparator.comparing(alert -> !alert.isNew());

    /** Every blocking alert of a result grouped by policy: policies with a new alert first, in each the new alerts first. */
    static List<PolicyGroup> groupsOf(ScanResult result) {
        List<PolicyGroup> groups = new ArrayList<>();
        for (BlockingPolicy policy : result.blockingPolicies()) {
            groups.add(new PolicyGroup(policy));
        }
        groups.sort(Comparator.comparing(group -> !group.hasNewAlert()));
        return groups;
    }

    /** The first {@code limit} blocking alerts of a result, new ones first. */
    static List<BlockingAlertRow> firstOf(ScanResult result, int limit) {
        List<BlockingAlertRow> rows = new ArrayList<>();
        for (BlockingPolicy policy : result.blockingPolicies()) {
            for (BlockingAlert alert : policy.alerts()) {
                rows.add(new BlockingAlertRow(policy, alert));
            }
        }
        rows.sort(Comparator.comparing(row -> !row.isNewAlert()));
        return Collections.unmodifiableList(new ArrayList<>(rows.subList(0, Math.min(limit, rows.size()))));
    }

    /** A blocking policy with its alerts. */
    public static final class PolicyGroup {
        private final BlockingPolicy policy;

        PolicyGroup(BlockingPolicy policy) {
            this.policy = policy;
        }

        public String getName() {
            return policy.name();
        }

        @CheckForNull
        public String getLevel() {
            return policy.level();
        }

        boolean hasNewAlert() {
            return policy.alerts().stream().anyMatch(BlockingAlert::isNew);
        }

        /** Its alerts, new ones first. */
        public List<BlockingAlertRow> getAlerts() {
            List<BlockingAlert> alerts = new ArrayList<>(policy.alerts());
            alerts.sort(NEW_FIRST);
            List<BlockingAlertRow> rows = new ArrayList<>();
            for (BlockingAlert alert : alerts) {
                rows.add(new BlockingAlertRow(policy, alert));
            }
            return Collections.unmodifiableList(rows);
        }
    }
}
