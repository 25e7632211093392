package io.jenkins.plugins.codescoring.operations;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.codescoring.api.AnalysisStatus;
import io.jenkins.plugins.codescoring.config.Platform;
import io.jenkins.plugins.codescoring.config.WebhookActivity;
import io.jenkins.plugins.codescoring.scan.CoordinatorSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One platform on the operations page: what its coordinators hold (one per credential used with it), merged. The
 * current analysis is the one most recently read; counters are summed; the waiting scans of all its credentials form
 * one list, longest waiting first. Times are milliseconds since the epoch in the JSON, words on the page.
 */
@ExportedBean(defaultVisibility = 2)
public final class PlatformSection {
    private final String name;
    private final String url;
    private final boolean configured;
    private final Instant now;
    private final int connections;
    private final CoordinatorSnapshot.Stream latest;
    private final CoordinatorSnapshot.Stream failing;
    private final Instant nextReadAt;
    private final long statusReads;
    private final long analysesStarted;
    private final String lastError;
    private final Instant lastErrorAt;
    private final List<WaitingRow> waiting;
    private final WebhookSection webhook;

    private PlatformSection(
            String name,
            String url,
            boolean configured,
            List<CoordinatorSnapshot> snapshots,
            Instant now,
            WebhookSection webhook) {
        this.name = name;
        this.url = url;
        this.configured = configured;
        this.now = now;
        this.connections = snapshots.size();
        this.webhook = webhook;
        CoordinatorSnapshot.Stream newest = null;
        CoordinatorSnapshot.Stream worst = null;
        CoordinatorSnapshot.Stream erred = null;
        Instant next = null;
        long reads = 0;
        long starts = 0;
        List<WaitingRow> rows = new ArrayList<>();
        for (CoordinatorSnapshot snapshot : snapshots) {
            CoordinatorSnapshot.Stream stream = snapshot.stream();
            reads += stream.statusReads();
            starts += stream.analysesStarted();
            if (stream.lastStatusReadAt() != null
                    && (newest == null || stream.lastStatusReadAt().isAfter(newest.lastStatusReadAt()))) {
                newest = stream;
            }
            if (stream.failedReadsInRow() > 0
                    && (worst == null || stream.failedReadsInRow() > worst.failedReadsInRow())) {
                worst = stream;
            }
            if (stream.lastErrorAt() != null
                    && (erred == null || stream.lastErrorAt().isAfter(erred.lastErrorAt()))) {
                erred = stream;
            }
            if (snapshot.nextReadAt() != null
                    && !snapshot.scans().isEmpty()
                    && (next == null || snapshot.nextReadAt().isBefore(next))) {
                next = snapshot.nextReadAt();
            }
            for (CoordinatorSnapshot.Scan scan : snapshot.scans()) {
                rows.add(new WaitingRow(scan, now));
            }
        }
        rows.sort(Comparator.comparing(WaitingRow::requestedAt));
        this.latest = newest;
        this.failing = worst;
        this.nextReadAt = next;
        this.statusReads = reads;
        this.analysesStarted = starts;
        this.lastError = erred == null ? null : erred.lastError();
        this.lastErrorAt = erred == null ? null : erred.lastErrorAt();
        this.waiting = Collections.unmodifiableList(rows);
    }

    static PlatformSection of(Platform platform, List<CoordinatorSnapshot> snapshots, Instant now) {
        return new PlatformSection(
                platform.name(),
                platform.getUrl(),
                true,
                snapshots,
                now,
                new WebhookSection(platform.getWebhookCredentialsId() != null, WebhookActivity.tally(platform.name())));
    }

    /** Scans still waiting on a platform whose URL the configuration no longer names. */
    static PlatformSection unconfigured(String url, List<CoordinatorSnapshot> snapshots, Instant now) {
        return new PlatformSection(null, url, false, snapshots, now, null);
    }

    /** The platform's name in the configuration; null for a platform no longer configured. */
    @CheckForNull
    @Exported
    public String getName() {
        return name;
    }

    @Exported
    public String getUrl() {
        return url;
    }

    /** False for a platform the configuration no longer names, whose scans still wait. */
    @Exported
    public boolean isConfigured() {
        return configured;
    }

    /** How many credentials have been used with this platform lately (one coordinator each). */
    @Exported
    public int getConnections() {
        return connections;
    }

    /** The platform's last analysis as last read: its run id, or null. */
    @CheckForNull
    @Exported(skipNull = true)
    public String getCurrentRun() {
        AnalysisStatus status = latest == null ? null : latest.lastStatus();
        return status == null ? null : status.runId();
    }

    /** The run's name for the page in the reader's language, e.g. {@code run 42}; null before the first read. */
    @CheckForNull
    public String getCurrentRunName() {
        AnalysisStatus status = latest == null ? null : latest.lastStatus();
        if (status == null) {
            return null;
        }
        return status.runId() != null
                ? Messages.PlatformSection_Run(status.runId())
                : status.startedAt() != null
                        ? Messages.PlatformSection_RunStarted(status.startedAt())
                        : Messages.PlatformSection_LastRun();
    }

    /** The status word as the platform wrote it, e.g. {@code in_progress}; null before the first read. */
    @CheckForNull
    @Exported(skipNull = true)
    public String getCurrentStatus() {
        AnalysisStatus status = latest == null ? null : latest.lastStatus();
        return status == null ? null : status.word().isEmpty() ? "-" : status.word();
    }

    /** Whether the last status read showed an analysis running. */
    @Exported
    public boolean isAnalysisRunning() {
        AnalysisStatus status = latest == null ? null : latest.lastStatus();
        return status != null && status.phase() == io.jenkins.plugins.codescoring.api.RunPhase.RUNNING;
    }

    /** Since when the reads have shown this run with this status. */
    @CheckForNull
    @Exported(skipNull = true)
    public Long getCurrentSince() {
        return millis(latest == null ? null : latest.lastStatusSince());
    }

    @CheckForNull
    @Exported(skipNull = true)
    public Long getLastReadAt() {
        return millis(latest == null ? null : latest.lastStatusReadAt());
    }

    /** When the status will be read next; null when no scan waits. */
    @CheckForNull
    @Exported(skipNull = true)
    public Long getNextReadAt() {
        return millis(nextReadAt);
    }

    @Exported
    public int getFailedReadsInRow() {
        return failing == null ? 0 : failing.failedReadsInRow();
    }

    @CheckForNull
    @Exported(skipNull = true)
    public Long getFailingSince() {
        return millis(failing == null ? null : failing.failingSince());
    }

    /** The last failed call's kind and message (no credential), or null. */
    @CheckForNull
    @Exported(skipNull = true)
    public String getLastError() {
        return lastError;
    }

    @CheckForNull
    @Exported(skipNull = true)
    public Long getLastErrorAt() {
        return millis(lastErrorAt);
    }

    /** Status reads since the controller started (while scans waited), failed ones included. */
    @Exported
    public long getStatusReads() {
        return statusReads;
    }

    /** Analyses this controller started on the platform since it started. */
    @Exported
    public long getAnalysesStarted() {
        return analysesStarted;
    }

    /** The waiting scans, longest waiting first. */
    @Exported(inline = true)
    public List<WaitingRow> getWaiting() {
        return waiting;
    }

    @CheckForNull
    @Exported(inline = true, skipNull = true)
    public WebhookSection getWebhook() {
        return webhook;
    }

    /** How long the reads have shown the current run with its status word, e.g. {@code 3 min 10 sec}; null before the first read. */
    @CheckForNull
    public String getCurrentForText() {
        Instant since = latest == null ? null : latest.lastStatusSince();
        return since == null ? null : TimeWords.span(java.time.Duration.between(since, now));
    }

    @CheckForNull
    public String getLastReadText() {
        return TimeWords.ago(latest == null ? null : latest.lastStatusReadAt(), now);
    }

    @CheckForNull
    public String getNextReadText() {
        return TimeWords.in(nextReadAt, now);
    }

    @CheckForNull
    public String getFailingSinceText() {
        return TimeWords.ago(failing == null ? null : failing.failingSince(), now);
    }

    @CheckForNull
    public String getLastErrorText() {
        return TimeWords.ago(lastErrorAt, now);
    }

    @CheckForNull
    static Long millis(@CheckForNull Instant at) {
        return at == null ? null : at.toEpochMilli();
    }
}
