package io.jenkins.plugins.codescoring.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Util;
import hudson.model.EnvironmentContributingAction;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exports the last scan's result of a freestyle build to the build steps after it, as environment
 * variables. Only non-secret values; a later scan in the same build replaces them.
 */
public final class CodescoringEnvironmentAction extends InvisibleAction implements EnvironmentContributingAction {
    public static final String VERDICT = "CODESCORING_VERDICT";
    public static final String BLOCKING_ALERTS = "CODESCORING_BLOCKING_ALERTS";
    public static final String ACTIVE_ALERTS = "CODESCORING_ACTIVE_ALERTS";
    public static final String BLOCKING_POLICIES = "CODESCORING_BLOCKING_POLICIES";
    public static final String ANALYSIS_RUN_ID = "CODESCORING_ANALYSIS_RUN_ID";
    public static final String PLATFORM_URL = "CODESCORING_PLATFORM_URL";
    public static final String PLATFORM = "CODESCORING_PLATFORM";
    public static final String ERROR_KIND = "CODESCORING_ERROR_KIND";
    /** Blocking alerts new since the reference build (all of them without one). */
    public static final String NEW_BLOCKING_ALERTS = "CODESCORING_NEW_BLOCKING_ALERTS";
    /** The reference build's number, empty without one. */
    public static final String REFERENCE_BUILD = "CODESCORING_REFERENCE_BUILD";

    private final LinkedHashMap<String, String> variables = new LinkedHashMap<>();

    CodescoringEnvironmentAction(@NonNull ScanResult result) {
        variables.put(VERDICT, result.verdict().name());
        variables.put(BLOCKING_ALERTS, Integer.toString(result.blockingAlertCount()));
        variables.put(ACTIVE_ALERTS, Integer.toString(result.activeAlerts()));
        variables.put(BLOCKING_POLICIES, String.join(",", result.blockingPolicyNames()));
        variables.put(ANALYSIS_RUN_ID, Util.fixNull(result.analysisRunId()));
        variables.put(PLATFORM, Util.fixNull(result.platformName()));
        variables.put(PLATFORM_URL, Util.fixNull(result.platformUrl()));
        variables.put(
                ERROR_KIND, result.errorKind() == null ? "" : result.errorKind().name());
        variables.put(NEW_BLOCKING_ALERTS, Integer.toString(result.newBlockingAlertCount()));
        variables.put(
                REFERENCE_BUILD, result.referenceBuild() == null ? "" : Integer.toString(result.referenceBuild()));
    }

    /** The variables, in a stable order. */
    public Map<String, String> getVariables() {
        return Collections.unmodifiableMap(variables);
    }

    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        env.putAll(variables);
    }
}
