package io.jenkins.plugins.codescoring.report;

import io.jenkins.plugins.codescoring.scan.BlockOn;
import io.jenkins.plugins.codescoring.scan.PolicyGate;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A scan result as console text, the same lines the Jenkins console and the terminal runner print:
 * the verdict with its scope, the platform, the alert counts, then the blocking alerts as a table
 * (for BLOCKED) or what went wrong and what to do about it (for ERROR). Plain text, no colours; every
 * value from the platform is kept on one line and cut when too long, so the layout always holds.
 */
public final class ConsoleReport {
    public static final int DEFAULT_MAX_ROWS = 20;
    public static final String DEFAULT_OVERFLOW_HINT = "see the results page";

    private static final ConsoleReport STANDARD = builder().build();
    private static final int MAX_ERROR_MESSAGE_IN_VERDICT_LINE = 200;

    private final BlockingAlertsTable table;
    private final Function<ScanResult, String> advice;

    private ConsoleReport(Builder builder) {
        this.table = new BlockingAlertsTable(builder.maxRows, builder.overflowHint);
        this.advice = builder.advice;
    }

    /** At most {@value #DEFAULT_MAX_ROWS} alert rows, the rest pointed to the results page. */
    public static ConsoleReport standard() {
        return STANDARD;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The report, one console line per element. */
    public List<String> lines(ScanResult result) {
        List<String> lines = new ArrayList<>();
        lines.add(verdictLine(result));
        lines.add(platformLine(result));
        if (result.verdict() == Verdict.ERROR) {
            lines.add("Error (" + result.errorKind().name() + "): " + ConsoleText.cell(result.errorMessage()));
            lines.add("What to do: " + adviceFor(result));
            return lines;
        }
        lines.add(countsLine(result));
        if (result.delayedBlockingAlerts() > 0) {
            lines.add("Note: " + ConsoleText.count(result.delayedBlockingAlerts(), "alert", "alerts")
                    + " of delayed blocking policies will block once the delay has passed.");
        }
        if (result.compared()) {
            lines.addAll(NewAlertsText.lines(result));
        }
        if (result.blockingAlertCount() > 0) {
            lines.addAll(table.render(result));
        }
        return lines;
    }

    private String adviceFor(ScanResult result) {
        String text = advice.apply(result);
        return text == null ? result.errorKind().advice() : ConsoleText.cell(text);
    }

    /** The report as text, each line ended by '\n'. */
    public String render(ScanResult result) {
        StringBuilder text = new StringBuilder();
        for (String line : lines(result)) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /**
     * One line that sums the result up, e.g. {@code CodeScoring verdict: BLOCKED — 3 blocking alerts from
     * 2 policies (project shop, stage build)}.
     */
    public static String verdictLine(ScanResult result) {
        return "CodeScoring verdict: " + result.verdict() + " — " + outcome(result) + " (" + scope(result) + ")";
    }

    private static String outcome(ScanResult result) {
        switch (result.verdict()) {
            case PASSED:
                return result.alreadyBlockingAlertCount() > 0
                        ? "no new blocking alerts, " + result.alreadyBlockingAlertCount() + " already blocking"
                        : "no blocking alerts";
            case BLOCKED:
                String all = ConsoleText.count(result.blockingAlertCount(), "blocking alert", "blocking alerts")
                        + " from " + ConsoleText.count(result.blockingPolicies().size(), "policy", "policies");
                return result.blockOn() == BlockOn.NEW
                        ? ConsoleText.count(result.newBlockingAlertCount(), "new blocking alert", "new blocking alerts")
                                + " (" + all + ")"
                        : all;
            default:
                return result.errorKind().name() + ": "
                        + ConsoleText.truncate(
                                ConsoleText.cell(result.errorMessage()), MAX_ERROR_MESSAGE_IN_VERDICT_LINE);
        }
    }

    private static String scope(ScanResult result) {
        String project = result.project() == null ? "all projects" : "project " + ConsoleText.cell(result.project());
        String stage = result.stage() == null ? "all stages" : "stage " + ConsoleText.cell(result.stage());
        return project + ", " + stage;
    }

    private static String platformLine(ScanResult result) {
        String where = ConsoleText.cell(result.platformUrl());
        String line = "Platform: "
                + (result.platformName() == null
                        ? where
                        : ConsoleText.cell(result.platformName()) + " (" + where + ")");
        return result.analysisRunId() == null
                ? line
                : line + ", analysis run " + ConsoleText.cell(result.analysisRunId());
    }

    private static String countsLine(ScanResult result) {
        Map<String, Integer> named = new LinkedHashMap<>();
        PolicyGate.KNOWN_LEVELS.forEach(level -> named.put(level, 0));
        int other = 0;
        for (Map.Entry<String, Integer> entry : result.alertsByLevel().entrySet()) {
            String level = entry.getKey() == null ? "" : entry.getKey().toLowerCase(Locale.ROOT);
            if (named.containsKey(level)) {
                named.merge(level, entry.getValue(), Integer::sum);
            } else {
                other += entry.getValue();
            }
        }
        StringBuilder levels = new StringBuilder();
        named.forEach(
                (level, count) -> levels.append(level).append(' ').append(count).append(", "));
        levels.append("other ").append(other);
        return "Active alerts: " + result.activeAlerts() + " (" + levels + "), ignored " + result.ignoredAlerts()
                + ", delayed blockers " + result.delayedBlockingAlerts();
    }

    /** Options of the report. */
    public static final class Builder {
        private int maxRows = DEFAULT_MAX_ROWS;
        private String overflowHint = DEFAULT_OVERFLOW_HINT;
        private Function<ScanResult, String> advice =
                result -> result.errorKind().advice();

        private Builder() {}

        /**
         * What to do about an error, where the report is shown: by default the error kind's advice; the Jenkins
         * console, say, names the credential instead of the terminal runner's variable. Null falls back to the default.
         */
        public Builder advice(Function<ScanResult, String> value) {
            this.advice = value;
            return this;
        }

        /** The most blocking alerts listed in the table; a last line counts the others. */
        public Builder maxRows(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxRows must be at least 1");
            }
            this.maxRows = value;
            return this;
        }

        /** Where the alerts left out of the table can be seen, e.g. {@code see the results page}. */
        public Builder overflowHint(String value) {
            this.overflowHint = ConsoleText.cell(value);
            return this;
        }

        public ConsoleReport build() {
            return new ConsoleReport(this);
        }
    }
}
