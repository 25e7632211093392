package io.jenkins.plugins.codescoring.e2e.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Java process the harness started (Jenkins, the simulator, the Jenkins CLI), with its output in a log
 * file. Every process is also written to {@code <work>/pids} with a marker on its command line, so that
 * .ci/e2e can stop what a crashed test JVM left behind, and a shutdown hook stops what is still running
 * when the test JVM exits normally.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Set<ManagedProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> RUNNING.forEach(ManagedProcess::kill), "e2e-process-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java <jvmArgs>} with the marker property; the environment gets {@code env} on top of this
     * JVM's (secrets go there, never on the command line). Output goes to {@code log} (appended).
     */
    public static ManagedProcess startJava(
            String name, Path work, List<String> jvmArgs, Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-De2e.owner=" + work);
        command.addAll(jvmArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(work.toFile());
        builder.environment().putAll(env);
        Files.writeString(
                log,
                "\n=== " + name + ": starting\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Process process = builder.start();
        ManagedProcess managed = new ManagedProcess(name, process, log);
        RUNNING.add(managed);
        Files.writeString(
                work.resolve("pids"),
                process.pid() + " " + name + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return managed;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** The whole log so far (all starts of this log file). */
    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Waits until the log holds {@code text}; fails early when the process dies. */
    public void awaitLog(String text, Duration timeout) {
        Wait.until(name + " to print \"" + text + "\"", timeout, () -> {
            if (logText().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                throw new AssertionError(
                        name + " exited with " + process.exitValue() + " before printing \"" + text + "\"; log " + log);
            }
            return false;
        });
    }

    /** Waits at most {@code timeout} for the process to end by itself; the exit code, or -1 if still running. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** SIGTERM, then SIGKILL if it has not ended within {@code grace}. Returns whether it ended by SIGTERM. */
    public boolean stop(Duration grace) {
        if (!process.isAlive()) {
            RUNNING.remove(this);
            return true;
        }
        process.destroy();
        boolean ended;
        try {
            ended = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        if (!ended) {
            kill();
        }
        RUNNING.remove(this);
        return ended;
    }

    /** SIGKILL, and waits (bounded) until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(this);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
