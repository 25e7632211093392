package io.jenkins.plugins.codescoring.cli;

import java.time.Clock;

/** {@code java -jar codescoring-cli.jar}: the terminal runner. See {@link CliApp} and {@code --help}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        InterruptOnShutdown shutdown = InterruptOnShutdown.install();
        CliApp app = new CliApp(
                System.getenv(),
                System.out,
                System.err,
                new PlatformScanLauncher(),
                new BundledSimulator(),
                Clock.systemUTC());
        int exitCode = app.run(args);
        shutdown.finished(exitCode);
        System.exit(exitCode);
    }
}
