package io.jenkins.plugins.codescoring.scan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.ErrorKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The comparison of a scan's blocking alerts with its reference build's, and the blockOn rule that decides the verdict. */
public class NewAlertsTest {
    private static final Instant NOW = Instant.parse("2026-12-06T06:00:00Z");

    private static BlockingAlert alert(String id, String purl, String cve) {
        return new BlockingAlert(id, "shop", "build", "critical", purl, cve, List.of());
    }

    private static BlockingPolicy policy(String id, BlockingAlert... alerts) {
        return new BlockingPolicy(id, "Policy " + id, "critical", List.of(alerts));
    }

    private static ScanResult result(Verdict verdict, BlockingPolicy... policies) {
        ScanResult.Builder builder = ScanResult.builder(verdict).blockingPolicies(List.of(policies));
        if (verdict == Verdict.ERROR) {
            builder.error(ErrorKind.TIMEOUT, "late");
        }
        return builder.build();
    }

    private static ScanResult decide(BlockOn rule, AlertBaseline baseline, BlockingPolicy... policies) {
        ScanRequest request = ScanRequest.builder()
                .project("shop")
                .blockOn(rule)
                .baseline(baseline)
                .build();
        PolicyGate.Decision decision = new PolicyGate.Decision(List.of(policies), Map.of(), 3, 0, 0);
        return new ResultFactory(request, "http://platform").decided(ScanState.begin(request, NOW), decision, NOW);
    }

    @Test
    public void theSameAlertIdIsAlreadyBlockingAnotherIsNew() {
        AlertBaseline reference = AlertBaseline.of(
                41, result(Verdict.BLOCKED, policy("1", alert("10", "pkg:a", "CVE-1"), alert("11", "pkg:b", "CVE-2"))));
        // The same id wins even where the dependency changed; a new id is new even for a known dependency.
        List<BlockingPolicy> marked = NewAlerts.mark(
                List.of(policy("1", alert("10", "pkg:a@2", "CVE-1"), alert("12", "pkg:b", "CVE-2"))), reference);
        assertFalse(marked.get(0).alerts().get(0).isNew());
        assertTrue(marked.get(0).alerts().get(1).isNew());
        assertEquals(1, NewAlerts.countNew(marked));
    }

    @Test
    public void withoutIdsPolicyProjectStageDependencyAndVulnerabilityIdentifyAnAlert() {
        AlertBaseline reference =
                AlertBaseline.of(7, result(Verdict.BLOCKED, policy("1", alert(null, "pkg:a", "CVE-1"))));
        BlockingAlert same = alert(" ", "pkg:a", "CVE-1");
        BlockingAlert otherVulnerability = alert(null, "pkg:a", "CVE-9");
        BlockingAlert otherStage = new BlockingAlert(null, "shop", "prod", "critical", "pkg:a", "CVE-1", List.of());
        List<BlockingPolicy> marked = NewAlerts.mark(
                List.of(policy("1", same, otherVulnerability, otherStage), policy("2", alert(null, "pkg:a", "CVE-1"))),
                reference);
        assertFalse(
                "same policy, project, stage, dependency, vulnerability",
                marked.get(0).alerts().get(0).isNew());
        assertTrue("another vulnerability", marked.get(0).alerts().get(1).isNew());
        assertTrue("another stage", marked.get(0).alerts().get(2).isNew());
        assertTrue("another policy", marked.get(1).alerts().get(0).isNew());
    }

    @Test
    public void identitiesAreBoundedWhateverTheAlertsSay() {
        String longPurl = "pkg:npm/" + "x".repeat(5000);
        BlockingPolicy policy = policy("1", alert(null, longPurl, "CVE-1"), alert("y".repeat(500), "pkg:a", null));
        for (BlockingAlert alert : policy.alerts()) {
            assertTrue(AlertIdentity.of(policy, alert).length() <= AlertIdentity.MAX_LENGTH);
        }
        assertNotEquals(
                AlertIdentity.of(policy, alert("y".repeat(500), "pkg:a", null)),
                AlertIdentity.of(policy, alert("y".repeat(499) + "z", "pkg:a", null)));
    }

    /** An id of the longest length is kept as it is; a policy is known by its id, or by its name when it has none. */
    @Test
    public void identitiesKeepIdsUpToTheirLengthAndKnowPoliciesByIdThenName() {
        String longest = "7".repeat(64);
        BlockingPolicy policy = policy("1");
        assertEquals("id:" + longest, AlertIdentity.of(policy, alert(longest, "pkg:a", null)));
        assertEquals(
                AlertIdentity.MAX_LENGTH,
                AlertIdentity.of(policy, alert(longest + "8", "pkg:a", null)).length());

        BlockingAlert noId = alert(null, "pkg:a", "CVE-1");
        BlockingPolicy first = new BlockingPolicy("1", "Critical CVEs", "critical", List.of());
        BlockingPolicy renamed = new BlockingPolicy("1", "Critical CVEs (renamed)", "critical", List.of());
        BlockingPolicy sameNameOtherId = new BlockingPolicy("2", "Critical CVEs", "critical", List.of());
        assertEquals(AlertIdentity.of(first, noId), AlertIdentity.of(renamed, noId));
        assertNotEquals(AlertIdentity.of(first, noId), AlertIdentity.of(sameNameOtherId, noId));
        for (String none : new String[] {null, " "}) {
            assertEquals(
                    "policy id " + none,
                    AlertIdentity.of(new BlockingPolicy(none, "Critical CVEs", "critical", List.of()), noId),
                    AlertIdentity.of(new BlockingPolicy(none, "Critical CVEs", "high", List.of()), noId));
            assertNotEquals(
                    "policy id " + none,
                    AlertIdentity.of(new BlockingPolicy(none, "Critical CVEs", "critical", List.of()), noId),
                    AlertIdentity.of(new BlockingPolicy(none, "Licences", "critical", List.of()), noId));
        }
    }

    @Test
    public void withoutAReferenceEveryBlockingAlertIsNewAndBlocksUnderBothRules() {
        for (BlockOn rule : BlockOn.values()) {
            ScanResult result =
                    decide(rule, null, policy("1", alert("1", "pkg:a", "CVE-1"), alert("2", "pkg:b", null)));
            assertEquals(Verdict.BLOCKED, result.verdict());
            assertEquals(2, result.newBlockingAlertCount());
            assertNull(result.referenceBuild());
            assertEquals(rule, result.blockOn());
        }
    }

    @Test
    public void blockOnNewBlocksOnlyOnANewAlertAndAllOnAny() {
        AlertBaseline reference = AlertBaseline.of(
                41, result(Verdict.BLOCKED, policy("1", alert("1", "pkg:a", "CVE-1"), alert("2", "pkg:b", null))));
        BlockingPolicy same = policy("1", alert("1", "pkg:a", "CVE-1"), alert("2", "pkg:b", null));
        BlockingPolicy oneMore =
                policy("1", alert("1", "pkg:a", "CVE-1"), alert("2", "pkg:b", null), alert("3", "pkg:c", "CVE-3"));

        ScanResult newRuleSame = decide(BlockOn.NEW, reference, same);
        assertEquals(Verdict.PASSED, newRuleSame.verdict());
        assertEquals(2, newRuleSame.alreadyBlockingAlertCount());
        assertEquals(2, newRuleSame.blockingAlertCount());
        assertEquals(Integer.valueOf(41), newRuleSame.referenceBuild());

        assertEquals(Verdict.BLOCKED, decide(BlockOn.ALL, reference, same).verdict());
        ScanResult newRuleOneMore = decide(BlockOn.NEW, reference, oneMore);
        assertEquals(Verdict.BLOCKED, newRuleOneMore.verdict());
        assertEquals(1, newRuleOneMore.newBlockingAlertCount());
        assertEquals(Verdict.PASSED, decide(BlockOn.NEW, reference).verdict());
        assertEquals(Verdict.PASSED, decide(BlockOn.ALL, reference).verdict());
    }

    @Test
    public void aScanWithoutAVerdictIsNoReference() {
        assertThrows(IllegalArgumentException.class, () -> AlertBaseline.of(3, result(Verdict.ERROR)));
    }

    @Test
    public void aReferenceTravelsWithTheRequestAndRequestsOfOlderFormsBlockOnAll() {
        AlertBaseline reference = AlertBaseline.of(5, result(Verdict.PASSED));
        ScanRequest request = ScanRequest.builder()
                .project("shop")
                .stage("build")
                .blockOn(BlockOn.NEW)
                .build()
                .withBaseline(reference);
        assertEquals(BlockOn.NEW, request.blockOn());
        assertEquals(5, request.baseline().build());
        assertEquals("shop", request.project());
        assertEquals("build", request.stage());
        assertEquals(BlockOn.ALL, ScanRequest.builder().blockOn(null).build().blockOn());
        assertFalse(
                "the terminal runner compares nothing",
                ScanRequest.builder().build().compares());
        assertFalse(decide(null, null, policy("1", alert("1", "pkg:a", null))).compared());
        assertEquals(
                Verdict.BLOCKED,
                decide(null, null, policy("1", alert("1", "pkg:a", null))).verdict());
        assertEquals(BlockOn.ALL, BlockOn.orDefault(null));
    }

    @Test
    public void resultsMadeWithoutAComparisonCountNothingNew() {
        ScanResult old = result(
                Verdict.BLOCKED,
                policy("1", new BlockingAlert("1", null, null, null, "pkg:a", null, new ArrayList<>())));
        assertFalse(old.compared());
        assertEquals(0, old.newBlockingAlertCount());
        assertEquals(0, old.alreadyBlockingAlertCount());
    }
}
