package io.jenkins.plugins.codescoring.report;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.codescoring.scan.BlockOn;
import io.jenkins.plugins.codescoring.scan.BlockingAlert;
import io.jenkins.plugins.codescoring.scan.BlockingPolicy;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import java.util.List;
import org.junit.Test;

/** The console lines on new blocking alerts: the count since the reference build, the rule, and the New column. */
public class NewAlertsConsoleTest {
    private static ScanResult result(Verdict verdict, BlockOn rule, Integer reference, boolean... isNew) {
        BlockingAlert[] alerts = new BlockingAlert[isNew.length];
        for (int i = 0; i < isNew.length; i++) {
            alerts[i] = new BlockingAlert(
                    "a-" + i, "shop", null, "critical", "pkg:npm/p" + i + "@1.0.0", null, List.of(), isNew[i]);
        }
        return ScanResult.builder(verdict)
                .platformUrl("https://cs.example.com")
                .project("shop")
                .blockingPolicies(List.of(new BlockingPolicy("1", "CVEs", "critical", List.of(alerts))))
                .comparison(rule, reference)
                .build();
    }

    @Test
    public void blockOnNewBlockedNamesTheNewAlertsAndListsThemFirst() {
        List<String> lines =
                ConsoleReport.standard().lines(result(Verdict.BLOCKED, BlockOn.NEW, 41, false, true, false));
        assertEquals(
                "CodeScoring verdict: BLOCKED — 1 new blocking alert (3 blocking alerts from 1 policy) (project shop, all stages)",
                lines.get(0));
        assertEquals("3 blocking alerts, 1 new since build #41", lines.get(3));
        assertEquals(
                "Rule: blockOn NEW — only blocking alerts new since build #41 block the build (2 already blocking)",
                lines.get(4));
        assertEquals("Policy | Blocks build | Level    | Dependency       | Vulnerability | New", lines.get(5));
        assertEquals("CVEs   | yes          | critical | pkg:npm/p1@1.0.0 | -             | yes", lines.get(7));
        assertEquals(
                "CVEs   | yes          | critical | pkg:npm/p0@1.0.0 | -             | no",
                lines.get(8).stripTrailing());
    }

    @Test
    public void blockOnNewPassedSaysHowManyAlreadyBlock() {
        List<String> lines = ConsoleReport.standard().lines(result(Verdict.PASSED, BlockOn.NEW, 7, false, false));
        assertEquals(
                "CodeScoring verdict: PASSED — no new blocking alerts, 2 already blocking (project shop, all stages)",
                lines.get(0));
        assertEquals("2 blocking alerts, 0 new since build #7", lines.get(3));
    }

    @Test
    public void withoutAReferenceEveryAlertIsNewAndTheRuleSaysSo() {
        List<String> all = ConsoleReport.standard().lines(result(Verdict.BLOCKED, BlockOn.ALL, null, true));
        assertEquals(
                "CodeScoring verdict: BLOCKED — 1 blocking alert from 1 policy (project shop, all stages)", all.get(0));
        assertEquals(
                "1 blocking alert, all new (no reference build: no earlier build of this job scanned this platform, project and stage with a verdict)",
                all.get(3));
        assertEquals("Rule: blockOn ALL — any active blocking alert blocks the build", all.get(4));
        List<String> none = ConsoleReport.standard().lines(result(Verdict.BLOCKED, BlockOn.NEW, null, true));
        assertEquals("Rule: blockOn NEW — every blocking alert is new: there is no reference build", none.get(4));
    }

    @Test
    public void aCleanScanOnlyNamesTheRule() {
        List<String> lines = ConsoleReport.standard().lines(result(Verdict.PASSED, BlockOn.ALL, 3));
        assertEquals(
                List.of(
                        "CodeScoring verdict: PASSED — no blocking alerts (project shop, all stages)",
                        "Platform: https://cs.example.com",
                        "Active alerts: 0 (critical 0, warning 0, info 0, other 0), ignored 0, delayed blockers 0",
                        "Rule: blockOn ALL — any active blocking alert blocks the build"),
                lines);
    }
}
