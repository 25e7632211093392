package io.jenkins.plugins.codescoring.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.SimulatorRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/** The terminal runner end to end: real client, real engine, the simulator on loopback. */
public class CliSimulatorTest {
    private static final String TOKEN = "sim-TOKEN-8e4b1f7c92d0a635";
    /** Polls fast so each scan takes well under a second against a 200 ms analysis. */
    private static final ScanLauncher FAST =
            (url, token, request, listener) -> new PlatformScanLauncher().scan(url, token, fast(request), listener);

    @Rule
    public Timeout timeout = Timeout.seconds(60);

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Rule
    public final SimulatorRule platform = new SimulatorRule(TOKEN, Duration.ofMillis(200));

    @Test
    public void cleanPlatformPassesWithExitCode0() {
        platform.simulator().load(Dataset.clean());
        CliRun run = scan("--project", "shop");
        assertEquals(run.toString(), 0, run.exitCode);
        assertTrue(
                run.out,
                run.out.contains("CodeScoring verdict: PASSED — no blocking alerts (project shop, all stages)\n"));
        assertTrue(run.out.contains("Platform: " + platform.simulator().baseUrl()));
        assertEquals(1, platform.simulator().analysisStarts());
        assertNoToken(run);
    }

    @Test
    public void blockingAlertStopsTheBuildWithExitCode1AndATable() {
        platform.simulator().load(Dataset.blocking());
        CliRun run = scan("--project", "shop", "--stage", "build");
        assertEquals(run.toString(), 1, run.exitCode);
        assertTrue(
                run.out,
                run.out.contains(
                        "CodeScoring verdict: BLOCKED — 1 blocking alert from 1 policy (project shop, stage build)\n"));
        assertTrue(run.out, run.out.contains("Policy "));
        assertTrue(run.out, run.out.contains("| Blocks build | Level    | Dependency"));
        assertTrue(
                run.out,
                run.out.contains("Critical vulnerabilities (CVSS >= 7) | yes          | critical"
                        + " | pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1 | CVE-2021-44228\n"));
        assertTrue(run.out, run.out.contains("CVE-2021-44228"));
        assertNoToken(run);
    }

    @Test
    public void theJsonReportHoldsTheResultAndNoToken() throws Exception {
        platform.simulator().load(Dataset.blocking());
        Path file = folder.getRoot().toPath().resolve("out/codescoring.json");
        CliRun run = scan("--json", file.toString());
        assertEquals(run.toString(), 1, run.exitCode);
        String text = Files.readString(file);
        assertFalse(text.contains(TOKEN));
        JsonNode json = new ObjectMapper().readTree(text);
        assertEquals(1, json.get("schemaVersion").intValue());
        assertEquals("BLOCKED", json.get("verdict").textValue());
        assertTrue(json.get("error").isNull());
        assertEquals(platform.simulator().baseUrl(), json.get("platformUrl").textValue());
        assertTrue(json.at("/scope/project").isNull());
        assertEquals(1, json.at("/counts/blockingAlerts").intValue());
        assertEquals(3, json.at("/counts/activeAlerts").intValue());
        JsonNode alert = json.at("/blockingPolicies/0/alerts/0");
        assertEquals("CVE-2021-44228", alert.get("vulnerability").textValue());
        assertTrue(alert.get("dependencyPurl").textValue().startsWith("pkg:maven/"));
        assertTrue(alert.get("matchedCriteria").size() > 0);
        assertTrue(run.out.endsWith("JSON report written to " + file + "\n"));
        assertNoToken(run);
    }

    @Test
    public void aWrongTokenIsAnErrorWithExitCode2AndAdvice() throws Exception {
        platform.simulator().load(Dataset.blocking());
        Path file = folder.getRoot().toPath().resolve("rejected.json");
        CliRun run = CliRun.with(FAST)
                .token("wrong-" + TOKEN)
                .run("scan", "--url", platform.simulator().baseUrl(), "--json", file.toString());
        assertEquals(run.toString(), 2, run.exitCode);
        assertTrue(run.out, run.out.startsWith("CodeScoring verdict: ERROR — TOKEN_REJECTED"));
        assertTrue(run.out, run.out.contains("What to do: Check the API token"));
        assertEquals(
                "TOKEN_REJECTED",
                new ObjectMapper().readTree(file.toFile()).at("/error/kind").textValue());
        assertFalse(run.all().contains(TOKEN));
        assertFalse(Files.readString(file).contains(TOKEN));
    }

    @Test
    public void anAnalysisThatDoesNotFinishInTimeIsAnErrorWithExitCode2() {
        platform.simulator().load(Dataset.clean());
        platform.simulator().setManualCompletion(true);
        long started = System.nanoTime();
        CliRun run = scan("--timeout", "1");
        assertEquals(run.toString(), 2, run.exitCode);
        assertTrue(run.out, run.out.contains("CodeScoring verdict: ERROR — TIMEOUT"));
        assertTrue(
                "gave up near the timeout",
                Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(10)) < 0);
        assertNoToken(run);
    }

    @Test
    public void anUnknownProjectIsAnErrorWithExitCode2() {
        platform.simulator().load(Dataset.clean());
        CliRun run = scan("--project", "no-such-project");
        assertEquals(run.toString(), 2, run.exitCode);
        assertTrue(run.out, run.out.startsWith("CodeScoring verdict: ERROR — BAD_CONFIGURATION"));
    }

    @Test
    public void nothingListensAtTheUrlIsAnErrorWithExitCode2() {
        String url = platform.simulator().baseUrl();
        platform.simulator().close();
        CliRun run = CliRun.with(FAST).token(TOKEN).run("scan", "--url", url, "--timeout", "5");
        assertEquals(run.toString(), 2, run.exitCode);
        // The connection is tried again until the deadline (5 s) is too near; the console says so once.
        assertTrue(run.out, run.out.contains("\nCodeScoring verdict: ERROR — UNREACHABLE"));
        assertTrue(run.out, run.out.contains("The scan's deadline comes before the next try; giving up"));
    }

    private CliRun scan(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "scan";
        args[1] = "--url";
        args[2] = platform.simulator().baseUrl();
        System.arraycopy(options, 0, args, 3, options.length);
        return CliRun.with(FAST).token(TOKEN).run(args);
    }

    private static void assertNoToken(CliRun run) {
        assertFalse(run.toString(), run.all().contains(TOKEN));
    }

    private static ScanRequest fast(ScanRequest request) {
        return ScanRequest.builder()
                .project(request.project())
                .stage(request.stage())
                .timeout(request.timeout())
                .maxPollInterval(Duration.ofMillis(200))
                .firstPollInterval(Duration.ofMillis(20))
                .startVisibleWithin(request.startVisibleWithin())
                .transientPatience(request.transientPatience())
                .build();
    }
}
