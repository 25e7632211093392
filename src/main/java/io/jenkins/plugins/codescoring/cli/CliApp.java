package io.jenkins.plugins.codescoring.cli;

import io.jenkins.plugins.codescoring.api.Redactor;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The terminal runner without the process around it: takes the arguments, the environment, the output
 * streams and what runs scans and the simulator, and answers the exit code. {@link Main} only wires it
 * to the real process.
 */
public final class CliApp {
    private static final List<String> HELP = List.of("--help", "-h", "help");

    private final Map<String, String> environment;
    private final Console console;
    private final PrintStream out;
    private final PrintStream err;
    private final ScanLauncher scanLauncher;
    private final SimulatorLauncher simulatorLauncher;
    private final Clock clock;

    public CliApp(
            Map<String, String> environment,
            PrintStream out,
            PrintStream err,
            ScanLauncher scanLauncher,
            SimulatorLauncher simulatorLauncher,
            Clock clock) {
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
        this.console = new Console(out, err, Redactor.of(ScanCommand.tokenFrom(environment)));
        this.scanLauncher = scanLauncher;
        this.simulatorLauncher = simulatorLauncher;
        this.clock = clock;
    }

    /** Runs the command line and answers the exit code (see {@link ExitCode}). */
    public int run(String... args) {
        if (args.length == 0) {
            err.print(Usage.TEXT);
            return ExitCode.FAILURE;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (HELP.contains(command) || command.equals("scan") && rest.stream().anyMatch(HELP::contains)) {
            out.print(Usage.TEXT);
            return ExitCode.OK;
        }
        try {
            switch (command) {
                case "scan":
                    return new ScanCommand(environment, console, scanLauncher, clock).run(rest);
                case "simulator":
                    return runSimulator(rest);
                default:
                    throw new UsageException("Unknown command " + (command.startsWith("-") ? "or option " : "")
                            + command + ": the first argument is the command, scan or simulator.");
            }
        } catch (UsageException e) {
            console.problem("error: " + e.getMessage());
            console.problem(Usage.HINT);
            return ExitCode.FAILURE;
        }
    }

    private int runSimulator(List<String> args) {
        try {
            simulatorLauncher.run(args.toArray(new String[0]));
            return ExitCode.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Ctrl-C: the simulator's normal end
            return ExitCode.OK;
        } catch (Exception e) {
            console.problem("error: the simulator could not run: " + e);
            return ExitCode.FAILURE;
        }
    }
}
