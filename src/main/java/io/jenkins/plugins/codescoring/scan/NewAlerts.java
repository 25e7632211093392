package io.jenkins.plugins.codescoring.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares a scan's blocking alerts with its reference build's ({@link AlertBaseline}) and applies the
 * {@link BlockOn} rule. Without a reference every blocking alert is new.
 */
public final class NewAlerts {
    private NewAlerts() {}

    /** The policies with each alert marked new or already blocking; the order stays. */
    public static List<BlockingPolicy> mark(List<BlockingPolicy> policies, AlertBaseline baseline) {
        List<BlockingPolicy> marked = new ArrayList<>();
        for (BlockingPolicy policy : policies) {
            List<BlockingAlert> alerts = new ArrayList<>();
            for (BlockingAlert alert : policy.alerts()) {
                boolean isNew = baseline == null || !baseline.contains(AlertIdentity.of(policy, alert));
                alerts.add(alert.markedNew(isNew));
            }
            marked.add(new BlockingPolicy(policy.id(), policy.name(), policy.level(), alerts));
        }
        return marked;
    }

    /** How many of the (marked) alerts are new. */
    public static int countNew(List<BlockingPolicy> policies) {
        int count = 0;
        for (BlockingPolicy policy : policies) {
            for (BlockingAlert alert : policy.alerts()) {
                if (alert.isNew()) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Whether the (marked) alerts block under the rule: any of them for ALL, a new one for NEW. */
    public static boolean blocks(List<BlockingPolicy> policies, BlockOn rule) {
        if (BlockOn.orDefault(rule) == BlockOn.ALL) {
            for (BlockingPolicy policy : policies) {
                if (!policy.alerts().isEmpty()) {
                    return true;
                }
            }
            return false;
        }
        return countNew(policies) > 0;
    }
}
