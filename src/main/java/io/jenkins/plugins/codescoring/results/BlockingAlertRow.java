package io.jenkins.plugins.codescoring.results;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.codescoring.scan.BlockingAlert;
import io.jenkins.plugins.codescoring.scan.BlockingPolicy;
import java.util.ArrayList;
import java.util.Collections;
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

        public List<BlockingAlertRow> getAlerts() {
            List<BlockingAlertRow> rows = new ArrayList<>();
            for (BlockingAlert alert : policy.alerts()) {
                rows.add(new BlockingAlertRow(policy, alert));
            }
            return Collections.unmodifiableList(rows);
        }
    }
}
