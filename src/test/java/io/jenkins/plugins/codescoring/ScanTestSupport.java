package io.jenkins.plugins.codescoring;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import hudson.model.Run;
import io.jenkins.plugins.codescoring.scanstep.CodescoringScans;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jvnet.hudson.test.JenkinsRule;

/** Setup and checks the scan tests share. */
public final class ScanTestSupport {
    /** The line the engine prints once the platform's status shows the scan's own analysis running. */
    public static final String WAITING = "waiting for it to finish";

    private ScanTestSupport() {}

    /** Points the global configuration at the simulator, with the Global-scope token credential as default. */
    public static void configure(CodescoringSimulator simulator) throws Exception {
        TestCredentials.addGlobal();
        TestPlatforms.configure(simulator.baseUrl(), TestCredentials.GLOBAL_ID);
    }

    /**
     * Fails unless, within a bounded time, no scan waits in the controller's coordinators and none comes back
     * for a while (a withdrawn scan leaves at the coordinator's next tick; one registered late would poll).
     */
    public static void assertNoScanWaits() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (CodescoringScans.waiting() > 0) {
            assertTrue("scans still waiting: " + CodescoringScans.waiting(), System.nanoTime() < end);
            Thread.sleep(20);
        }
        long quiet = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (System.nanoTime() < quiet) {
            assertEquals("a scan started waiting again", 0, CodescoringScans.waiting());
            Thread.sleep(20);
        }
    }

    /** Fails when the token appears in the build's log or in any file of the build's directory. */
    public static void assertTokenNowhere(Run<?, ?> run) throws IOException {
        assertFalse("token in the log", JenkinsRule.getLog(run).contains(TestCredentials.TOKEN));
        // Latin-1 maps each byte to one char, so a byte search becomes a text search.
        String token = new String(TestCredentials.TOKEN.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        for (Path file : filesUnder(run.getRootDir().toPath())) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                continue; // replaced while the build runs (program.dat, for one)
            }
            assertFalse("token in " + file, new String(content, StandardCharsets.ISO_8859_1).contains(token));
        }
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        return files;
    }
}
