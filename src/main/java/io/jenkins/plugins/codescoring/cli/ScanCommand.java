package io.jenkins.plugins.codescoring.cli;

import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.report.ConsoleReport;
import io.jenkins.plugins.codescoring.report.JsonReport;
import io.jenkins.plugins.codescoring.scan.ResultFactory;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.ScanState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code scan}: checks the command line and the token, runs the scan printing its progress, prints
 * the console report, writes the JSON report if asked, and answers the exit code of the verdict.
 */
final class ScanCommand {
    static final String TOKEN_VARIABLE = "CODESCORING_TOKEN";

    private final Map<String, String> environment;
    private final Console console;
    private final ScanLauncher launcher;
    private final Clock clock;

    ScanCommand(Map<String, String> environment, Console console, ScanLauncher launcher, Clock clock) {
        this.environment = environment;
        this.console = console;
        this.launcher = launcher;
        this.clock = clock;
    }

    int run(List<String> args) throws UsageException {
        ScanCommandLine options = ScanArguments.parse(args);
        String platformUrl = checkedUrl(options.url());
        String token = tokenFrom(environment);
        if (token == null) {
            throw new UsageException("Set the " + TOKEN_VARIABLE + " environment variable to the CodeScoring API token"
                    + " (the token is never taken from the arguments).");
        }
        ScanRequest request;
        try {
            request = options.toRequest();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Instant requestedAt = clock.instant();
        ScanResult result;
        boolean interrupted = false;
        try {
            result = launcher.scan(platformUrl, token, request, console::print);
        } catch (InterruptedException e) {
            interrupted = true;
            result = new ResultFactory(request, platformUrl)
                    .error(
                            ScanState.begin(request, requestedAt),
                            ErrorKind.ABORTED,
                            "The scan was interrupted.",
                            clock.instant());
        }
        console.print(report(options.jsonFile()).lines(result));
        int exitCode = ExitCode.of(result.verdict());
        if (options.jsonFile() != null && !writeJson(result, options.jsonFile())) {
            exitCode = ExitCode.FAILURE;
        }
        if (interrupted) {
            Thread.currentThread()
                    .interrupt(); // after the file is written: file channels refuse to work once interrupted
        }
        return exitCode;
    }

    private static String checkedUrl(String url) throws UsageException {
        try {
            return CodescoringClient.normalizeUrl(url);
        } catch (CodescoringException e) {
            throw new UsageException(ScanArguments.URL + ": " + e.getMessage());
        }
    }

    /** The token the environment holds, without surrounding space, or null when there is none. */
    static String tokenFrom(Map<String, String> environment) {
        String token = environment.get(TOKEN_VARIABLE);
        return token == null || token.isBlank() ? null : token.strip();
    }

    private static ConsoleReport report(Path jsonFile) {
        String hint = jsonFile == null ? ScanArguments.JSON + " FILE lists them all" : "all of them are in " + jsonFile;
        return ConsoleReport.builder().overflowHint(hint).build();
    }

    private boolean writeJson(ScanResult result, Path file) {
        try {
            JsonReport.write(result, file);
            console.print("JSON report written to " + file);
            return true;
        } catch (IOException | RuntimeException e) {
            console.problem("Could not write the JSON report to " + file + ": " + e);
            return false;
        }
    }
}
