package io.jenkins.plugins.codescoring.cli;

import static org.junit.Assert.assertEquals;
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

/**
 * The simulator's presets made for the gate, each scanned through the terminal runner: an ignored alert, an
 * inactive policy and a delayed blocker pass; a blocker whose delay is over blocks.
 */
public class GatePresetsCliTest {
    private static final String TOKEN = "sim-TOKEN-5c1e0b7d33a94f28";
    private static final ScanLauncher FAST = (url, token, request, listener) -> new PlatformScanLauncher()
            .scan(
                    url,
                    token,
                    ScanRequest.builder()
                            .project(request.project())
                            .stage(request.stage())
                            .timeout(request.timeout())
                            .maxPollInterval(Duration.ofMillis(200))
                            .firstPollInterval(Duration.ofMillis(20))
                            .build(),
                    listener);

    @Rule
    public Timeout timeout = Timeout.seconds(120);

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Rule
    public final SimulatorRule platform = new SimulatorRule(TOKEN, Duration.ofMillis(200));

    private JsonNode scan(Dataset dataset, int exitCode) throws Exception {
        platform.simulator().load(dataset);
        Path file = folder.getRoot().toPath().resolve(dataset.name() + ".json");
        CliRun run = CliRun.with(FAST)
                .token(TOKEN)
                .run("scan", "--url", platform.simulator().baseUrl(), "--project", "shop", "--json", file.toString());
        assertEquals(run.toString(), exitCode, run.exitCode);
        return new ObjectMapper().readTree(Files.readString(file));
    }

    @Test
    public void anIgnoredCriticalAlertPassesAndIsCountedAsIgnored() throws Exception {
        JsonNode json = scan(Dataset.ignoredAlert(), 0);
        assertEquals("PASSED", json.get("verdict").textValue());
        assertEquals(2, json.at("/counts/activeAlerts").intValue());
        assertEquals(1, json.at("/counts/ignoredAlerts").intValue());
        assertEquals(
                "only the copyleft warning is counted by level",
                0,
                json.at("/counts/byLevel/critical").intValue());
        assertEquals(1, json.at("/counts/byLevel/warning").intValue());
    }

    @Test
    public void anAlertOfAnInactiveBlockingPolicyPasses() throws Exception {
        JsonNode json = scan(Dataset.inactivePolicy(), 0);
        assertEquals("PASSED", json.get("verdict").textValue());
        assertEquals(1, json.at("/counts/activeAlerts").intValue());
        assertEquals(1, json.at("/counts/byLevel/critical").intValue());
        assertEquals(0, json.at("/counts/delayedBlockingAlerts").intValue());
    }

    @Test
    public void aBlockerWhoseDelayHasNotEndedPassesAndIsCountedAsDelayed() throws Exception {
        JsonNode json = scan(Dataset.delayedBlocker(), 0);
        assertEquals("PASSED", json.get("verdict").textValue());
        assertEquals(1, json.at("/counts/delayedBlockingAlerts").intValue());
        assertEquals(0, json.at("/counts/blockingAlerts").intValue());
    }

    @Test
    public void aBlockerWhoseDelayHasEndedBlocks() throws Exception {
        JsonNode json = scan(Dataset.delayExpired(), 1);
        assertEquals("BLOCKED", json.get("verdict").textValue());
        assertEquals(0, json.at("/counts/delayedBlockingAlerts").intValue());
        assertEquals(1, json.at("/counts/blockingAlerts").intValue());
        assertEquals(
                "New critical CVEs (7-day grace period)",
                json.at("/blockingPolicies/0/name").textValue());
        assertTrue(json.at("/blockingPolicies/0/alerts/0/dependencyPurl")
                .textValue()
                .contains("snakeyaml"));
    }
}
