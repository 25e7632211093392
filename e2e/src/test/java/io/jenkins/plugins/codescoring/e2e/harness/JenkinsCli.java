package io.jenkins.plugins.codescoring.e2e.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code jenkins-cli.jar} as downloaded from the controller ({@code /jnlpJars/jenkins-cli.jar}), run over
 * HTTP as the real user. The password goes through an {@code -auth @file} readable only by the owner,
 * never on the command line, and the file is removed after each command.
 */
public final class JenkinsCli {

    /** What a CLI command printed and its exit code. */
    public record Outcome(int exitCode, String output) {}

    private final RealController world;
    private final Path jar;

    private JenkinsCli(RealController world, Path jar) {
        this.world = world;
        this.jar = jar;
    }

    /** Downloads the CLI jar from the running controller. */
    public static JenkinsCli download(RealController world) throws IOException, InterruptedException {
        JenkinsClient.Answer answer = world.client().get("jnlpJars/jenkins-cli.jar");
        if (answer.status() != 200) {
            throw new IOException("/jnlpJars/jenkins-cli.jar answered " + answer.status());
        }
        Path jar = world.work().resolve("jenkins-cli.jar");
        Files.write(jar, answer.raw().body());
        return new JenkinsCli(world, jar);
    }

    /** Runs one command, e.g. {@code run(timeout, "build", "job", "-s", "-v")}; kills it after {@code timeout}. */
    public Outcome run(Duration timeout, String... command) throws IOException, InterruptedException {
        Path auth = Files.createTempFile(
                world.work(),
                "cli-auth",
                ".txt",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Path log = world.work().resolve("cli-" + command[0] + "-" + System.nanoTime() + ".log");
        try {
            Files.writeString(auth, RealController.USER + ":" + world.password(), StandardCharsets.UTF_8);
            List<String> args = new ArrayList<>(
                    List.of("-jar", jar.toString(), "-s", world.jenkins().url(), "-http", "-auth", "@" + auth));
            args.addAll(List.of(command));
            ManagedProcess cli =
                    ManagedProcess.startJava("jenkins-cli " + command[0], world.work(), args, Map.of(), log);
            int exit = cli.awaitExit(timeout);
            if (exit < 0) {
                cli.kill();
                throw new AssertionError("jenkins-cli " + String.join(" ", command) + " did not end within " + timeout);
            }
            cli.stop(Duration.ofSeconds(1));
            String output = Files.readString(log, StandardCharsets.UTF_8);
            world.secrets()
                    .checkPage("jenkins-cli " + String.join(" ", command), output.getBytes(StandardCharsets.UTF_8));
            return new Outcome(exit, output.substring(output.indexOf('\n', output.indexOf("=== ")) + 1));
        } finally {
            Files.deleteIfExists(auth);
        }
    }
}
