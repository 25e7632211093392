package io.jenkins.plugins.codescoring.report;

import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.scan.BlockingAlert;
import io.jenkins.plugins.codescoring.scan.BlockingPolicy;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Results to render in tests, built only from the result's public builder (so they hold no token). */
final class SampleResults {
    static final String PLATFORM = "https://codescoring.example.com";
    static final Instant REQUESTED = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant FINISHED = Instant.parse("2025-03-01T10:04:30Z");

    private SampleResults() {}

    static Map<String, Integer> levels(int critical, int warning, int info) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        levels.put("critical", critical);
        levels.put("warning", warning);
        levels.put("info", info);
        return levels;
    }

    static ScanResult passed() {
        return ScanResult.builder(Verdict.PASSED)
                .platformUrl(PLATFORM)
                .analysisRunId("41")
                .requestedAt(REQUESTED)
                .finishedAt(FINISHED)
                .activeAlerts(7)
                .ignoredAlerts(2)
                .alertsByLevel(levels(0, 4, 1))
                .build();
    }

    /** 3 blocking alerts from 2 policies, in project shop at stage build, listed out of order. */
    static ScanResult blocked() {
        BlockingPolicy licenses = new BlockingPolicy(
                "7",
                "Forbidden licenses",
                "warning",
                List.of(new BlockingAlert(
                        "a-3",
                        "shop",
                        "build",
                        null,
                        "pkg:npm/left-pad@1.3.0",
                        null,
                        List.of("left-pad@1.3.0 has license WTFPL, which is forbidden"))));
        BlockingPolicy cves = new BlockingPolicy(
                "3",
                "Critical CVEs",
                "critical",
                List.of(
                        new BlockingAlert(
                                "a-2",
                                "shop",
                                "build",
                                "critical",
                                "pkg:pypi/django@4.2.2",
                                "CVE-2024-38875",
                                List.of("django@4.2.2 has CVE-2024-38875, CVSS3 Score 7.5 >= 7.00")),
                        new BlockingAlert(
                                "a-1",
                                "shop",
                                "build",
                                "critical",
                                "pkg:maven/com.google.guava/guava@31.0.1-jre",
                                "CVE-2023-2976",
                                List.of(
                                        "guava@31.0.1-jre has CVE-2023-2976, CVSS3 Score 7.1 >= 7.00",
                                        "fixed in 32.0.0-android"))));
        Map<String, Integer> levels = levels(2, 5, 1);
        levels.put("unknown", 1);
        return ScanResult.builder(Verdict.BLOCKED)
                .platformUrl(PLATFORM)
                .analysisRunId("42")
                .project("shop")
                .stage("build")
                .requestedAt(REQUESTED)
                .finishedAt(FINISHED)
                .activeAlerts(10)
                .ignoredAlerts(1)
                .delayedBlockingAlerts(2)
                .alertsByLevel(levels)
                .blockingPolicies(List.of(licenses, cves))
                .build();
    }

    /** One blocking policy with the given number of alerts on numbered dependencies. */
    static ScanResult blockedWith(int alerts) {
        List<BlockingAlert> list = new ArrayList<>();
        for (int i = 0; i < alerts; i++) {
            list.add(new BlockingAlert(
                    "a" + i,
                    "shop",
                    null,
                    "critical",
                    String.format("pkg:npm/lib%03d@1.0.0", i),
                    "CVE-2024-" + (1000 + i),
                    List.of()));
        }
        return ScanResult.builder(Verdict.BLOCKED)
                .platformUrl(PLATFORM)
                .project("shop")
                .activeAlerts(alerts)
                .alertsByLevel(levels(alerts, 0, 0))
                .blockingPolicies(List.of(new BlockingPolicy("1", "CVEs", "critical", list)))
                .build();
    }

    static ScanResult blockedBy(BlockingPolicy... policies) {
        return ScanResult.builder(Verdict.BLOCKED)
                .platformUrl(PLATFORM)
                .blockingPolicies(List.of(policies))
                .build();
    }

    static ScanResult error(ErrorKind kind, String message) {
        return ScanResult.builder(Verdict.ERROR)
                .error(kind, message)
                .platformUrl(PLATFORM)
                .project("shop")
                .requestedAt(REQUESTED)
                .finishedAt(FINISHED)
                .build();
    }
}
