package io.jenkins.plugins.codescoring.pipeline;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import io.jenkins.plugins.codescoring.results.CodescoringResultAction;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The value {@code codescoringScan} returns to a Pipeline: a map that a sandboxed script can read
 * ({@code r.verdict}, {@code r.blockingAlerts}), holding only strings, integers, booleans and a list of
 * strings. Absent texts are empty strings, never null.
 */
@Restricted(NoExternalUse.class)
public final class ScanResultMap {
    static final String VERDICT = "verdict";
    static final String PASSED = "passed";
    static final String BLOCKED = "blocked";
    static final String BLOCKING_ALERTS = "blockingAlerts";
    static final String BLOCKING_POLICIES = "blockingPolicies";
    static final String ACTIVE_ALERTS = "activeAlerts";
    static final String IGNORED_ALERTS = "ignoredAlerts";
    static final String DELAYED_BLOCKING_ALERTS = "delayedBlockingAlerts";
    static final String CRITICAL = "critical";
    static final String WARNING = "warning";
    static final String INFO = "info";
    static final String ERROR_KIND = "errorKind";
    static final String ERROR_MESSAGE = "errorMessage";
    static final String PLATFORM_URL = "platformUrl";
    static final String PLATFORM = "platform";
    static final String ANALYSIS_RUN_ID = "analysisRunId";
    static final String PROJECT = "project";
    static final String STAGE = "stage";
    static final String NEW_BLOCKING_ALERTS = "newBlockingAlerts";
    static final String REFERENCE_BUILD = "referenceBuild";
    static final String BLOCK_ON = "blockOn";

    private ScanResultMap() {}

    @NonNull
    public static Map<String, Object> of(@NonNull ScanResult result) {
        Map<String, Integer> levels = CodescoringResultAction.alertsByLevel(result);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(VERDICT, result.verdict().name());
        map.put(PASSED, result.verdict() == Verdict.PASSED);
        map.put(BLOCKED, result.verdict() == Verdict.BLOCKED);
        map.put(BLOCKING_ALERTS, result.blockingAlertCount());
        map.put(BLOCKING_POLICIES, new ArrayList<>(result.blockingPolicyNames()));
        map.put(ACTIVE_ALERTS, result.activeAlerts());
        map.put(IGNORED_ALERTS, result.ignoredAlerts());
        map.put(DELAYED_BLOCKING_ALERTS, result.delayedBlockingAlerts());
        map.put(CRITICAL, levels.get("critical"));
        map.put(WARNING, levels.get("warning"));
        map.put(INFO, levels.get("info"));
        map.put(ERROR_KIND, result.errorKind() == null ? "" : result.errorKind().name());
        map.put(ERROR_MESSAGE, Util.fixNull(result.errorMessage()));
        map.put(PLATFORM, Util.fixNull(result.platformName()));
        map.put(PLATFORM_URL, Util.fixNull(result.platformUrl()));
        map.put(ANALYSIS_RUN_ID, Util.fixNull(result.analysisRunId()));
        map.put(PROJECT, Util.fixNull(result.project()));
        map.put(STAGE, Util.fixNull(result.stage()));
        map.put(NEW_BLOCKING_ALERTS, result.newBlockingAlertCount());
        Integer reference = result.referenceBuild();
        map.put(REFERENCE_BUILD, reference == null ? Integer.valueOf(0) : reference);
        map.put(BLOCK_ON, result.blockOn() == null ? "" : result.blockOn().name());
        return map;
    }
}
