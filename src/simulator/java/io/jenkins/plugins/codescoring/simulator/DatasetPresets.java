package io.jenkins.plugins.codescoring.simulator;

import io.jenkins.plugins.codescoring.simulator.Dataset.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The named datasets: the situations that tests, the benchmark and the demo need. */
final class DatasetPresets {

    static final List<String> NAMES = List.of(
            "empty",
            "clean",
            "blocking",
            "delayed-blocker",
            "delay-expired",
            "ignored-alert",
            "inactive-policy",
            "policy-by-id",
            "many-pages",
            "many-pages:N",
            "several-projects",
            "demo",
            "two-blockers",
            "three-blockers");

    static final Policy CRITICAL_CVE = new Policy(
            1,
            "Critical vulnerabilities (CVSS >= 7)",
            "critical",
            Dataset.ALL_STAGES,
            true,
            true,
            "Stops builds with a known vulnerability scored 7.0 or higher");
    static final Policy COPYLEFT = new Policy(
            2,
            "Copyleft licences",
            "warning",
            Dataset.ALL_STAGES,
            true,
            false,
            "Strong copyleft licences need a legal review");
    static final Policy OUTDATED = new Policy(
            3,
            "Outdated components",
            "info",
            List.of("dev", "source", "build"),
            true,
            false,
            "Components two or more major versions behind");
    static final Policy RETIRED_BLOCKER = new Policy(
            4,
            "Banned components (retired policy)",
            "critical",
            Dataset.ALL_STAGES,
            false,
            true,
            "Replaced by the CVSS policy; kept for the audit trail");
    static final Policy GRACE_BLOCKER = new Policy(
            5,
            "New critical CVEs (7-day grace period)",
            "critical",
            Dataset.ALL_STAGES,
            true,
            true,
            "Delayed blocker: blocks a week after the alert appears");
    static final Policy MALWARE = new Policy(
            6,
            "Malicious packages",
            "critical",
            Dataset.ALL_STAGES,
            true,
            true,
            "Packages reported as malware by the OSS feeds");

    static final long SHOP = 1;
    static final long SHOP_BACKEND = 2;
    static final long BILLING = 3;
    static final long INVENTORY = 4;
    static final long MOBILE = 5;

    private DatasetPresets() {}

    static Dataset byName(String presetName) {
        // Dashes and underscores are dropped from the name only: in many-pages:N, N keeps its sign.
        String[] nameAndCount = presetName.trim().split(":", 2);
        String key = nameAndCount[0].toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (nameAndCount.length == 2) {
            if (!key.equals("manypages")) {
                throw unknown(presetName);
            }
            return manyPages(Integer.parseInt(nameAndCount[1]));
        }
        switch (key) {
            case "empty":
                return Dataset.empty();
            case "clean":
                return clean();
            case "blocking":
                return blocking();
            case "delayedblocker":
                return delayedBlocker();
            case "delayexpired":
                return delayExpired();
            case "ignoredalert":
                return ignoredAlert();
            case "inactivepolicy":
                return inactivePolicy();
            case "policybyid":
                return policyById();
            case "manypages":
                return manyPages(250);
            case "severalprojects":
                return severalProjects();
            case "demo":
                return demo();
            case "twoblockers":
                return twoBlockers();
            case "threeblockers":
                return threeBlockers();
            default:
                throw unknown(presetName);
        }
    }

    private static IllegalArgumentException unknown(String presetName) {
        return new IllegalArgumentException("unknown dataset '" + presetName + "'; known: " + NAMES);
    }

    static Dataset clean() {
        return base("clean").build();
    }

    static Dataset blocking() {
        return blockingAlerts("blocking", true);
    }

    static Dataset policyById() {
        return blockingAlerts("policy-by-id", false);
    }

    static Dataset delayedBlocker() {
        return base("delayed-blocker")
                .alert(vulnerable(GRACE_BLOCKER, SHOP, Components.SNAKEYAML).blockDelayedUntil(inDays(7)))
                .alert(outdated(SHOP, Components.MOMENT))
                .build();
    }

    static Dataset delayExpired() {
        return base("delay-expired")
                .alert(vulnerable(GRACE_BLOCKER, SHOP, Components.SNAKEYAML)
                        .blockDelayedUntil(Instant.now().minus(Duration.ofHours(1))))
                .build();
    }

    static Dataset ignoredAlert() {
        return base("ignored-alert")
                .alert(vulnerable(CRITICAL_CVE, SHOP, Components.LOG4J).ignored(true))
                .alert(copyleft(SHOP, Components.MYSQL_CONNECTOR))
                .build();
    }

    static Dataset inactivePolicy() {
        return base("inactive-policy")
                .alert(vulnerable(RETIRED_BLOCKER, SHOP, Components.COMMONS_COLLECTIONS))
                .build();
    }

    static Dataset manyPages(int alertCount) {
        if (alertCount < 0) {
            throw new IllegalArgumentException("alertCount must not be negative: " + alertCount);
        }
        Dataset.Builder builder = base("many-pages:" + alertCount);
        for (int index = 0; index < alertCount; index++) {
            boolean blocking = index == alertCount / 2 || index == alertCount - 1;
            String purl = Components.generated(index);
            builder.alert(
                    blocking
                            ? Dataset.alert(CRITICAL_CVE.id(), SHOP)
                                    .dependency(purl)
                                    .vulnerability(Components.generatedCve(index))
                                    .criteria(Components.criteria(purl, Components.generatedCve(index), "9.1"))
                            : (index % 3 == 0 ? copyleft(SHOP, purl) : outdated(SHOP, purl)));
        }
        return builder.build();
    }

    static Dataset severalProjects() {
        return projects(base("several-projects"))
                .alert(outdated(SHOP, Components.MOMENT))
                .alert(copyleft(SHOP, Components.MYSQL_CONNECTOR).stage("dev"))
                .alert(vulnerable(CRITICAL_CVE, SHOP_BACKEND, Components.SPRING_WEB))
                .alert(copyleft(SHOP_BACKEND, Components.MYSQL_CONNECTOR))
                .alert(vulnerable(CRITICAL_CVE, BILLING, Components.JACKSON_DATABIND)
                        .stage("prod"))
                .alert(outdated(BILLING, Components.REQUESTS))
                .build();
    }

    static Dataset demo() {
        return projects(base("demo"))
                .project(MOBILE, "mobile-app")
                .alert(vulnerable(CRITICAL_CVE, SHOP, Components.LOG4J))
                .alert(vulnerable(CRITICAL_CVE, SHOP, Components.GUAVA).policyAsId())
                .alert(copyleft(SHOP, Components.MYSQL_CONNECTOR))
                .alert(outdated(SHOP, Components.MOMENT))
                .alert(vulnerable(CRITICAL_CVE, SHOP_BACKEND, Components.SPRING_WEB))
                .alert(vulnerable(GRACE_BLOCKER, SHOP_BACKEND, Components.SNAKEYAML)
                        .blockDelayedUntil(inDays(5)))
                .alert(vulnerable(CRITICAL_CVE, SHOP_BACKEND, Components.DJANGO).ignored(true))
                .alert(vulnerable(RETIRED_BLOCKER, BILLING, Components.COMMONS_COLLECTIONS))
                .alert(vulnerable(CRITICAL_CVE, BILLING, Components.JACKSON_DATABIND)
                        .stage("prod"))
                .alert(outdated(BILLING, Components.REQUESTS))
                .alert(copyleft(INVENTORY, Components.GHOSTSCRIPT_WRAPPER).stage("source"))
                .alert(vulnerable(CRITICAL_CVE, MOBILE, Components.LODASH).stage("dev"))
                .alert(vulnerable(CRITICAL_CVE, MOBILE, Components.MINIMIST))
                .alert(Dataset.alert(MALWARE.id(), MOBILE)
                        .dependency("pkg:npm/event-stream@3.3.6")
                        .vulnerability("MAL-2018-1")
                        .criteria("event-stream@3.3.6 is reported as malicious (flatmap-stream)"))
                .alert(vulnerable(CRITICAL_CVE, MOBILE, Components.AXIOS).level("warning"))
                .alert(outdated(MOBILE, Components.GOLANG_NET))
                .build();
    }

    /** Two blocking alerts (ids 1 and 2) in project shop: a build's blocking alerts before one more appears. */
    static Dataset twoBlockers() {
        return twoBlockersBase("two-blockers").build();
    }

    /** The two of {@link #twoBlockers()} with the same ids, and a third blocking alert (id 3): one new since then. */
    static Dataset threeBlockers() {
        return twoBlockersBase("three-blockers")
                .alert(vulnerable(CRITICAL_CVE, SHOP, Components.SPRING_WEB))
                .build();
    }

    private static Dataset.Builder twoBlockersBase(String name) {
        return base(name)
                .alert(vulnerable(CRITICAL_CVE, SHOP, Components.LOG4J))
                .alert(vulnerable(CRITICAL_CVE, SHOP, Components.GUAVA))
                .alert(outdated(SHOP, Components.MOMENT));
    }

    private static Dataset blockingAlerts(String name, boolean embedPolicies) {
        return base(name)
                .alert(vulnerable(CRITICAL_CVE, SHOP, Components.LOG4J).embedsPolicy(embedPolicies))
                .alert(copyleft(SHOP, Components.MYSQL_CONNECTOR).embedsPolicy(embedPolicies))
                .alert(outdated(SHOP, Components.MOMENT).embedsPolicy(embedPolicies))
                .build();
    }

    private static Dataset.Builder base(String name) {
        return Dataset.builder(name)
                .policy(CRITICAL_CVE)
                .policy(COPYLEFT)
                .policy(OUTDATED)
                .policy(RETIRED_BLOCKER)
                .policy(GRACE_BLOCKER)
                .policy(MALWARE)
                .project(SHOP, "shop");
    }

    private static Dataset.Builder projects(Dataset.Builder builder) {
        return builder.project(SHOP_BACKEND, "shop-backend")
                .project(BILLING, "billing")
                .project(INVENTORY, "Inventory Service");
    }

    private static AlertBuilder vulnerable(Policy policy, long projectId, Components.Vulnerable component) {
        return Dataset.alert(policy.id(), projectId)
                .dependency(component.purl())
                .vulnerability(component.cve())
                .criteria(Components.criteria(component.purl(), component.cve(), component.cvss()));
    }

    private static AlertBuilder copyleft(long projectId, String purl) {
        return Dataset.alert(COPYLEFT.id(), projectId)
                .dependency(purl)
                .criteria(Components.nameAndVersion(purl) + " is licensed under GPL-2.0-only (category: Copyleft)");
    }

    private static AlertBuilder outdated(long projectId, String purl) {
        return Dataset.alert(OUTDATED.id(), projectId)
                .dependency(purl)
                .criteria(Components.nameAndVersion(purl) + " is 2 major versions behind the latest release");
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days));
    }
}
