package io.jenkins.plugins.codescoring.scan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.Alert;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.Policy;
import io.jenkins.plugins.codescoring.api.Project;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.Test;

/**
 * The gate on worked examples with their expected decisions written out, not recomputed: the example of
 * docs/json-report.md, and one alert of each kind the rules treat apart (ignored, inactive policy, delayed,
 * delay over, joined by id).
 */
public class PolicyGateExamplesTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:04:30Z");
    private static final Project SHOP = new Project("1", "shop");
    private static final Policy CRITICAL_CVES = new Policy("3", "Critical CVEs", "critical", true, true);
    private static final Policy LICENCES = new Policy("7", "Запрещённые лицензии", "warning", true, true);
    private static final Policy OUTDATED = new Policy("8", "Outdated", "warning", true, false);
    private static final Policy RETIRED = new Policy("9", "Retired blocker", "info", false, true);
    private static final Policy NO_LEVEL = new Policy("10", "Custom", null, true, false);

    private final PolicyGate gate = new PolicyGate();

    private static Alert.Builder alert(String id, Policy policy, String purl) {
        return Alert.builder(id).policy(policy).project(SHOP).stage("build").dependencyPurl(purl);
    }

    /** The ten alerts behind the example of docs/json-report.md. */
    private static List<Alert> documentedExample() {
        List<Alert> alerts = new ArrayList<>();
        alerts.add(alert("1187", CRITICAL_CVES, "pkg:maven/com.google.guava/guava@31.0.1-jre")
                .level("critical")
                .vulnerability("CVE-2023-2976")
                .matchedCriteria(List.of("guava@31.0.1-jre has CVE-2023-2976, CVSS3 Score 7.1 >= 7.00"))
                .build());
        alerts.add(alert("1190", LICENCES, "pkg:npm/left-pad@1.3.0")
                .matchedCriteria(List.of("left-pad@1.3.0 has license WTFPL"))
                .build());
        alerts.add(alert("1191", CRITICAL_CVES, "pkg:npm/lodash@4.17.20")
                .level("critical")
                .blockDelayedUntil(NOW.plus(Duration.ofDays(7)))
                .build());
        alerts.add(alert("1192", LICENCES, "pkg:npm/mysql@2.18.1")
                .blockDelayedUntil(NOW.plusMillis(1))
                .build());
        for (int i = 0; i < 3; i++) {
            alerts.add(alert("120" + i, OUTDATED, "pkg:npm/moment@2.29." + i).build());
        }
        alerts.add(alert("1210", RETIRED, "pkg:maven/commons-collections/commons-collections@3.2.1")
                .build());
        alerts.add(alert("1211", NO_LEVEL, "pkg:npm/request@2.88.2").build());
        alerts.add(alert("1212", CRITICAL_CVES, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")
                .level("critical")
                .ignored(true)
                .build());
        return alerts;
    }

    @Test
    public void theDocumentedExampleBlocksOnItsTwoPoliciesWithItsCounts() throws CodescoringException {
        PolicyGate.Decision decision = gate.evaluate(documentedExample(), Map.of(), NOW);
        assertTrue(decision.blocks());
        assertEquals(10, decision.activeAlerts());
        assertEquals(1, decision.ignoredAlerts());
        assertEquals(2, decision.delayedBlockingAlerts());
        Map<String, Integer> byLevel = new LinkedHashMap<>();
        byLevel.put("critical", 2);
        byLevel.put("warning", 5);
        byLevel.put("info", 1);
        byLevel.put("unknown", 1);
        assertEquals(byLevel, decision.alertsByLevel());
        assertEquals(
                "critical, warning, info, then the others",
                List.copyOf(byLevel.keySet()),
                List.copyOf(decision.alertsByLevel().keySet()));
        assertEquals(
                "sorted by name",
                List.of("3:Critical CVEs:critical", "7:Запрещённые лицензии:warning"),
                decision.blockingPolicies().stream()
                        .map(p -> p.id() + ":" + p.name() + ":" + p.level())
                        .collect(Collectors.toList()));
        BlockingAlert guava = decision.blockingPolicies().get(0).alerts().get(0);
        assertEquals(
                List.of(
                        "1187",
                        "shop",
                        "build",
                        "critical",
                        "pkg:maven/com.google.guava/guava@31.0.1-jre",
                        "CVE-2023-2976"),
                List.of(
                        guava.id(),
                        guava.project(),
                        guava.stage(),
                        guava.level(),
                        guava.dependencyPurl(),
                        guava.vulnerability()));
        assertEquals(List.of("guava@31.0.1-jre has CVE-2023-2976, CVSS3 Score 7.1 >= 7.00"), guava.matchedCriteria());
        BlockingAlert leftPad = decision.blockingPolicies().get(1).alerts().get(0);
        assertEquals("1190", leftPad.id());
        assertEquals("an alert without a level takes its policy's", "warning", leftPad.level());
        assertEquals(1, decision.blockingPolicies().get(0).alerts().size());
        assertEquals(1, decision.blockingPolicies().get(1).alerts().size());
    }

    @Test
    public void anIgnoredAlertOfABlockingPolicyNeitherBlocksNorCountsByLevel() throws CodescoringException {
        PolicyGate.Decision decision = gate.evaluate(
                List.of(alert("1", CRITICAL_CVES, "pkg:npm/a@1").ignored(true).build()), Map.of(), NOW);
        assertFalse(decision.blocks());
        assertEquals(1, decision.activeAlerts());
        assertEquals(1, decision.ignoredAlerts());
        assertEquals(Map.of("critical", 0, "warning", 0, "info", 0), decision.alertsByLevel());
    }

    @Test
    public void anAlertOfAnInactivePolicyIsCountedButDoesNotBlock() throws CodescoringException {
        PolicyGate.Decision decision =
                gate.evaluate(List.of(alert("1", RETIRED, "pkg:npm/a@1").build()), Map.of(), NOW);
        assertFalse(decision.blocks());
        assertEquals(0, decision.delayedBlockingAlerts());
        assertEquals(Integer.valueOf(1), decision.alertsByLevel().get("info"));
    }

    @Test
    public void anAlertOfAnActivePolicyThatDoesNotBlockBuildsDoesNotBlock() throws CodescoringException {
        assertFalse(gate.evaluate(List.of(alert("1", OUTDATED, "pkg:npm/a@1").build()), Map.of(), NOW)
                .blocks());
    }

    @Test
    public void aBlockDelayedPastNowWaitsAndOneDelayedUntilNowBlocks() throws CodescoringException {
        PolicyGate.Decision later = gate.evaluate(
                List.of(alert("1", CRITICAL_CVES, "pkg:npm/a@1")
                        .blockDelayedUntil(NOW.plusMillis(1))
                        .build()),
                Map.of(),
                NOW);
        assertFalse(later.blocks());
        assertEquals(1, later.delayedBlockingAlerts());
        PolicyGate.Decision due = gate.evaluate(
                List.of(alert("1", CRITICAL_CVES, "pkg:npm/a@1")
                        .blockDelayedUntil(NOW)
                        .build()),
                Map.of(),
                NOW);
        assertTrue("the delay is over at its instant", due.blocks());
        assertEquals(0, due.delayedBlockingAlerts());
        PolicyGate.Decision expired = gate.evaluate(
                List.of(alert("1", CRITICAL_CVES, "pkg:npm/a@1")
                        .blockDelayedUntil(NOW.minus(Duration.ofHours(1)))
                        .build()),
                Map.of(),
                NOW);
        assertTrue(expired.blocks());
    }

    @Test
    public void anAlertNamingItsPolicyByIdIsJoinedWithThePolicyList() throws CodescoringException {
        List<Alert> alerts = List.of(Alert.builder("1")
                .policyId("3")
                .project(SHOP)
                .dependencyPurl("pkg:npm/a@1")
                .build());
        assertTrue(PolicyGate.needsPolicyList(alerts));
        PolicyGate.Decision decision = gate.evaluate(alerts, Map.of("3", CRITICAL_CVES), NOW);
        assertEquals("Critical CVEs", decision.blockingPolicies().get(0).name());
        assertEquals(
                "critical", decision.blockingPolicies().get(0).alerts().get(0).level());
        assertFalse(PolicyGate.needsPolicyList(
                List.of(alert("2", CRITICAL_CVES, "pkg:npm/b@1").build())));
        assertFalse(PolicyGate.needsPolicyList(List.of()));
    }

    @Test
    public void anAlertOfAnUnknownPolicyIsAnErrorNotAGuess() {
        List<Alert> alerts = List.of(Alert.builder("5").policyId("99").build());
        CodescoringException e =
                assertThrows(CodescoringException.class, () -> gate.evaluate(alerts, Map.of("3", CRITICAL_CVES), NOW));
        assertEquals(ErrorKind.UNREADABLE_RESPONSE, e.kind());
        assertEquals("Alert 5 names policy 99, which the platform's policy list does not contain.", e.getMessage());
    }

    @Test
    public void theAlertsOwnLevelWinsAndLevelsAreReadWithoutCaseOrSpaces() throws CodescoringException {
        PolicyGate.Decision decision = gate.evaluate(
                List.of(
                        alert("1", OUTDATED, "pkg:npm/a@1").level(" Critical ").build(),
                        alert("2", OUTDATED, "pkg:npm/b@1").level(" ").build(),
                        alert("3", OUTDATED, "pkg:npm/c@1").level("Severe").build()),
                Map.of(),
                NOW);
        assertEquals(Map.of("critical", 1, "warning", 1, "info", 0, "severe", 1), decision.alertsByLevel());
    }

    @Test
    public void blockingAlertsAreOrderedByDependencyThenIdAndPoliciesByNameThenId() throws CodescoringException {
        Policy sameNameLowerId = new Policy("11", "Bans", "critical", true, true);
        Policy sameNameHigherId = new Policy("12", "Bans", "critical", true, true);
        List<Alert> alerts = List.of(
                alert("9", sameNameHigherId, "pkg:npm/z@1").build(),
                alert("8", sameNameHigherId, null).build(),
                alert("7", sameNameHigherId, "pkg:npm/a@1").build(),
                alert("6", sameNameHigherId, "pkg:npm/a@1").build(),
                alert("5", sameNameLowerId, "pkg:npm/a@1").build(),
                alert("4", CRITICAL_CVES, "pkg:npm/a@1").build());
        PolicyGate.Decision decision = gate.evaluate(alerts, Map.of(), NOW);
        assertEquals(
                List.of("11", "12", "3"),
                decision.blockingPolicies().stream().map(BlockingPolicy::id).collect(Collectors.toList()));
        assertEquals(
                "purl, then id; no purl last",
                List.of("6", "7", "9", "8"),
                decision.blockingPolicies().get(1).alerts().stream()
                        .map(BlockingAlert::id)
                        .collect(Collectors.toList()));
    }

    @Test
    public void theDecisionCarriesItsFindingsIntoTheResult() throws CodescoringException {
        PolicyGate.Decision decision = gate.evaluate(documentedExample(), Map.of(), NOW);
        ScanResult result =
                decision.applyTo(ScanResult.builder(Verdict.BLOCKED)).build();
        assertEquals(10, result.activeAlerts());
        assertEquals(1, result.ignoredAlerts());
        assertEquals(2, result.delayedBlockingAlerts());
        assertEquals(2, result.blockingAlertCount());
        assertEquals(List.of("Critical CVEs", "Запрещённые лицензии"), result.blockingPolicyNames());
        assertEquals(decision.alertsByLevel(), result.alertsByLevel());
    }
}
