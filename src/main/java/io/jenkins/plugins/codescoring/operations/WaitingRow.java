package io.jenkins.plugins.codescoring.operations;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.codescoring.results.ScanScope;
import io.jenkins.plugins.codescoring.scan.CoordinatorSnapshot;
import io.jenkins.plugins.codescoring.scanstep.ScanOwner;
import java.time.Duration;
import java.time.Instant;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One waiting scan on the operations page: its build (named and linked only for a reader who may see the job), its
 * scope, its phase in words, how long it has waited and its deadline.
 */
@ExportedBean(defaultVisibility = 2)
public final class WaitingRow {
    private final CoordinatorSnapshot.Scan scan;
    private final Instant now;
    private final ScanOwner owner;
    private final boolean visible;

    WaitingRow(CoordinatorSnapshot.Scan scan, Instant now) {
        this.scan = scan;
        this.now = now;
        this.owner = scan.owner() instanceof ScanOwner ? (ScanOwner) scan.owner() : null;
        this.visible = owner != null && owner.isVisible();
    }

    Instant requestedAt() {
        return scan.requestedAt();
    }

    /** e.g. {@code shop » main #12}; null when the build is unknown or the reader may not see its job. */
    @CheckForNull
    @Exported(skipNull = true)
    public String getBuild() {
        return visible ? owner.getDisplayName() : null;
    }

    /** The build's URL relative to Jenkins' root, e.g. {@code job/shop/job/main/12/}; null as for {@link #getBuild()}. */
    @CheckForNull
    @Exported(skipNull = true)
    public String getBuildUrl() {
        return visible ? owner.getUrl() : null;
    }

    /** Whether a build is named: false for a build in a job the reader may not see (or a scan without a build). */
    public boolean isBuildVisible() {
        return visible;
    }

    @CheckForNull
    @Exported(skipNull = true)
    public String getProject() {
        return scan.project();
    }

    @CheckForNull
    @Exported(skipNull = true)
    public String getStage() {
        return scan.stage();
    }

    /** e.g. {@code project shop, stage build}, in the reader's language. */
    public String getScope() {
        return ScanScope.describe(scan.project(), scan.stage());
    }

    /** The phase's name: REQUESTED, WAITING_FOR_OTHER, STARTED, RUNNING or COLLECTING. */
    @Exported
    public String getPhase() {
        return scan.phase().name();
    }

    /** The phase in words, in the reader's language. */
    @Exported
    public String getPhaseText() {
        return PhaseWords.of(scan.phase(), scan.runAdopted());
    }

    /** Whether the analysis the scan follows was started by another client after its request, not by this scan. */
    @Exported
    public boolean isRunAdopted() {
        return scan.runAdopted();
    }

    /** The analysis run the scan waits for, once known. */
    @CheckForNull
    @Exported(skipNull = true)
    public String getRunId() {
        return scan.runId();
    }

    @Exported
    public long getRequestedAt() {
        return scan.requestedAt().toEpochMilli();
    }

    /** How long the scan has waited, in milliseconds. */
    @Exported
    public long getWaitingMillis() {
        return Math.max(0, Duration.between(scan.requestedAt(), now).toMillis());
    }

    @Exported
    public long getDeadline() {
        return scan.deadline().toEpochMilli();
    }

    public String getWaitingText() {
        return TimeWords.span(Duration.between(scan.requestedAt(), now));
    }

    public String getDeadlineText() {
        return TimeWords.in(scan.deadline(), now);
    }
}
