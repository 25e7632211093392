package io.jenkins.plugins.codescoring.results;

import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.scan.BlockOn;
import io.jenkins.plugins.codescoring.scan.BlockingPolicy;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A {@link ScanResult} in the form stored in {@code build.xml}: the same plain data with times as epoch
 * milliseconds, because Jenkins' XStream refuses {@code java.time} types (JEP-200). Independent of the
 * JSON report schema, so old builds stay readable when that schema moves on.
 */
@Restricted(NoExternalUse.class)
public final class StoredScanResult {
    private final Verdict verdict;
    private final ErrorKind errorKind;
    private final String errorMessage;
    private final String platformUrl;
    private final String platformName;
    private final String analysisRunId;
    private final String project;
    private final String stage;
    private final int activeAlerts;
    private final int ignoredAlerts;
    private final int delayedBlockingAlerts;
    private final LinkedHashMap<String, Integer> alertsByLevel;
    private final ArrayList<BlockingPolicy> blockingPolicies;
    private final Long requestedAt;
    private final Long finishedAt;
    /** Null in records made before the comparison with a reference build existed. */
    private final BlockOn blockOn;

    private final Integer referenceBuild;

    private StoredScanResult(ScanResult result) {
        this.verdict = result.verdict();
        this.errorKind = result.errorKind();
        this.errorMessage = result.errorMessage();
        this.platformUrl = result.platformUrl();
        this.platformName = result.platformName();
        this.analysisRunId = result.analysisRunId();
        this.project = result.project();
        this.stage = result.stage();
        this.activeAlerts = result.activeAlerts();
        this.ignoredAlerts = result.ignoredAlerts();
        this.delayedBlockingAlerts = result.delayedBlockingAlerts();
        this.alertsByLevel = new LinkedHashMap<>(result.alertsByLevel());
        this.blockingPolicies = new ArrayList<>(result.blockingPolicies());
        this.requestedAt =
                result.requestedAt() == null ? null : result.requestedAt().toEpochMilli();
        this.finishedAt =
                result.finishedAt() == null ? null : result.finishedAt().toEpochMilli();
        this.blockOn = result.blockOn();
        this.referenceBuild = result.referenceBuild();
    }

    public static StoredScanResult of(ScanResult result) {
        return new StoredScanResult(result);
    }

    /** The result back; a stored ERROR without its kind (hand-edited XML) becomes an UNREADABLE_RESPONSE error. */
    public ScanResult toScanResult() {
        Verdict storedVerdict = verdict == null ? Verdict.ERROR : verdict;
        ScanResult.Builder builder = ScanResult.builder(storedVerdict);
        if (storedVerdict == Verdict.ERROR) {
            builder.error(errorKind == null ? ErrorKind.UNREADABLE_RESPONSE : errorKind, errorMessage);
        }
        return builder.platformUrl(platformUrl)
                .platformName(platformName)
                .analysisRunId(analysisRunId)
                .project(project)
                .stage(stage)
                .activeAlerts(activeAlerts)
                .ignoredAlerts(ignoredAlerts)
                .delayedBlockingAlerts(delayedBlockingAlerts)
                .alertsByLevel(alertsByLevel == null ? new LinkedHashMap<>() : alertsByLevel)
                .blockingPolicies(blockingPolicies == null ? new ArrayList<>() : blockingPolicies)
                .requestedAt(requestedAt == null ? null : Instant.ofEpochMilli(requestedAt))
                .finishedAt(finishedAt == null ? null : Instant.ofEpochMilli(finishedAt))
                .comparison(storedVerdict == Verdict.ERROR ? null : blockOn, referenceBuild)
                .build();
    }
}
