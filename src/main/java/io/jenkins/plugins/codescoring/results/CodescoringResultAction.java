package io.jenkins.plugins.codescoring.results;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.scan.PolicyGate;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import jenkins.model.RunAction2;

/**
 * The result of one scan, kept with the build: a summary on the build page and a page of its own
 * ({@code codescoring-1}, {@code codescoring-2}, ... when a build scans more than once). Stores plain
 * data only; nothing in a result is secret.
 */
public final class CodescoringResultAction implements RunAction2 {
    static final String URL_PREFIX = "codescoring-";
    private static final String ICON_PLUGIN = " plugin-codescoring";
    /** How many blocking alerts the summary on the build page lists. */
    static final int SUMMARY_ALERTS = 5;

    private static final Object ATTACHING = new Object();

    private final int index;
    private final StoredScanResult stored;
    private transient volatile ScanResult result;
    private transient Run<?, ?> run;

    CodescoringResultAction(int index, ScanResult result) {
        this.index = index;
        this.stored = StoredScanResult.of(result);
        this.result = result;
    }

    /** Adds the result to the run as its next scan (numbered from 1) and saves the run. */
    public static CodescoringResultAction attach(@NonNull Run<?, ?> run, @NonNull ScanResult result)
            throws IOException {
        CodescoringResultAction action;
        synchronized (ATTACHING) { // parallel branches of one Pipeline may finish scans at the same moment
            List<CodescoringResultAction> existing = run.getActions(CodescoringResultAction.class);
            for (CodescoringResultAction earlier : existing) {
                if (earlier.isFor(result)) {
                    // A restart between attaching and completing the step reports the same result again.
                    return earlier;
                }
            }
            action = new CodescoringResultAction(existing.size() + 1, result);
            run.addAction(action);
        }
        run.save();
        return action;
    }

    /**
     * Whether this action records that very scan: the same scope (project, stage), platform, analysis run,
     * verdict and error kind, and the same request and decision times (to the millisecond, as stored).
     * Parallel branches can end at the same moment with the same verdict; their scope or run tells them apart.
     */
    private boolean isFor(ScanResult other) {
        ScanResult mine = getResult();
        return mine.verdict() == other.verdict()
                && mine.errorKind() == other.errorKind()
                && Objects.equals(mine.project(), other.project())
                && Objects.equals(mine.stage(), other.stage())
                && Objects.equals(mine.analysisRunId(), other.analysisRunId())
                && Objects.equals(mine.platformUrl(), other.platformUrl())
                && Objects.equals(millis(mine.requestedAt()), millis(other.requestedAt()))
                && Objects.equals(millis(mine.finishedAt()), millis(other.finishedAt()));
    }

    private static Long millis(@CheckForNull Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @CheckForNull
    public Run<?, ?> getRun() {
        return run;
    }

    /** A symbol per verdict: a shield with a check mark, with a cross, or dashed with an exclamation mark. */
    @Override
    public String getIconFileName() {
        switch (getResult().verdict()) {
            case PASSED:
                return "symbol-codescoring-passed" + ICON_PLUGIN;
            case BLOCKED:
                return "symbol-codescoring-blocked" + ICON_PLUGIN;
            default:
                return "symbol-codescoring-error" + ICON_PLUGIN;
        }
    }

    /** What the verdict's icon says, for screen readers and as its tooltip. */
    public String getIconText() {
        switch (getResult().verdict()) {
            case PASSED:
                return getResult().alreadyBlockingAlertCount() > 0
                        ? Messages.CodescoringResultAction_IconPassedNoNew()
                        : Messages.CodescoringResultAction_IconPassed();
            case BLOCKED:
                return Messages.CodescoringResultAction_IconBlocked();
            default:
                return Messages.CodescoringResultAction_IconError();
        }
    }

    /** Jenkins' colour for the verdict's icon where a page draws it in colour (the shapes differ too). */
    public String getIconColorClass() {
        switch (getResult().verdict()) {
            case PASSED:
                return "jenkins-!-success-color";
            case BLOCKED:
                return "jenkins-!-error-color";
            default:
                return "jenkins-!-warning-color";
        }
    }

    /** e.g. {@code project shop, stage build} or {@code all projects, all stages}, in the reader's language. */
    public String getScope() {
        return ScanScope.describe(getResult().project(), getResult().stage());
    }

    @Override
    public String getDisplayName() {
        return index <= 1
                ? Messages.CodescoringResultAction_DisplayName()
                : Messages.CodescoringResultAction_DisplayNameNumbered(index);
    }

    @Override
    public String getUrlName() {
        return URL_PREFIX + index;
    }

    /** 1 for the first scan of the build, 2 for the second, ... */
    public int getIndex() {
        return index;
    }

    /** The result as the scan engine made it. */
    @NonNull
    public ScanResult getResult() {
        ScanResult value = result;
        if (value == null) {
            value = stored.toScanResult();
            result = value;
        }
        return value;
    }

    public String getVerdict() {
        return getResult().verdict().name();
    }

    public boolean isPassed() {
        return getResult().verdict() == Verdict.PASSED;
    }

    public boolean isBlocked() {
        return getResult().verdict() == Verdict.BLOCKED;
    }

    public boolean isError() {
        return getResult().verdict() == Verdict.ERROR;
    }

    /** The project scanned, or null for all projects. */
    @CheckForNull
    public String getProject() {
        return getResult().project();
    }

    /** The stage scanned, or null for all stages. */
    @CheckForNull
    public String getStage() {
        return getResult().stage();
    }

    @CheckForNull
    public String getAnalysisRunId() {
        return getResult().analysisRunId();
    }

    /** The platform's name in the global configuration, or null (a result recorded before platforms had names). */
    @CheckForNull
    public String getPlatformName() {
        return getResult().platformName();
    }

    /** The platform's address when it is an http(s) URL (safe to link to), else null. */
    @CheckForNull
    public String getPlatformUrl() {
        String url = getResult().platformUrl();
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url : null;
    }

    public int getBlockingAlertCount() {
        return getResult().blockingAlertCount();
    }

    public int getBlockingPolicyCount() {
        return getResult().blockingPolicies().size();
    }

    public int getActiveAlerts() {
        return getResult().activeAlerts();
    }

    public int getIgnoredAlerts() {
        return getResult().ignoredAlerts();
    }

    public int getDelayedBlockingAlerts() {
        return getResult().delayedBlockingAlerts();
    }

    /** Active alerts by level: critical, warning and info always, then any other level the platform used. */
    public Map<String, Integer> getAlertsByLevel() {
        return alertsByLevel(getResult());
    }

    public static Map<String, Integer> alertsByLevel(ScanResult result) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        PolicyGate.KNOWN_LEVELS.forEach(level -> levels.put(level, 0));
        for (Map.Entry<String, Integer> entry : result.alertsByLevel().entrySet()) {
            String level = entry.getKey() == null || entry.getKey().isBlank()
                    ? "-"
                    : entry.getKey().toLowerCase(Locale.ROOT);
            Integer count = entry.getValue();
            levels.merge(level, count == null ? Integer.valueOf(0) : count, Integer::sum);
        }
        return levels;
    }

    @CheckForNull
    public String getErrorKind() {
        ErrorKind kind = getResult().errorKind();
        return kind == null ? null : kind.name();
    }

    @CheckForNull
    public String getErrorMessage() {
        return getResult().errorMessage();
    }

    /** What to check next after an error, in the reader's language. */
    @CheckForNull
    public String getErrorAdvice() {
        ErrorKind kind = getResult().errorKind();
        return kind == null ? null : ErrorAdvice.of(kind);
    }

    /** Every blocking alert, grouped by policy (the full page); new ones first. */
    public List<BlockingAlertRow.PolicyGroup> getPolicyGroups() {
        return BlockingAlertRow.groupsOf(getResult());
    }

    /** The first {@value #SUMMARY_ALERTS} blocking alerts, new ones first (the build page's summary). */
    public List<BlockingAlertRow> getSummaryAlerts() {
        return BlockingAlertRow.firstOf(getResult(), SUMMARY_ALERTS);
    }

    /** New blocking alerts and the rule that decided, or null when the result compared nothing (errors, older records). */
    @CheckForNull
    public NewAlertsSummary getNewAlerts() {
        return getResult().compared() ? new NewAlertsSummary(getResult(), run) : null;
    }

    /** How many blocking alerts the summary leaves out. */
    public int getAlertsNotInSummary() {
        return Math.max(0, getBlockingAlertCount() - SUMMARY_ALERTS);
    }

    /** e.g. {@code and 3 more blocking alerts}, in the reader's language. */
    public String getAlertsNotInSummaryText() {
        return Plurals.count("Plural.MoreBlockingAlerts", getAlertsNotInSummary());
    }

    /** e.g. {@code 1 blocking alert; 4 active alerts (critical 2, warning 1, info 1)}, in the reader's language. */
    public String getCountsText() {
        Map<String, Integer> levels = getAlertsByLevel();
        return Messages.CodescoringResultAction_Counts(
                Plurals.count("Plural.BlockingAlerts", getBlockingAlertCount()),
                Plurals.count("Plural.ActiveAlerts", getActiveAlerts()),
                levels.get("critical"),
                levels.get("warning"),
                levels.get("info"));
    }

    @Override
    public String toString() {
        return "CodescoringResultAction[" + getUrlName() + ", " + getResult() + "]";
    }
}
