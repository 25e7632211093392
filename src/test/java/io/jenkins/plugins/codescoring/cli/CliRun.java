package io.jenkins.plugins.codescoring.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** One run of the terminal runner in a test: its exit code and everything it printed. */
final class CliRun {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static Builder with(ScanLauncher launcher) {
        return new Builder(launcher);
    }

    /** Everything printed, standard output then standard error. */
    String all() {
        return out + err;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }

    /** What was printed, with println's line ends as {@code \n} so the tests read the same on Windows. */
    private static String unixLines(ByteArrayOutputStream printed) {
        return printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    static final class Builder {
        private final ScanLauncher launcher;
        private final Map<String, String> environment = new HashMap<>();
        private SimulatorLauncher simulator = args -> {
            throw new AssertionError("the simulator should not run");
        };

        private Builder(ScanLauncher launcher) {
            this.launcher = launcher;
        }

        Builder token(String token) {
            environment.put(ScanCommand.TOKEN_VARIABLE, token);
            return this;
        }

        Builder simulator(SimulatorLauncher value) {
            this.simulator = value;
            return this;
        }

        CliRun run(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exitCode;
            try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                exitCode = new CliApp(environment, outStream, errStream, launcher, simulator, CLOCK).run(args);
            }
            return new CliRun(exitCode, unixLines(out), unixLines(err));
        }
    }
}
