package io.jenkins.plugins.codescoring.scanstep;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.pipeline.ScanResultMap;
import io.jenkins.plugins.codescoring.report.ConsoleReport;
import io.jenkins.plugins.codescoring.results.StoredScanResult;
import io.jenkins.plugins.codescoring.scan.BlockOn;
import io.jenkins.plugins.codescoring.scan.BlockingAlert;
import io.jenkins.plugins.codescoring.scan.BlockingPolicy;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;

/** How a result and the options decide the build (no Jenkins needed). */
public class ScanOutcomeTest {
    @Rule
    public EnglishLocale english = new EnglishLocale();

    private static ScanOptions options(OnFinding onBlocking, OnFinding onError) {
        return new ScanOptions(null, null, null, null, null, onBlocking, onError);
    }

    private static ScanResult blocked(int policies) {
        List<BlockingPolicy> list = new ArrayList<>();
        for (int i = 1; i <= policies; i++) {
            list.add(new BlockingPolicy(
                    String.valueOf(i),
                    "Policy " + i,
                    "critical",
                    List.of(new BlockingAlert(
                            "a" + i, "shop", "build", "critical", "pkg:maven/g/a@" + i, "CVE-" + i, List.of("c")))));
        }
        return ScanResult.builder(Verdict.BLOCKED)
                .platformUrl("https://cs.example.com")
                .blockingPolicies(list)
                .activeAlerts(policies)
                .alertsByLevel(Map.of("critical", policies))
                .requestedAt(Instant.EPOCH)
                .build();
    }

    private static ScanResult error() {
        return ScanResult.builder(Verdict.ERROR)
                .error(ErrorKind.TIMEOUT, "No verdict within 1 minute.\nsecond line")
                .build();
    }

    @Test
    public void passedChangesNothing() {
        ScanOutcome outcome =
                ScanOutcome.decide(ScanResult.builder(Verdict.PASSED).build(), options(null, null));
        assertEquals(Result.SUCCESS, outcome.buildResult());
        assertFalse(outcome.failsBuild());
        assertFalse(outcome.marksUnstable());
        assertNull(outcome.action());
        assertNull(outcome.continuationLine());
    }

    @Test
    public void blockedFailsByDefaultNamingThePolicies() {
        ScanOutcome outcome = ScanOutcome.decide(blocked(2), options(null, null));
        assertTrue(outcome.failsBuild());
        assertEquals(Result.FAILURE, outcome.buildResult());
        assertEquals(
                "CodeScoring found 2 blocking alerts of the blocking policies \"Policy 1\", \"Policy 2\".",
                outcome.message());
        assertEquals(
                "CodeScoring found 1 blocking alert of the blocking policy \"Policy 1\".",
                ScanOutcome.decide(blocked(1), options(null, null)).message());
        assertNull(outcome.continuationLine());
    }

    /** A BLOCKED result under blockOn NEW: {@code alerts} blocking alerts of one policy, the first {@code fresh} new. */
    private static ScanResult blockedOnNew(int alerts, int fresh) {
        List<BlockingAlert> list = new ArrayList<>();
        for (int i = 1; i <= alerts; i++) {
            list.add(new BlockingAlert(
                            "a" + i, "shop", "build", "critical", "pkg:maven/g/a@" + i, "CVE-" + i, List.of("c"))
                    .markedNew(i <= fresh));
        }
        return ScanResult.builder(Verdict.BLOCKED)
                .platformUrl("https://cs.example.com")
                .blockingPolicies(List.of(new BlockingPolicy("1", "Policy 1", "critical", list)))
                .activeAlerts(alerts)
                .requestedAt(Instant.EPOCH)
                .comparison(BlockOn.NEW, 41)
                .build();
    }

    @Test
    public void underBlockOnNewTheMessageCountsTheNewAlertsThatDecidedAndAll() {
        ScanResult result = blockedOnNew(3, 1);
        assertEquals(
                "CodeScoring found 1 new blocking alert (3 in all) of the blocking policy \"Policy 1\".",
                ScanOutcome.decide(result, options(null, null)).message());
        assertThat(
                "the verdict line in the console says the same numbers",
                ConsoleReport.verdictLine(result),
                containsString("BLOCKED — 1 new blocking alert (3 blocking alerts from 1 policy)"));
        assertEquals(
                "CodeScoring found 2 new blocking alerts (2 in all) of the blocking policy \"Policy 1\".",
                ScanOutcome.decide(blockedOnNew(2, 2), options(null, null)).message());
        ScanOutcome unstable = ScanOutcome.decide(result, options(OnFinding.UNSTABLE, null));
        assertThat(unstable.continuationLine(), containsString("found 1 new blocking alert (3 in all)"));
    }

    @Test
    public void underBlockOnAllTheMessageCountsAllBlockingAlertsAsBefore() {
        ScanResult result = ScanResult.builder(Verdict.BLOCKED)
                .blockingPolicies(blockedOnNew(3, 1).blockingPolicies())
                .comparison(BlockOn.ALL, 41)
                .build();
        assertEquals(
                "CodeScoring found 3 blocking alerts of the blocking policy \"Policy 1\".",
                ScanOutcome.decide(result, options(null, null)).message());
    }

    @Test
    public void underBlockOnNewTheRussianMessageTakesTheRightPlurals() {
        Locale.setDefault(Locale.forLanguageTag("ru"));
        assertEquals(
                "CodeScoring нашёл 1 новый блокирующий алерт политики \"Policy 1\"; всего блокирующих алертов: 3.",
                ScanOutcome.decide(blockedOnNew(3, 1), options(null, null)).message());
        assertEquals(
                "CodeScoring нашёл 2 новых блокирующих алерта политики \"Policy 1\"; всего блокирующих алертов: 4.",
                ScanOutcome.decide(blockedOnNew(4, 2), options(null, null)).message());
        assertEquals(
                "CodeScoring нашёл 5 новых блокирующих алертов политики \"Policy 1\"; всего блокирующих алертов: 5.",
                ScanOutcome.decide(blockedOnNew(5, 5), options(null, null)).message());
    }

    @Test
    public void manyPoliciesAreCut() {
        ScanOutcome outcome = ScanOutcome.decide(blocked(8), options(OnFinding.UNSTABLE, null));
        assertThat(outcome.message(), containsString("\"Policy 5\" and 3 more"));
        assertTrue(outcome.marksUnstable());
        assertThat(outcome.continuationLine(), containsString("(onBlocking: UNSTABLE)"));
    }

    @Test
    public void errorFollowsOnError() {
        ScanOutcome failing = ScanOutcome.decide(error(), options(OnFinding.SUCCESS, null));
        assertTrue(failing.failsBuild());
        assertEquals(
                "CodeScoring gave no verdict (TIMEOUT): No verdict within 1 minute. second line", failing.message());
        ScanOutcome reported = ScanOutcome.decide(error(), options(OnFinding.FAILURE, OnFinding.SUCCESS));
        assertFalse(reported.failsBuild());
        assertEquals(Result.SUCCESS, reported.buildResult());
        assertThat(reported.continuationLine(), containsString("(onError: SUCCESS, report only)"));
    }

    @Test
    public void resultMapHoldsOnlySimpleValues() {
        Map<String, Object> map = ScanResultMap.of(blocked(2));
        assertEquals("BLOCKED", map.get("verdict"));
        assertEquals(Boolean.TRUE, map.get("blocked"));
        assertEquals(2, map.get("blockingAlerts"));
        assertEquals(List.of("Policy 1", "Policy 2"), map.get("blockingPolicies"));
        assertEquals(2, map.get("critical"));
        assertEquals(0, map.get("warning"));
        assertEquals("", map.get("errorKind"));
        assertEquals("", map.get("analysisRunId"));
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            Object value = entry.getValue();
            assertTrue(
                    entry.getKey(),
                    value instanceof String
                            || value instanceof Integer
                            || value instanceof Boolean
                            || value instanceof ArrayList);
        }
    }

    @Test
    public void storedResultRoundTrips() {
        ScanResult original = blocked(3);
        ScanResult back = StoredScanResult.of(original).toScanResult();
        assertEquals(original.verdict(), back.verdict());
        assertEquals(original.blockingAlertCount(), back.blockingAlertCount());
        assertEquals(original.blockingPolicyNames(), back.blockingPolicyNames());
        assertEquals(original.alertsByLevel(), back.alertsByLevel());
        assertEquals(original.requestedAt(), back.requestedAt());
        assertEquals(original.platformUrl(), back.platformUrl());
        ScanResult error = StoredScanResult.of(error()).toScanResult();
        assertEquals(ErrorKind.TIMEOUT, error.errorKind());
    }
}
