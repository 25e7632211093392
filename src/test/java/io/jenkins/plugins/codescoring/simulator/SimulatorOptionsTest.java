package io.jenkins.plugins.codescoring.simulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

/** The command line of SimulatorMain. */
public class SimulatorOptionsTest {

    @Rule
    public Timeout timeout = Timeout.seconds(10);

    @Test
    public void defaults() {
        SimulatorOptions options = SimulatorOptions.parse(new String[0], Map.of());
        assertEquals(8081, options.port());
        assertEquals("demo-token", options.token());
        assertEquals("default", options.tokenSource());
        assertEquals("demo", options.datasetName());
        assertEquals(Duration.ofSeconds(5), options.analysisDuration());
        assertEquals(Outcome.SUCCESS, options.outcome());
        assertFalse(options.legacyBooleans());
        assertFalse(options.control());
        assertFalse(options.help());
        assertNull(options.webhooks());
        assertNull(options.webhookTokenSource());
    }

    @Test
    public void webhookOptions() {
        SimulatorOptions options = SimulatorOptions.parse(
                new String[] {
                    "--webhook-url",
                    "http://127.0.0.1:8080/jenkins/codescoring-webhook/main",
                    "--webhook-token",
                    "hook",
                    "--webhook-batch-seconds",
                    "0.2"
                },
                Map.of(SimulatorOptions.WEBHOOK_TOKEN_VARIABLE, "from-env"));
        WebhookSettings webhooks = options.webhooks();
        assertEquals(URI.create("http://127.0.0.1:8080/jenkins/codescoring-webhook/main"), webhooks.target());
        assertEquals("hook", webhooks.token());
        assertEquals("--webhook-token", options.webhookTokenSource());
        assertEquals(Duration.ofMillis(200), webhooks.batchInterval());
        assertEquals(WebhookSettings.DEFAULT_MAX_ATTEMPTS, webhooks.maxAttempts());
    }

    @Test
    public void webhookTokenComesFromTheEnvironmentElseTheDefault() {
        String[] args = {"--webhook-url", "https://jenkins.example/codescoring-webhook/main"};
        SimulatorOptions fromEnv = SimulatorOptions.parse(
                args,
                Map.of(SimulatorOptions.WEBHOOK_TOKEN_VARIABLE, "from-env", SimulatorOptions.TOKEN_VARIABLE, "api"));
        assertEquals("from-env", fromEnv.webhooks().token());
        assertEquals("$" + SimulatorOptions.WEBHOOK_TOKEN_VARIABLE, fromEnv.webhookTokenSource());
        assertEquals(WebhookSettings.DEFAULT_BATCH_INTERVAL, fromEnv.webhooks().batchInterval());
        SimulatorOptions byDefault = SimulatorOptions.parse(args, Map.of(SimulatorOptions.WEBHOOK_TOKEN_VARIABLE, " "));
        assertEquals(
                SimulatorOptions.DEFAULT_WEBHOOK_TOKEN, byDefault.webhooks().token());
        assertEquals("default", byDefault.webhookTokenSource());
    }

    @Test
    public void tokenComesFromTheEnvironmentUnlessGiven() {
        Map<String, String> env = Map.of(SimulatorOptions.TOKEN_VARIABLE, "from-env");
        assertEquals("from-env", SimulatorOptions.parse(new String[0], env).token());
        SimulatorOptions given = SimulatorOptions.parse(new String[] {"--token", "given"}, env);
        assertEquals("given", given.token());
        assertEquals("--token", given.tokenSource());
        assertEquals(
                "demo-token",
                SimulatorOptions.parse(new String[0], Map.of(SimulatorOptions.TOKEN_VARIABLE, " "))
                        .token());
    }

    @Test
    public void everyOption() {
        SimulatorOptions options = SimulatorOptions.parse(
                new String[] {
                    "--port",
                    "0",
                    "--dataset",
                    "Several-Projects",
                    "--analysis-seconds",
                    "0.25",
                    "--outcome",
                    "failed",
                    "--legacy-booleans",
                    "--control",
                    "--help"
                },
                Map.of());
        assertEquals(0, options.port());
        assertEquals("Several-Projects", options.datasetName());
        assertEquals(Duration.ofMillis(250), options.analysisDuration());
        assertEquals(Outcome.FAILED, options.outcome());
        assertTrue(options.legacyBooleans());
        assertTrue(options.control());
        assertTrue(options.help());
        assertEquals(
                Outcome.NEVER_ENDS,
                SimulatorOptions.parse(new String[] {"--outcome", "never-ends"}, Map.of())
                        .outcome());
    }

    @Test
    public void rejectsBadArguments() {
        String[][] bad = {
            {"--port"},
            {"--port", "x"},
            {"--port", "70000"},
            {"--dataset", "nope"},
            {"--analysis-seconds", "-1"},
            {"--outcome", "maybe"},
            {"--token", ""},
            {"--verbose"},
            {"--dataset", "many-pages:x"},
            {"--webhook-url"},
            {"--webhook-url", "ftp://host/x"},
            {"--webhook-url", "/codescoring-webhook/x"},
            {"--webhook-url", "http://h/ x"},
            {"--webhook-url", "http://h/x", "--webhook-batch-seconds", "0"},
            {"--webhook-url", "http://h/x", "--webhook-batch-seconds", "soon"},
            {"--webhook-url", "http://h/x", "--webhook-token", " "},
            {"--webhook-token", "t"},
            {"--webhook-batch-seconds", "1"}
        };
        for (String[] args : bad) {
            assertThrows(
                    String.join(" ", args),
                    IllegalArgumentException.class,
                    () -> SimulatorOptions.parse(args, Map.of()));
        }
    }

    @Test
    public void startsAndAnnouncesTheSimulator() throws Exception {
        SimulatorOptions options = SimulatorOptions.parse(
                new String[] {
                    "--port", "0", "--dataset", "blocking", "--analysis-seconds", "0.05", "--outcome", "cancelled"
                },
                Map.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CodescoringSimulator simulator =
                SimulatorMain.start(options, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            String printed =
                    bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"); // println on Windows
            assertTrue(printed, printed.startsWith("CodeScoring simulator listening on " + simulator.baseUrl() + "\n"));
            assertTrue(printed, printed.contains("dataset blocking: 1 projects, 6 policies, 3 alerts (1 blocking)"));
            assertEquals("blocking", simulator.dataset().name());
            SimulatorClient client = new SimulatorClient(simulator.baseUrl(), "Token demo-token");
            client.start();
            client.awaitStatus("cancelled", Duration.ofSeconds(5));
        }
    }

    @Test
    public void startsSendingWebhooksAndSaysWhereTheTokenCameFromWithoutPrintingIt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            URI withUser = URI.create(receiver.url().toString().replace("http://", "http://admin:pw@"));
            SimulatorOptions options = SimulatorOptions.parse(
                    new String[] {
                        "--port",
                        "0",
                        "--analysis-seconds",
                        "0.05",
                        "--webhook-url",
                        withUser.toString(),
                        "--webhook-batch-seconds",
                        "0.1"
                    },
                    Map.of(SimulatorOptions.WEBHOOK_TOKEN_VARIABLE, "hook-from-env"));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (CodescoringSimulator simulator =
                    SimulatorMain.start(options, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
                String printed = bytes.toString(StandardCharsets.UTF_8);
                assertTrue(
                        printed,
                        printed.contains("webhooks: POST to " + receiver.url() + " every 0.1 s, token as given by $"
                                + SimulatorOptions.WEBHOOK_TOKEN_VARIABLE));
                assertFalse(printed, printed.contains("hook-from-env"));
                assertFalse(printed, printed.contains("pw"));
                new SimulatorClient(simulator.baseUrl(), "Token demo-token").start();
                assertEquals(
                        "hook-from-env",
                        receiver.await(1, Duration.ofSeconds(5)).get(0).token());
            }
        }
    }
}
