package io.jenkins.plugins.codescoring.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeFalse;

import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.SimulatorRule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/** {@link Main} in its own process: exit codes reach the shell, and a terminated run reports ABORTED with exit code 2. */
public class CliProcessTest {
    private static final String TOKEN = "proc-TOKEN-3b9e6d0c71f4a528";

    @Rule
    public Timeout timeout = Timeout.seconds(60);

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Rule
    public final SimulatorRule platform = new SimulatorRule(TOKEN, Duration.ofMillis(200));

    @Test
    public void theExitCodeOfTheVerdictReachesTheShell() throws Exception {
        platform.simulator().load(Dataset.blocking());
        Process process = start("scan", "--url", platform.simulator().baseUrl(), "--poll-interval", "1");
        CompletableFuture<String> out = readAll(process, null);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(out.get(), 1, process.exitValue());
        assertTrue(out.get().contains("CodeScoring verdict: BLOCKED"));
        assertFalse(out.get().contains(TOKEN));
    }

    @Test
    public void terminatingAWaitingScanReportsAbortedAndExitsWith2() throws Exception {
        assumeFalse(
                "Windows ends processes without running shutdown hooks",
                System.getProperty("os.name").startsWith("Windows"));
        platform.simulator().load(Dataset.clean());
        platform.simulator().setManualCompletion(true);
        Path json = folder.getRoot().toPath().resolve("aborted.json");
        Process process = start("scan", "--url", platform.simulator().baseUrl(), "--json", json.toString());
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<String> out = readAll(process, waiting);
        assertTrue("the scan started waiting", waiting.await(30, TimeUnit.SECONDS));
        process.toHandle().destroy(); // SIGTERM, which runs the shutdown hooks as Ctrl-C (SIGINT) does
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(out.get(), 2, process.exitValue());
        assertTrue(out.get(), out.get().contains("CodeScoring verdict: ERROR — ABORTED"));
        assertTrue(Files.readString(json).contains("\"kind\": \"ABORTED\""));
    }

    @Test
    public void theSimulatorCommandRunsTheBundledSimulator() throws Exception {
        Process process = start("simulator", "--help");
        CompletableFuture<String> out = readAll(process, null);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(out.get(), 0, process.exitValue());
        assertTrue(out.get(), out.get().contains("--dataset"));
    }

    private Process start(String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(
                List.of(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(ScanCommand.TOKEN_VARIABLE, TOKEN);
        return builder.start();
    }

    /** Everything the process prints; counts the latch down once it says it is waiting for the analysis. */
    private static CompletableFuture<String> readAll(Process process, CountDownLatch waiting) {
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder text = new StringBuilder();
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    text.append(line).append('\n');
                    if (waiting != null && line.contains("waiting for it to finish")) {
                        waiting.countDown();
                    }
                }
            } catch (IOException e) {
                text.append(e);
            }
            return text.toString();
        });
    }
}
