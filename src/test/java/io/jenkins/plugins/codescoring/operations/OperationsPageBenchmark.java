package io.jenkins.plugins.codescoring.operations;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.SimulatedPlatform;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.scan.ScanListener;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.scan.ScanState;
import io.jenkins.plugins.codescoring.scanstep.CodescoringScans;
import io.jenkins.plugins.codescoring.scanstep.ScanOwner;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.Outcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * What Manage Jenkins » CodeScoring costs with {@value #SCANS} waiting scans, each of its own job: the page and its
 * api/json as a client gets them (server rendering plus loopback transfer, no browser), and the in-process snapshot
 * the page is built from. Prints the figures; asserts only that the page shows every scan. Not part of the test suite
 * (its name ends in Benchmark): run it with {@code maven -B -ntp -o test -Dtest=OperationsPageBenchmark}.
 */
public class OperationsPageBenchmark {
    static final int SCANS = 500;
    private static final int RUNS = 15;

    public JenkinsRule r = new JenkinsRule();

    private final SimulatedPlatform platform = SimulatedPlatform.configured();

    @Rule
    public RuleChain jenkinsThenPlatform = RuleChain.outerRule(r).around(platform);

    @Test
    public void renderWithFiveHundredWaitingScans() throws Exception {
        platform.simulator().load(Dataset.clean());
        platform.simulator().setManualCompletion(true);
        CodescoringApi api = CodescoringClient.builder(platform.simulator().baseUrl(), TestCredentials.TOKEN)
                .build();
        ScanRequest request = ScanRequest.builder()
                .stage("build")
                .timeout(Duration.ofMinutes(60))
                .build();
        for (int i = 0; i < SCANS; i++) {
            String name = "job-" + i;
            r.createFreeStyleProject(name);
            CodescoringScans.submit(
                    api,
                    request,
                    ScanState.begin(request, Clock.systemUTC().instant()),
                    ScanListener.SILENT,
                    result -> {},
                    ScanOwner.named(name, 1));
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (CodescoringScans.waiting() < SCANS || !platform.simulator().isAnalysisRunning()) {
            assertTrue("the scans never all waited", System.nanoTime() < end);
            Thread.sleep(50);
        }

        HttpClient http = HttpClient.newHttpClient();
        String page = r.getURL() + "manage/codescoring/";
        String json = r.getURL() + "codescoring/api/json";
        String body = get(http, page);
        assertEquals("a row per scan", SCANS, body.split("<tr>", -1).length - 2);
        List<Long> pageMillis = time(http, page);
        List<Long> jsonMillis = time(http, json);
        List<Long> snapshotMicros = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            OperationsPage.sections(
                    io.jenkins.plugins.codescoring.config.CodescoringGlobalConfiguration.get()
                            .getPlatforms(),
                    CodescoringScans.snapshots(),
                    Clock.systemUTC().instant());
            snapshotMicros.add((System.nanoTime() - start) / 1000);
        }
        System.out.printf(
                "OperationsPageBenchmark: %d waiting scans; page %d bytes, json %d bytes%n",
                SCANS, body.length(), get(http, json).length());
        System.out.printf(
                "OperationsPageBenchmark: page GET median %d ms, max %d ms; api/json median %d ms, max %d ms;"
                        + " snapshot+sections median %d us, max %d us (%d runs after a warm-up)%n",
                median(pageMillis),
                max(pageMillis),
                median(jsonMillis),
                max(jsonMillis),
                median(snapshotMicros),
                max(snapshotMicros),
                RUNS);

        platform.simulator().completeAnalysis(Outcome.SUCCESS);
        end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (CodescoringScans.waiting() > 0) {
            assertTrue("the scans never ended", System.nanoTime() < end);
            Thread.sleep(50);
        }
    }

    private static List<Long> time(HttpClient http, String url) throws Exception {
        for (int i = 0; i < 3; i++) {
            get(http, url); // warm-up: Jelly compiles the view on first use
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            get(http, url);
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
        return millis;
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(url, 200, response.statusCode());
        return response.body();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long max(List<Long> values) {
        return Collections.max(values);
    }
}
