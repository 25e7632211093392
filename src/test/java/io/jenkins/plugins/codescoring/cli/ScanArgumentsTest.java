package io.jenkins.plugins.codescoring.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jenkins.plugins.codescoring.scan.ScanRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

public class ScanArgumentsTest {

    @Test
    public void everyOptionIsRead() throws Exception {
        ScanCommandLine options = ScanArguments.parse(List.of(
                "--url",
                "https://cs.example.com",
                "--project",
                "shop",
                "--stage",
                "build",
                "--timeout",
                "900",
                "--poll-interval",
                "10",
                "--json",
                "out/cs.json"));
        assertEquals("https://cs.example.com", options.url());
        assertEquals(Path.of("out/cs.json"), options.jsonFile());
        ScanRequest request = options.toRequest();
        assertEquals("shop", request.project());
        assertEquals("build", request.stage());
        assertEquals(Duration.ofSeconds(900), request.timeout());
        assertEquals(Duration.ofSeconds(10), request.maxPollInterval());
    }

    @Test
    public void optionsMayBeWrittenWithAnEqualsSign() throws Exception {
        ScanCommandLine options = ScanArguments.parse(
                List.of("--url=http://localhost:8081", "--project=Интернет-магазин", "--timeout=5"));
        assertEquals("http://localhost:8081", options.url());
        assertEquals("Интернет-магазин", options.toRequest().project());
        assertEquals(Duration.ofSeconds(5), options.toRequest().timeout());
    }

    @Test
    public void whatIsLeftOutTakesTheScanDefaults() throws Exception {
        ScanCommandLine options = ScanArguments.parse(List.of("--url", "http://localhost:8081"));
        ScanRequest request = options.toRequest();
        assertNull(request.project());
        assertNull(request.stage());
        assertNull(options.jsonFile());
        assertEquals(ScanRequest.DEFAULT_TIMEOUT, request.timeout());
        assertEquals(Duration.ofMinutes(60), request.timeout());
        assertEquals(ScanRequest.DEFAULT_MAX_POLL_INTERVAL, request.maxPollInterval());
        assertEquals(Duration.ofSeconds(30), request.maxPollInterval());
    }

    @Test
    public void aTokenOptionIsRefusedWhateverElseIsWrong() {
        for (List<String> args : List.of(
                List.of("--url", "x", "--token", "s3cr3t-value"),
                List.of("--token=s3cr3t-value"),
                List.of("--bogus", "--token", "s3cr3t-value"))) {
            String message = usageError(args);
            assertTrue(message, message.startsWith("--token is not accepted"));
            assertTrue(message, message.contains("CODESCORING_TOKEN"));
            assertFalse(message, message.contains("s3cr3t-value"));
        }
    }

    @Test
    public void usageErrorsSayWhatIsWrong() {
        assertEquals("--url is required: the address of the CodeScoring platform.", usageError(List.of()));
        assertEquals(
                "--url is required: the address of the CodeScoring platform.", usageError(List.of("--stage", "build")));
        assertEquals("Unknown option --urls.", usageError(List.of("--urls", "x")));
        assertEquals("Unknown option -u.", usageError(List.of("-u", "x")));
        assertEquals("Unknown option --colour.", usageError(List.of("--url", "x", "--colour=always")));
        assertEquals("--url needs a value.", usageError(List.of("--url")));
        assertEquals("--url needs a value.", usageError(List.of("--url", "--project", "shop")));
        assertEquals("--project needs a value.", usageError(List.of("--url", "x", "--project=")));
        assertEquals("--stage needs a value.", usageError(List.of("--url", "x", "--stage", " ")));
        assertEquals("--url is given more than once.", usageError(List.of("--url", "x", "--url=y")));
        assertEquals(
                "Unexpected argument in position 4: scan takes only options.",
                usageError(List.of("--url", "x", "maybe-a-secret")));
    }

    @Test
    public void timesMustBeWholePositiveSeconds() {
        for (String value : List.of("abc", "1.5", "0", "-3", "10s", "99999999999999999999")) {
            assertEquals(
                    "--timeout takes a whole number of seconds greater than 0, not '" + value + "'.",
                    usageError(List.of("--url", "x", "--timeout=" + value)));
            assertEquals(
                    "--poll-interval takes a whole number of seconds greater than 0, not '" + value + "'.",
                    usageError(List.of("--url", "x", "--poll-interval=" + value)));
        }
    }

    @Test
    public void aJsonFileNameMustBeValid() {
        String message = usageError(List.of("--url", "x", "--json", "bad\0name"));
        assertTrue(message, message.startsWith("--json is not a valid file name"));
    }

    private static String usageError(List<String> args) {
        try {
            ScanArguments.parse(args);
        } catch (UsageException e) {
            return e.getMessage();
        }
        fail("accepted " + args);
        return null;
    }
}
