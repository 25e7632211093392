package io.jenkins.plugins.codescoring.operations;

import io.jenkins.plugins.codescoring.results.CodescoringResultAction;
import io.jenkins.plugins.codescoring.results.Plurals;

/** What the CodeScoring column shows for one job: the verdict's icon and text, the blocking alerts, the link. */
public final class VerdictCell {
    private final String url;
    private final CodescoringResultAction shown;
    private final int blockingAlerts;
    private final int scans;

    VerdictCell(String url, CodescoringResultAction shown, int blockingAlerts, int scans) {
        this.url = url;
        this.shown = shown;
        this.blockingAlerts = blockingAlerts;
        this.scans = scans;
    }

    /** The results page, relative to Jenkins' root. */
    public String getUrl() {
        return url;
    }

    public String getIconFileName() {
        return shown.getIconFileName();
    }

    public String getIconColorClass() {
        return shown.getIconColorClass();
    }

    /** The verdict in words, for screen readers and as the tooltip. */
    public String getIconText() {
        return shown.getIconText();
    }

    /** Blocking alerts of all the build's scans. */
    public int getBlockingAlerts() {
        return blockingAlerts;
    }

    /** e.g. {@code 3 blocking alerts}, in the reader's language. */
    public String getBlockingAlertsText() {
        return Plurals.count("Plural.BlockingAlerts", blockingAlerts);
    }

    /** How many scans the build ran; the cell shows the worst of them. */
    public int getScans() {
        return scans;
    }

    /** For sorting the column: blocked first when sorted descending, then errors, then passes; more alerts higher. */
    public long getSortKey() {
        long rank = shown.isBlocked() ? 2 : shown.isError() ? 1 : 0;
        return rank * 1_000_000L + blockingAlerts;
    }
}
