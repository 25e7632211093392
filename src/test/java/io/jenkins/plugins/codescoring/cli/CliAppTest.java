package io.jenkins.plugins.codescoring.cli;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.report.ConsoleReport;
import io.jenkins.plugins.codescoring.report.JsonReport;
import io.jenkins.plugins.codescoring.scan.BlockingAlert;
import io.jenkins.plugins.codescoring.scan.BlockingPolicy;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CliAppTest {
    private static final String TOKEN = "tok-CLI-5c1d9e7a3f8b2064";
    private static final String URL = "https://cs.example.com";
    private static final ScanResult PASSED =
            ScanResult.builder(Verdict.PASSED).platformUrl(URL).build();
    private static final ScanResult BLOCKED = ScanResult.builder(Verdict.BLOCKED)
            .platformUrl(URL)
            .blockingPolicies(List.of(new BlockingPolicy(
                    "1",
                    "Critical CVEs",
                    "critical",
                    List.of(new BlockingAlert(
                            "1",
                            "shop",
                            "build",
                            "critical",
                            "pkg:npm/a@1",
                            "CVE-2024-1",
                            List.of("a@1 has CVE-2024-1"))))))
            .build();
    private static final ScanResult FAILED = ScanResult.builder(Verdict.ERROR)
            .platformUrl(URL)
            .error(ErrorKind.ANALYSIS_FAILED, "Run 7 failed on the platform.")
            .build();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void withoutArgumentsUsageGoesToStandardErrorWithExitCode2() {
        CliRun run = CliRun.with(new RecordingLauncher(PASSED)).run();
        assertEquals(2, run.exitCode);
        assertEquals("", run.out);
        assertEquals(Usage.TEXT, run.err);
    }

    @Test
    public void helpGoesToStandardOutputWithExitCode0() {
        for (String[] args : List.of(
                new String[] {"--help"},
                new String[] {"-h"},
                new String[] {"help"},
                new String[] {"scan", "--help"},
                new String[] {"scan", "--url", URL, "-h"})) {
            CliRun run = CliRun.with(new RecordingLauncher(PASSED)).run(args);
            assertEquals(run.toString(), 0, run.exitCode);
            assertEquals(Usage.TEXT, run.out);
            assertEquals("", run.err);
        }
        assertTrue(Usage.TEXT.contains("scan --url URL [--project NAME|ID] [--stage STAGE]"));
        assertTrue(Usage.TEXT.contains("CODESCORING_TOKEN"));
        assertTrue(Usage.TEXT.contains("(default: 3600)"));
        assertTrue(Usage.TEXT.contains("(default: 30)"));
    }

    @Test
    public void usageErrorsExitWith2AndOneClearLinePlusTheHint() {
        Map<List<String>, String> cases = Map.of(
                List.of("scan", "--url", URL, "--bogus"),
                "error: Unknown option --bogus.",
                List.of("scan", "--url", URL, "--timeout", "soon"),
                "error: --timeout takes a whole number of seconds greater than 0, not 'soon'.",
                List.of("scan", "--project", "shop"),
                "error: --url is required: the address of the CodeScoring platform.",
                List.of("scan", "--url", "ftp://cs.example.com"),
                "error: --url: The platform URL must start with http:// or https:// (it starts with ftp:).",
                List.of("scna", "--url", URL),
                "error: Unknown command scna: the first argument is the command, scan or simulator.",
                List.of("--url", URL),
                "error: Unknown command or option --url: the first argument is the command, scan or simulator.");
        cases.forEach((args, message) -> {
            RecordingLauncher launcher = new RecordingLauncher(PASSED);
            CliRun run = CliRun.with(launcher).token(TOKEN).run(args.toArray(new String[0]));
            assertEquals(run.toString(), 2, run.exitCode);
            assertEquals("", run.out);
            assertEquals(message + "\nRun with --help for usage.\n", run.err);
            assertEquals(0, launcher.calls);
        });
    }

    @Test
    public void aMissingOrBlankTokenVariableIsAUsageError() {
        for (CliRun.Builder builder : List.of(
                CliRun.with(new RecordingLauncher(PASSED)),
                CliRun.with(new RecordingLauncher(PASSED)).token("  "))) {
            CliRun run = builder.run("scan", "--url", URL);
            assertEquals(2, run.exitCode);
            assertEquals(
                    "error: Set the CODESCORING_TOKEN environment variable to the CodeScoring API token"
                            + " (the token is never taken from the arguments).\nRun with --help for usage.\n",
                    run.err);
        }
    }

    @Test
    public void aTokenArgumentIsRefusedAndNotRepeated() {
        RecordingLauncher launcher = new RecordingLauncher(PASSED);
        CliRun run = CliRun.with(launcher).token(TOKEN).run("scan", "--url", URL, "--token", "other-secret-42");
        assertEquals(2, run.exitCode);
        assertTrue(run.err, run.err.startsWith("error: --token is not accepted"));
        assertTrue(run.err.contains("Set the CODESCORING_TOKEN environment variable instead."));
        assertFalse(run.all().contains("other-secret-42"));
        assertEquals(0, launcher.calls);
    }

    @Test
    public void exitCodesFollowTheVerdict() {
        assertEquals(0, scan(PASSED).exitCode);
        assertEquals(1, scan(BLOCKED).exitCode);
        assertEquals(2, scan(FAILED).exitCode);
    }

    @Test
    public void progressLinesThenTheReportGoToStandardOutput() {
        CliRun run = CliRun.with(new RecordingLauncher(BLOCKED, "Starting the analysis", "Analysis finished"))
                .token(TOKEN)
                .run("scan", "--url", URL);
        List<String> expected = new ArrayList<>(List.of("Starting the analysis", "Analysis finished"));
        expected.addAll(ConsoleReport.standard().lines(BLOCKED));
        assertEquals(String.join("\n", expected) + "\n", run.out);
        assertEquals("", run.err);
    }

    @Test
    public void anErrorResultIsReportedWithItsAdvice() {
        CliRun run = scan(FAILED);
        assertTrue(run.out.contains("Error (ANALYSIS_FAILED): Run 7 failed on the platform."));
        assertTrue(run.out.contains("What to do: " + ErrorKind.ANALYSIS_FAILED.advice()));
    }

    @Test
    public void theLauncherGetsTheCheckedUrlTheTokenAndTheRequest() {
        RecordingLauncher launcher = new RecordingLauncher(PASSED);
        CliRun.with(launcher)
                .token(" " + TOKEN + "\n")
                .run(
                        "scan",
                        "--url",
                        "HTTPS://CS.example.com/api/",
                        "--project",
                        "42",
                        "--stage",
                        "prod",
                        "--timeout",
                        "120",
                        "--poll-interval",
                        "5");
        assertEquals("https://cs.example.com", launcher.platformUrl);
        assertEquals(TOKEN, launcher.token);
        assertEquals("42", launcher.request.project());
        assertEquals("prod", launcher.request.stage());
        assertEquals(Duration.ofSeconds(120), launcher.request.timeout());
        assertEquals(Duration.ofSeconds(5), launcher.request.maxPollInterval());
    }

    @Test
    public void anUnknownStageIsAUsageErrorBeforeAnyScan() {
        RecordingLauncher launcher = new RecordingLauncher(PASSED);
        CliRun run = CliRun.with(launcher).token(TOKEN).run("scan", "--url", URL, "--stage", "biuld");
        assertEquals(2, run.exitCode);
        assertTrue(run.err, run.err.contains("Unknown stage 'biuld'"));
        assertEquals(null, launcher.request);
    }

    @Test
    public void theJsonReportIsWrittenWhenAsked() throws Exception {
        Path file = folder.getRoot().toPath().resolve("reports/codescoring.json");
        CliRun run = CliRun.with(new RecordingLauncher(BLOCKED))
                .token(TOKEN)
                .run("scan", "--url", URL, "--json", file.toString());
        assertEquals(1, run.exitCode);
        assertEquals(JsonReport.toJson(BLOCKED), Files.readString(file));
        assertTrue(run.out.endsWith("JSON report written to " + file + "\n"));
    }

    @Test
    public void aJsonReportThatCannotBeWrittenMakesTheRunFail() throws Exception {
        Path directory = folder.newFolder("taken").toPath();
        CliRun run = CliRun.with(new RecordingLauncher(PASSED))
                .token(TOKEN)
                .run("scan", "--url", URL, "--json", directory.toString());
        assertEquals(2, run.exitCode);
        assertTrue(run.out.startsWith(ConsoleReport.verdictLine(PASSED)));
        assertTrue(run.err, run.err.startsWith("Could not write the JSON report to " + directory));
    }

    @Test
    public void alertsLeftOutOfTheTablePointToTheJsonReport() throws Exception {
        List<BlockingAlert> alerts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            alerts.add(new BlockingAlert(
                    "a" + i, null, null, "critical", "pkg:npm/lib" + (100 + i) + "@1", null, List.of()));
        }
        ScanResult many = ScanResult.builder(Verdict.BLOCKED)
                .platformUrl(URL)
                .blockingPolicies(List.of(new BlockingPolicy("1", "P", "critical", alerts)))
                .build();
        assertTrue(scan(many).out.contains("… and 5 more blocking alerts (--json FILE lists them all)\n"));
        Path file = folder.getRoot().toPath().resolve("all.json");
        CliRun run = CliRun.with(new RecordingLauncher(many))
                .token(TOKEN)
                .run("scan", "--url", URL, "--json", file.toString());
        assertTrue(run.out.contains("… and 5 more blocking alerts (all of them are in " + file + ")\n"));
    }

    @Test
    public void anInterruptedScanExitsWith2AndSaysSo() throws Exception {
        Path file = folder.getRoot().toPath().resolve("aborted.json");
        ScanLauncher interrupted = (url, token, request, listener) -> {
            throw new InterruptedException();
        };
        CliRun run = CliRun.with(interrupted)
                .token(TOKEN)
                .run("scan", "--url", URL, "--project", "shop", "--json", file.toString());
        assertTrue("the interrupt is passed on", Thread.interrupted());
        assertEquals(2, run.exitCode);
        assertTrue(
                run.out,
                run.out.startsWith(
                        "CodeScoring verdict: ERROR — ABORTED: The scan was interrupted. (project shop, all stages)\n"));
        ScanResult written = JsonReport.fromJson(Files.readString(file));
        assertEquals(ErrorKind.ABORTED, written.errorKind());
        assertEquals(URL, written.platformUrl());
    }

    @Test
    public void theTokenIsMaskedEvenIfSomethingTriesToPrintIt() {
        ScanResult leaky = ScanResult.builder(Verdict.ERROR)
                .error(ErrorKind.SERVER_ERROR, "server said " + TOKEN)
                .build();
        CliRun run = CliRun.with(new RecordingLauncher(leaky, "progress with " + TOKEN))
                .token(TOKEN + "\n")
                .run("scan", "--url", URL);
        assertFalse(run.all().contains(TOKEN));
        assertTrue(run.out.contains("progress with ****"));
    }

    @Test
    public void simulatorGetsTheRestOfTheArguments() {
        List<String[]> calls = new ArrayList<>();
        CliRun run = CliRun.with(new RecordingLauncher(PASSED))
                .simulator(calls::add)
                .run("simulator", "--port", "8081", "--help");
        assertEquals(0, run.exitCode);
        assertEquals(1, calls.size());
        assertArrayEquals(new String[] {"--port", "8081", "--help"}, calls.get(0));
    }

    @Test
    public void aSimulatorThatCannotStartExitsWith2() {
        CliRun run = CliRun.with(new RecordingLauncher(PASSED))
                .simulator(args -> {
                    throw new java.net.BindException("Address already in use");
                })
                .run("simulator");
        assertEquals(2, run.exitCode);
        assertEquals("error: the simulator could not run: java.net.BindException: Address already in use\n", run.err);
    }

    @Test
    public void aSimulatorStoppedByCtrlCEndsNormally() {
        CliRun run = CliRun.with(new RecordingLauncher(PASSED))
                .simulator(args -> {
                    throw new InterruptedException();
                })
                .run("simulator");
        assertTrue("the interrupt is passed on", Thread.interrupted());
        assertEquals(0, run.exitCode);
    }

    private static CliRun scan(ScanResult result) {
        return CliRun.with(new RecordingLauncher(result)).token(TOKEN).run("scan", "--url", URL);
    }
}
