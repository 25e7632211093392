package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.Alert;
import io.jenkins.plugins.codescoring.api.AlertScope;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.Policy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the active alerts in a scope (and the policies, when alerts only name them) and applies the gate. */
public final class AlertCollector {
    private final PolicyGate gate = new PolicyGate();

    public PolicyGate.Decision collect(CodescoringApi api, AlertScope scope, Instant now)
            throws CodescoringException, InterruptedException {
        List<Alert> alerts = api.activeAlerts(scope);
        Map<String, Policy> policies = new HashMap<>();
        if (PolicyGate.needsPolicyList(alerts)) {
            for (Policy policy : api.policies()) {
                policies.put(policy.id(), policy);
            }
        }
        return gate.evaluate(alerts, policies, now);
    }
}
