package io.jenkins.plugins.codescoring.report;

import io.jenkins.plugins.codescoring.scan.BlockingAlert;
import io.jenkins.plugins.codescoring.scan.BlockingPolicy;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The blocking alerts of a result as a table in the spirit of the CodeScoring CLI's "Policy alerts"
 * table: one row per alert, new ones first (see {@link ScanResult#compared()}), then by policy and dependency, with its matched criteria (and, when the
 * scan's scope did not fix them, its project and stage) under the row; at most {@code maxRows} rows.
 */
final class BlockingAlertsTable {
    private static final List<TextTable.Column> COLUMNS = List.of(
            new TextTable.Column("Policy", 40),
            new TextTable.Column("Blocks build", 12),
            new TextTable.Column("Level", 10),
            new TextTable.Column("Dependency", 56),
            new TextTable.Column("Vulnerability", 20));
    /** With the "New" column, for results compared with a reference build. */
    private static final List<TextTable.Column> COLUMNS_WITH_NEW = List.of(
            COLUMNS.get(0),
            COLUMNS.get(1),
            COLUMNS.get(2),
            COLUMNS.get(3),
            COLUMNS.get(4),
            new TextTable.Column("New", 3));
    /** New alerts first (when the scan compared them with a reference build), then by policy and dependency. */
    private static final Comparator<String> TEXT_ORDER = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);

    private static final Comparator<Row> ROW_ORDER = Comparator.comparing((Row row) -> !row.alert.isNew())
            .thenComparing((Row row) -> row.policy.name(), TEXT_ORDER)
            .thenComparing(row -> row.policy.id(), TEXT_ORDER)
            .thenComparing(row -> row.alert.dependencyPurl(), TEXT_ORDER)
            .thenComparing(row -> row.alert.id(), TEXT_ORDER);

    private final int maxRows;
    private final String overflowHint;

    BlockingAlertsTable(int maxRows, String overflowHint) {
        this.maxRows = maxRows;
        this.overflowHint = overflowHint;
    }

    List<String> render(ScanResult result) {
        List<Row> rows = sortedRows(result);
        TextTable table = new TextTable(result.compared() ? COLUMNS_WITH_NEW : COLUMNS);
        for (Row row : rows.subList(0, Math.min(maxRows, rows.size()))) {
            table.addRow(row.cells(result), row.details(result));
        }
        List<String> lines = new ArrayList<>(table.render());
        int hidden = rows.size() - maxRows;
        if (hidden > 0) {
            lines.add(ConsoleText.ELLIPSIS + " and "
                    + ConsoleText.count(hidden, "more blocking alert", "more blocking alerts") + " (" + overflowHint
                    + ")");
        }
        return lines;
    }

    private static List<Row> sortedRows(ScanResult result) {
        List<Row> rows = new ArrayList<>();
        for (BlockingPolicy policy : result.blockingPolicies()) {
            for (BlockingAlert alert : policy.alerts()) {
                rows.add(new Row(policy, alert));
            }
        }
        rows.sort(ROW_ORDER);
        return rows;
    }

    /** One blocking alert with the policy it comes from. */
    private static final class Row {
        final BlockingPolicy policy;
        final BlockingAlert alert;

        Row(BlockingPolicy policy, BlockingAlert alert) {
            this.policy = policy;
            this.alert = alert;
        }

        /** With a "New" column (yes or no) when the scan compared its alerts with a reference build. */
        List<String> cells(ScanResult result) {
            String level = alert.level() != null && !alert.level().isBlank() ? alert.level() : policy.level();
            List<String> cells = new ArrayList<>(
                    Arrays.asList(policy.name(), "yes", level, alert.dependencyPurl(), alert.vulnerability()));
            if (result.compared()) {
                cells.add(alert.isNew() ? "yes" : "no");
            }
            return cells;
        }

        List<String> details(ScanResult result) {
            List<String> details = new ArrayList<>();
            String where = where(result);
            if (where != null) {
                details.add(where);
            }
            for (String criterion : alert.matchedCriteria()) {
                details.add("- " + ConsoleText.cell(criterion));
            }
            return details;
        }

        /** "in project shop, stage build", leaving out what the scan's scope already says; null if nothing. */
        private String where(ScanResult result) {
            List<String> parts = new ArrayList<>();
            if (alert.project() != null && !Objects.equals(alert.project(), result.project())) {
                parts.add("project " + ConsoleText.cell(alert.project()));
            }
            if (alert.stage() != null && !Objects.equals(alert.stage(), result.stage())) {
                parts.add("stage " + ConsoleText.cell(alert.stage()));
            }
            return parts.isEmpty() ? null : "in " + String.join(", ", parts);
        }
    }
}
