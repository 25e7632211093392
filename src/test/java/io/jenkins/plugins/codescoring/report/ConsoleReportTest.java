package io.jenkins.plugins.codescoring.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.scan.BlockingAlert;
import io.jenkins.plugins.codescoring.scan.BlockingPolicy;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

public class ConsoleReportTest {
    private static final int TABLE_HEADER_LINE = 4;

    @Test
    public void passedShowsVerdictPlatformAndCounts() {
        assertEquals(
                List.of(
                        "CodeScoring verdict: PASSED — no blocking alerts (all projects, all stages)",
                        "Platform: https://codescoring.example.com, analysis run 41",
                        "Active alerts: 7 (critical 0, warning 4, info 1, other 0), ignored 2, delayed blockers 0"),
                ConsoleReport.standard().lines(SampleResults.passed()));
    }

    @Test
    public void blockedShowsTheAlertsAsATableSortedByPolicyThenDependency() {
        assertEquals(
                List.of(
                        "CodeScoring verdict: BLOCKED — 3 blocking alerts from 2 policies (project shop, stage build)",
                        "Platform: https://codescoring.example.com, analysis run 42",
                        "Active alerts: 10 (critical 2, warning 5, info 1, other 1), ignored 1, delayed blockers 2",
                        "Note: 2 alerts of delayed blocking policies will block once the delay has passed.",
                        "Policy             | Blocks build | Level    | Dependency                                  | Vulnerability",
                        "-------------------+--------------+----------+---------------------------------------------+---------------",
                        "Critical CVEs      | yes          | critical | pkg:maven/com.google.guava/guava@31.0.1-jre | CVE-2023-2976",
                        "    - guava@31.0.1-jre has CVE-2023-2976, CVSS3 Score 7.1 >= 7.00",
                        "    - fixed in 32.0.0-android",
                        "Critical CVEs      | yes          | critical | pkg:pypi/django@4.2.2                       | CVE-2024-38875",
                        "    - django@4.2.2 has CVE-2024-38875, CVSS3 Score 7.5 >= 7.00",
                        "Forbidden licenses | yes          | warning  | pkg:npm/left-pad@1.3.0                      | -",
                        "    - left-pad@1.3.0 has license WTFPL, which is forbidden"),
                ConsoleReport.standard().lines(SampleResults.blocked()));
    }

    @Test
    public void renderEndsEveryLineWithANewline() {
        String text = ConsoleReport.standard().render(SampleResults.passed());
        assertEquals(String.join("\n", ConsoleReport.standard().lines(SampleResults.passed())) + "\n", text);
    }

    @Test
    public void rowsAreCappedAtTwentyByDefaultWithACountOfTheRest() {
        List<String> lines = ConsoleReport.standard().lines(SampleResults.blockedWith(23));
        List<String> rows = rowsOf(lines);
        assertEquals(20, rows.size());
        assertTrue(rows.get(19).contains("pkg:npm/lib019@1.0.0"));
        assertEquals("… and 3 more blocking alerts (see the results page)", lines.get(lines.size() - 1));
    }

    @Test
    public void theCapAndTheHintCanBeChosen() {
        ConsoleReport report = ConsoleReport.builder()
                .maxRows(2)
                .overflowHint("see report.json")
                .build();
        List<String> lines = report.lines(SampleResults.blockedWith(3));
        assertEquals(2, rowsOf(lines).size());
        assertEquals("… and 1 more blocking alert (see report.json)", lines.get(lines.size() - 1));
    }

    @Test
    public void noOverflowLineWhenEverythingFits() {
        List<String> lines = ConsoleReport.builder().maxRows(3).build().lines(SampleResults.blockedWith(3));
        assertEquals(3, rowsOf(lines).size());
        assertFalse(String.join("\n", lines).contains("more blocking"));
    }

    @Test(expected = IllegalArgumentException.class)
    public void aCapBelowOneIsRefused() {
        ConsoleReport.builder().maxRows(0);
    }

    @Test
    public void nullCellsShowAsADashAndNullScopeAsAll() {
        BlockingPolicy policy = new BlockingPolicy(
                "9", null, null, List.of(new BlockingAlert("x", null, null, null, null, null, null)));
        List<String> lines = ConsoleReport.standard().lines(SampleResults.blockedBy(policy));
        assertEquals(
                "CodeScoring verdict: BLOCKED — 1 blocking alert from 1 policy (all projects, all stages)",
                lines.get(0));
        assertEquals(List.of("-", "yes", "-", "-", "-"), cellsOf(rowsOf(lines).get(0)));
    }

    @Test
    public void longCellsAreCutWithAnEllipsisAndTheColumnsStayAligned() {
        String longPurl =
                "pkg:maven/org.example.very.long.group.name/an-artifact-with-a-really-long-name@1.2.3-SNAPSHOT";
        BlockingPolicy policy = new BlockingPolicy(
                "1",
                "A policy whose name is far longer than the policy column allows",
                "critical",
                List.of(
                        new BlockingAlert(
                                "1",
                                null,
                                null,
                                null,
                                longPurl,
                                "GHSA-aaaa-bbbb-cccc-dddd-eeee",
                                List.of("x".repeat(500))),
                        new BlockingAlert("2", null, null, null, "pkg:npm/a@1", "CVE-1", List.of())));
        List<String> lines = ConsoleReport.standard().lines(SampleResults.blockedBy(policy));
        List<String> rows = rowsOf(lines);
        String header = lines.get(TABLE_HEADER_LINE - 1);
        for (String row : rows) {
            assertEquals(row, separatorPositions(header), separatorPositions(row));
        }
        List<String> cells = cellsOf(rows.get(0));
        assertEquals("A policy whose name is far longer than…", cells.get(0));
        assertEquals(56, cells.get(3).length());
        assertTrue(
                cells.get(3).startsWith("pkg:maven/org.example") && cells.get(3).endsWith("…"));
        assertEquals("GHSA-aaaa-bbbb-cccc…", cells.get(4));
        String criterion = lines.get(TABLE_HEADER_LINE + 2);
        assertTrue(criterion.startsWith("    - xxx") && criterion.endsWith("…"));
        assertEquals("as wide as the table at its widest", 40 + 12 + 10 + 56 + 20 + 4 * 3, criterion.length());
    }

    @Test
    public void lineBreaksTabsAndEscapeSequencesInValuesCannotBreakTheLayout() {
        BlockingPolicy policy = new BlockingPolicy(
                "1",
                "two\nlines\tand \u001b[31mred",
                "critical",
                List.of(new BlockingAlert(
                        "1", null, null, null, "pkg:npm/a@1\r\n", "CVE-1", List.of("first\nsecond"))));
        List<String> lines = ConsoleReport.standard().lines(SampleResults.blockedBy(policy));
        for (String line : lines) {
            assertFalse(
                    line, line.contains("\n") || line.contains("\r") || line.contains("\t") || line.contains("\u001b"));
        }
        List<String> cells = cellsOf(rowsOf(lines).get(0));
        assertEquals("two lines and  [31mred", cells.get(0));
        assertEquals("pkg:npm/a@1", cells.get(3));
        assertTrue(lines.contains("    - first second"));
    }

    @Test
    public void russianNamesAreKeptAndCountedByCharactersNotBytes() {
        BlockingPolicy policy = new BlockingPolicy(
                "5",
                "Запрещённые лицензии",
                "warning",
                List.of(new BlockingAlert(
                        "1",
                        "магазин",
                        "build",
                        null,
                        "pkg:npm/a@1",
                        null,
                        List.of("Лицензия GPL-3.0 запрещена политикой"))));
        List<String> lines = ConsoleReport.standard().lines(SampleResults.blockedBy(policy));
        List<String> table = lines.subList(lines.size() - 5, lines.size());
        assertEquals("Policy               | Blocks build | Level   | Dependency  | Vulnerability", table.get(0));
        assertEquals("Запрещённые лицензии | yes          | warning | pkg:npm/a@1 | -", table.get(2));
        assertEquals("    in project магазин, stage build", table.get(3));
        assertEquals("    - Лицензия GPL-3.0 запрещена политикой", table.get(4));
        String longRussian = "Политика ".repeat(10);
        List<String> cut = ConsoleReport.standard()
                .lines(SampleResults.blockedBy(new BlockingPolicy(
                        "6", longRussian, "info", List.of(new BlockingAlert("1", null, null, null, "p", null, null)))));
        String cell = cellsOf(rowsOf(cut).get(0)).get(0);
        assertEquals(40, cell.codePointCount(0, cell.length()));
    }

    @Test
    public void projectAndStageAreShownUnderARowOnlyWhenTheScopeDoesNotFixThem() {
        assertFalse(String.join("\n", ConsoleReport.standard().lines(SampleResults.blocked()))
                .contains("    in "));
        List<String> lines = ConsoleReport.standard().lines(SampleResults.blockedWith(1));
        assertFalse(String.join("\n", lines).contains("    in project"));
        BlockingPolicy policy = new BlockingPolicy(
                "1", "P", "info", List.of(new BlockingAlert("1", "billing", "prod", null, "p", null, null)));
        assertTrue(ConsoleReport.standard()
                .lines(SampleResults.blockedBy(policy))
                .contains("    in project billing, stage prod"));
    }

    @Test
    public void errorShowsKindMessageAndAdvice() {
        ScanResult result =
                SampleResults.error(ErrorKind.TOKEN_REJECTED, "The platform rejected the API token (HTTP 401).");
        assertEquals(
                List.of(
                        "CodeScoring verdict: ERROR — TOKEN_REJECTED: The platform rejected the API token (HTTP 401). (project shop, all stages)",
                        "Platform: https://codescoring.example.com",
                        "Error (TOKEN_REJECTED): The platform rejected the API token (HTTP 401).",
                        "What to do: " + ErrorKind.TOKEN_REJECTED.advice()),
                ConsoleReport.standard().lines(result));
    }

    @Test
    public void everyErrorKindIsRenderedWithItsAdvice() {
        for (ErrorKind kind : ErrorKind.values()) {
            List<String> lines = ConsoleReport.standard().lines(SampleResults.error(kind, null));
            assertTrue(lines.get(0), lines.get(0).startsWith("CodeScoring verdict: ERROR — " + kind.name() + ": -"));
            assertTrue(lines.contains("What to do: " + kind.advice()));
        }
    }

    @Test
    public void aLongErrorMessageIsCutInTheVerdictLineButNotInTheErrorLine() {
        String message = "m".repeat(300);
        List<String> lines = ConsoleReport.standard().lines(SampleResults.error(ErrorKind.SERVER_ERROR, message));
        assertFalse(lines.get(0).contains(message));
        assertTrue(lines.get(0).contains("m".repeat(199) + "…"));
        assertTrue(lines.get(2).endsWith(message));
    }

    @Test
    public void verdictLineIsTheFirstLine() {
        for (ScanResult result : List.of(
                SampleResults.passed(), SampleResults.blocked(), SampleResults.error(ErrorKind.ABORTED, "stop"))) {
            assertEquals(
                    ConsoleReport.verdictLine(result),
                    ConsoleReport.standard().lines(result).get(0));
        }
    }

    @Test
    public void outputHasNoAnsiColours() {
        String text = ConsoleReport.standard().render(SampleResults.blocked());
        assertFalse(text.contains("\u001b"));
    }

    /** The table rows of a report (lines with the column separator, after the header and the rule). */
    static List<String> rowsOf(List<String> lines) {
        List<String> rows = new ArrayList<>();
        boolean afterRule = false;
        for (String line : lines) {
            if (line.contains("-+-")) {
                afterRule = true;
            } else if (afterRule && line.contains(" | ")) {
                rows.add(line);
            }
        }
        return rows;
    }

    private static List<Integer> separatorPositions(String line) {
        List<Integer> positions = new ArrayList<>();
        for (int at = line.indexOf(" | "); at >= 0; at = line.indexOf(" | ", at + 1)) {
            positions.add(at);
        }
        return positions;
    }

    static List<String> cellsOf(String row) {
        List<String> cells = new ArrayList<>();
        for (String cell : Arrays.asList(row.split(" \\| ", -1))) {
            cells.add(cell.strip());
        }
        return cells;
    }
}
