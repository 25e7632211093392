package io.jenkins.plugins.codescoring.e2e.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the tests run, as .ci/e2e passes it in system properties (see e2e/pom.xml): the Jenkins war, the
 * runtime plugins, the plugin under test, the runner jar with the simulator, and a work folder.
 */
public record E2eFiles(Path war, Path pluginFolder, Path hpi, Path cliJar, Path work) {

    /** Reads and checks the properties; a missing file fails with the property to set. */
    public static E2eFiles fromSystemProperties() {
        Path work = Path.of(property("e2e.work")).toAbsolutePath();
        return new E2eFiles(
                existing("e2e.war"), existing("e2e.plugins"), existing("e2e.hpi"), existing("e2e.cli"), work);
    }

    /** The runtime plugins (every .hpi of the plugin folder) and the plugin under test. */
    public List<Path> plugins() throws IOException {
        try (Stream<Path> files = Files.list(pluginFolder)) {
            List<Path> plugins = files.filter(
                            file -> file.getFileName().toString().endsWith(".hpi"))
                    .sorted()
                    .collect(Collectors.toList());
            if (plugins.isEmpty()) {
                throw new IllegalStateException("no .hpi in " + pluginFolder + " (e2e.plugins)");
            }
            plugins.add(hpi);
            return plugins;
        }
    }

    /** A new folder under the work folder for one test class (emptied if it exists). */
    public Path freshFolder(String name) throws IOException {
        Path folder = work.resolve(name);
        Cleanup.deleteTree(folder);
        Files.createDirectories(folder);
        return folder;
    }

    private static Path existing(String name) {
        Path path = Path.of(property(name)).toAbsolutePath();
        if (!Files.exists(path)) {
            throw new IllegalStateException(name + " points to " + path + ", which does not exist (run .ci/e2e)");
        }
        return path;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (run the tests with .ci/e2e)");
        }
        return value;
    }
}
