package io.jenkins.plugins.codescoring.cli;

/** Runs the CodeScoring simulator with its own command-line arguments, in the foreground. */
@FunctionalInterface
public interface SimulatorLauncher {
    void run(String[] args) throws Exception;
}
