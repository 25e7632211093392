package io.jenkins.plugins.codescoring.scanstep;

import hudson.model.TaskListener;
import io.jenkins.plugins.codescoring.scan.ScanListener;
import java.io.PrintStream;
import java.util.List;

/** Writes this plugin's lines to a build console, each with the {@value #PREFIX} prefix. */
public final class CodescoringConsole {
    public static final String PREFIX = "[CodeScoring] ";

    private final TaskListener listener;

    public CodescoringConsole(TaskListener listener) {
        this.listener = listener;
    }

    public void println(String line) {
        PrintStream logger = listener.getLogger();
        logger.println(PREFIX + line);
    }

    public void printAll(List<String> lines) {
        PrintStream logger = listener.getLogger();
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(PREFIX).append(line).append('\n');
        }
        // One write, so lines of parallel branches do not interleave within the report.
        logger.print(text);
        logger.flush();
    }

    /** The engine's progress lines, printed with the prefix. */
    public ScanListener scanListener() {
        return this::println;
    }
}
