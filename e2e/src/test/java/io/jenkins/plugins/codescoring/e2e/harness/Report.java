package io.jenkins.plugins.codescoring.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What each case showed, one line each, in {@code <work>/report.txt}: .ci/e2e prints it at the end, so a CI
 * log says what the real controller did (results, verdicts, counts), not only that the tests passed.
 */
public final class Report {

    private Report() {}

    public static void line(E2eFiles files, String text) {
        System.out.println("[e2e] " + text);
        try {
            Files.createDirectories(files.work());
            Files.writeString(
                    files.work().resolve("report.txt"),
                    text + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of the console that contains {@code marker}, or "" (for echoed values). */
    public static String lineWith(String console, String marker) {
        for (String line : console.split("\n")) {
            if (line.contains(marker)) {
                return line.trim();
            }
        }
        return "";
    }

    /** The line that says most about a build: the echoed map, else the first that names a verdict. */
    public static String summary(String console) {
        String map = lineWith(console, "E2E map=");
        if (!map.isEmpty()) {
            return map;
        }
        for (String line : console.split("\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).contains("verdict")) {
                return line.trim();
            }
        }
        return "";
    }

    static Path file(E2eFiles files) {
        return files.work().resolve("report.txt");
    }
}
