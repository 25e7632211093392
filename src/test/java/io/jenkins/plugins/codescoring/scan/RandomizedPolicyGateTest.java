package io.jenkins.plugins.codescoring.scan;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jenkins.plugins.codescoring.api.Alert;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.Policy;
import io.jenkins.plugins.codescoring.api.Project;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.Test;

/**
 * Randomized, with fixed seeds: the gate's verdict, its blocking set and its counts always equal those of
 * a plain reference evaluation written here from the rules (platform notes, section 2), over generated
 * policies and alerts: ignored, inactive, non-blocking, delayed into the past, to exactly now and into
 * the future, policies embedded in alerts (possibly differing from the listed ones: the embedded one
 * counts) or named by id, alert levels overriding policy levels, unknown policies.
 */
public class RandomizedPolicyGateTest {
    private static final long SEED = 0x6A7EL;
    private static final int CASES = 4000;
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final List<String> LEVELS =
            List.of("critical", "warning", "info", "CRITICAL", " Warning ", "high", "", "  ");

    private final PolicyGate gate = new PolicyGate();

    @Test
    public void theGateAgreesWithTheReferenceEvaluation() throws Exception {
        Random random = new Random(SEED);
        long started = System.nanoTime();
        int blocked = 0;
        int passed = 0;
        int refused = 0;
        for (int n = 0; n < CASES; n++) {
            Case generated = generate(random);
            Reference expected = Reference.of(generated);
            PolicyGate.Decision decision;
            try {
                decision = gate.evaluate(generated.alerts, generated.listed, NOW);
            } catch (CodescoringException e) {
                if (expected.unknownPolicyOf == null) {
                    throw new AssertionError("refused a decidable case: " + e.getMessage() + "\n" + generated, e);
                }
                assertEquals(ErrorKind.UNREADABLE_RESPONSE, e.kind());
                assertTrue(
                        e.getMessage(), e.getMessage().contains("Alert " + expected.unknownPolicyOf + " names policy"));
                refused++;
                continue;
            }
            if (expected.unknownPolicyOf != null) {
                fail("decided although alert " + expected.unknownPolicyOf + " names an unknown policy\n" + generated);
            }
            String context = generated.toString();
            assertEquals(context, expected.blocks(), decision.blocks());
            assertEquals(context, expected.blockingByPolicy, blockingSet(decision));
            assertEquals(context, expected.policyOrder, policyOrder(decision));
            assertEquals(context, expected.activeAlerts, decision.activeAlerts());
            assertEquals(context, expected.ignored, decision.ignoredAlerts());
            assertEquals(context, expected.delayed, decision.delayedBlockingAlerts());
            assertEquals(context, expected.byLevel, decision.alertsByLevel());
            assertEquals(
                    context,
                    List.of("critical", "warning", "info"),
                    new ArrayList<>(decision.alertsByLevel().keySet()).subList(0, 3));
            for (BlockingPolicy policy : decision.blockingPolicies()) {
                assertEquals(context, expected.names.get(policy.id()), policy.name());
                List<String> purls = new ArrayList<>();
                for (BlockingAlert alert : policy.alerts()) {
                    Alert source = generated.byId(alert.id());
                    assertEquals(context, source.dependencyPurl(), alert.dependencyPurl());
                    assertEquals(context, source.vulnerability(), alert.vulnerability());
                    assertEquals(context, source.matchedCriteria(), alert.matchedCriteria());
                    assertEquals(
                            context,
                            source.project() == null ? null : source.project().label(),
                            alert.project());
                    assertEquals(context, expected.levelOf.get(alert.id()), alert.level());
                    purls.add(alert.dependencyPurl() == null ? "\uFFFF" : alert.dependencyPurl());
                }
                List<String> sorted = new ArrayList<>(purls);
                sorted.sort(null);
                assertEquals("alerts of a policy are sorted by dependency: " + context, sorted, purls);
            }
            if (decision.blocks()) {
                blocked++;
            } else {
                passed++;
            }
        }
        assertTrue(
                "every outcome was exercised: blocked " + blocked + ", passed " + passed + ", refused " + refused,
                blocked > CASES / 10 && passed > CASES / 10 && refused > 0);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat("took " + millis + " ms", millis, lessThan(5_000L));
    }

    // ---- generation ----------------------------------------------------------------------------------

    /** Generated policies (the listed version and the version alerts embed) and alerts. */
    private static final class Case {
        final Map<String, Policy> listed = new HashMap<>();
        final List<Alert> alerts = new ArrayList<>();

        Alert byId(String id) {
            for (Alert alert : alerts) {
                if (alert.id().equals(id)) {
                    return alert;
                }
            }
            throw new AssertionError("no alert " + id);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("listed " + listed.values() + "\nalerts:");
            for (Alert alert : alerts) {
                text.append("\n  ")
                        .append(alert)
                        .append(" embedded=")
                        .append(alert.policy())
                        .append(" level=")
                        .append(alert.level())
                        .append(" delayed=")
                        .append(alert.blockDelayedUntil());
            }
            return text.toString();
        }
    }

    private static Case generate(Random random) {
        Case generated = new Case();
        int policyCount = 1 + random.nextInt(6);
        List<Policy> embeddable = new ArrayList<>();
        for (int i = 0; i < policyCount; i++) {
            String id = Integer.toString(i + 1);
            Policy listed = policy(random, id);
            if (random.nextInt(8) != 0) {
                generated.listed.put(id, listed);
            }
            // What an alert embeds: usually the listed policy, sometimes a newer version of it.
            embeddable.add(random.nextInt(4) == 0 ? policy(random, id) : listed);
        }
        int alertCount = random.nextInt(12);
        for (int i = 0; i < alertCount; i++) {
            Policy policy = embeddable.get(random.nextInt(embeddable.size()));
            Alert.Builder alert = Alert.builder("a" + (i + 1));
            if (random.nextBoolean()) {
                alert.policy(policy);
            } else {
                alert.policyId(random.nextInt(40) == 0 ? "999" : policy.id());
            }
            alert.ignored(random.nextInt(5) == 0);
            switch (random.nextInt(6)) {
                case 0:
                    alert.blockDelayedUntil(NOW.minus(Duration.ofMinutes(1 + random.nextInt(10_000))));
                    break;
                case 1:
                    alert.blockDelayedUntil(NOW.plus(Duration.ofMinutes(1 + random.nextInt(10_000))));
                    break;
                case 2:
                    alert.blockDelayedUntil(NOW);
                    break;
                case 3:
                    alert.blockDelayedUntil(NOW.plusNanos(1));
                    break;
                default:
                    break;
            }
            if (random.nextInt(3) == 0) {
                alert.level(LEVELS.get(random.nextInt(LEVELS.size())));
            }
            alert.dependencyPurl(
                    random.nextInt(10) == 0 ? null : "pkg:npm/lib-" + random.nextInt(5) + "@1." + random.nextInt(3));
            alert.vulnerability(random.nextBoolean() ? "CVE-2024-" + random.nextInt(100) : null);
            alert.matchedCriteria(random.nextBoolean() ? List.of("criterion " + i) : List.of());
            alert.project(
                    random.nextBoolean()
                            ? new Project(Integer.toString(random.nextInt(3)), random.nextBoolean() ? "shop" : null)
                            : null);
            generated.alerts.add(alert.build());
        }
        return generated;
    }

    private static Policy policy(Random random, String id) {
        String name = random.nextInt(6) == 0 ? "Same name" : "Policy " + (char) ('A' + random.nextInt(26)) + id;
        return new Policy(
                id, name, LEVELS.get(random.nextInt(LEVELS.size())), random.nextInt(4) != 0, random.nextBoolean());
    }

    // ---- the reference ---------------------------------------------------------------------------------

    /** The rules, evaluated the plain way. */
    private static final class Reference {
        String unknownPolicyOf;
        final Map<String, List<String>> blockingByPolicy = new TreeMap<>();
        final Map<String, String> names = new HashMap<>();
        final Map<String, String> levelOf = new HashMap<>();
        final Map<String, Integer> byLevel = new LinkedHashMap<>();
        List<String> policyOrder = new ArrayList<>();
        int activeAlerts;
        int ignored;
        int delayed;

        boolean blocks() {
            return !blockingByPolicy.isEmpty();
        }

        static Reference of(Case generated) {
            Reference reference = new Reference();
            reference.byLevel.put("critical", 0);
            reference.byLevel.put("warning", 0);
            reference.byLevel.put("info", 0);
            reference.activeAlerts = generated.alerts.size();
            for (Alert alert : generated.alerts) {
                // The policy embedded in the alert describes it; only an alert naming an id is joined with the list.
                Policy policy = alert.policy() != null ? alert.policy() : generated.listed.get(alert.policyId());
                if (policy == null) {
                    reference.unknownPolicyOf = alert.id();
                    return reference;
                }
                if (alert.isIgnored()) {
                    reference.ignored++;
                    continue;
                }
                String level =
                        alert.level() != null && !alert.level().trim().isEmpty() ? alert.level() : policy.level();
                level = level.trim().isEmpty() ? "unknown" : level.trim().toLowerCase(Locale.ROOT);
                reference.byLevel.put(level, reference.byLevel.getOrDefault(level, 0) + 1);
                if (!policy.isActive() || !policy.isBlocksBuild()) {
                    continue;
                }
                boolean stillDelayed = alert.blockDelayedUntil() != null && NOW.isBefore(alert.blockDelayedUntil());
                if (stillDelayed) {
                    reference.delayed++;
                    continue;
                }
                reference
                        .blockingByPolicy
                        .computeIfAbsent(policy.id(), id -> new ArrayList<>())
                        .add(alert.id());
                reference.names.putIfAbsent(policy.id(), policy.name());
                reference.levelOf.put(alert.id(), level);
            }
            reference.blockingByPolicy.values().forEach(ids -> ids.sort(null));
            List<String> order = new ArrayList<>(reference.blockingByPolicy.keySet());
            order.sort((a, b) -> {
                int byName = reference.names.get(a).compareTo(reference.names.get(b));
                return byName != 0 ? byName : a.compareTo(b);
            });
            reference.policyOrder = order;
            return reference;
        }
    }

    private static Map<String, List<String>> blockingSet(PolicyGate.Decision decision) {
        Map<String, List<String>> set = new TreeMap<>();
        for (BlockingPolicy policy : decision.blockingPolicies()) {
            List<String> ids = new ArrayList<>();
            policy.alerts().forEach(alert -> ids.add(alert.id()));
            ids.sort(null);
            if (set.put(policy.id(), ids) != null) {
                fail("policy " + policy.id() + " listed twice");
            }
        }
        return set;
    }

    private static List<String> policyOrder(PolicyGate.Decision decision) {
        List<String> order = new ArrayList<>();
        decision.blockingPolicies().forEach(policy -> order.add(policy.id()));
        return order;
    }
}
