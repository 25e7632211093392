package io.jenkins.plugins.codescoring.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table whose layout holds whatever the cells contain: each column is as wide as its
 * widest cell up to a limit, longer cells are cut with an ellipsis, nulls show as "-", and every row
 * stays on one line. A row may carry detail lines, printed indented under it.
 */
final class TextTable {
    static final String COLUMN_SEPARATOR = " | ";
    static final String DETAIL_INDENT = "    ";

    /** A column: its header and the most characters a cell may take. */
    static final class Column {
        final String header;
        final int maxWidth;

        Column(String header, int maxWidth) {
            if (maxWidth < ConsoleText.width(header)) {
                throw new IllegalArgumentException("column " + header + " is narrower than its header");
            }
            this.header = header;
            this.maxWidth = maxWidth;
        }
    }

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<List<String>> details = new ArrayList<>();

    TextTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Adds a row of exactly one cell per column, with detail lines (possibly none) under it. */
    void addRow(List<String> cells, List<String> detailLines) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.size());
        }
        List<String> row = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            row.add(ConsoleText.truncate(ConsoleText.cell(cells.get(i)), columns.get(i).maxWidth));
        }
        rows.add(row);
        details.add(List.copyOf(detailLines));
    }

    /** The most characters a line of this table can take, with every column at its limit. */
    int maxWidth() {
        int width = COLUMN_SEPARATOR.length() * (columns.size() - 1);
        for (Column column : columns) {
            width += column.maxWidth;
        }
        return width;
    }

    List<String> render() {
        int[] widths = columnWidths();
        List<String> lines = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        for (Column column : columns) {
            headers.add(column.header);
        }
        lines.add(line(headers, widths));
        lines.add(rule(widths));
        int detailWidth = maxWidth() - DETAIL_INDENT.length();
        for (int r = 0; r < rows.size(); r++) {
            lines.add(line(rows.get(r), widths));
            for (String detail : details.get(r)) {
                lines.add(DETAIL_INDENT + ConsoleText.truncate(ConsoleText.cell(detail), detailWidth));
            }
        }
        return lines;
    }

    private int[] columnWidths() {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = ConsoleText.width(columns.get(i).header);
        }
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], ConsoleText.width(row.get(i)));
            }
        }
        return widths;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(COLUMN_SEPARATOR);
            }
            line.append(ConsoleText.pad(cells.get(i), widths[i]));
        }
        return line.toString().stripTrailing();
    }

    private static String rule(int[] widths) {
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                rule.append("-+-");
            }
            rule.append("-".repeat(widths[i]));
        }
        return rule.toString();
    }
}
