package io.jenkins.plugins.codescoring.endpoint;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.Result;
import hudson.security.FullControlOnceLoggedInAuthorizationStrategy;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.TestPlatforms;
import io.jenkins.plugins.codescoring.config.Platform;
import io.jenkins.plugins.codescoring.scanstep.ScanOptions;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.Outcome;
import io.jenkins.plugins.codescoring.simulator.WebhookFault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.LoggerRule;

/**
 * The webhook endpoint in a running Jenkins: an accepted "analysis finished" brings the verdict within about a
 * second instead of at the next poll (here 20 s away); lost, duplicated or early webhooks change nothing but
 * time; every bad request is refused and logged without secrets; outsiders learn nothing.
 */
public class WebhookEndpointTest {
    private static final String WEBHOOK_TOKEN = "cs-webhook-token-0123456789abcdef-secret";
    private static final String WEBHOOK_CREDENTIAL = "codescoring-webhook";
    /** The wait between status polls once the analysis has started: the webhook must beat it by far. */
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(20);
    private static final String FINISHED = "{\"events\":[{\"created_at\":\"2026-12-05T10:00:00Z\",\"trigger\":"
            + "\"project_sca_analysis_finished\",\"payload\":{\"project_id\":1,\"project_name\":\"shop\"}}]}";

    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Rule
    public LoggerRule logs = new LoggerRule().record(CodescoringWebhookEndpoint.class, Level.ALL).capture(200);

    @Rule
    public EnglishLocale english = new EnglishLocale();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private CodescoringSimulator simulator;
    private Platform platform;

    @Before
    public void platformWithAWebhookToken() throws Exception {
        simulator = CodescoringSimulator.start(TestCredentials.TOKEN);
        simulator.load(Dataset.blocking());
        simulator.setManualCompletion(true);
        TestCredentials.addGlobal();
        TestCredentials.addToRoot(TestCredentials.secretText(CredentialsScope.SYSTEM, WEBHOOK_CREDENTIAL, WEBHOOK_TOKEN));
        platform = TestPlatforms.configure(simulator.baseUrl(), TestCredentials.GLOBAL_ID);
        platform.setName("prod");
        platform.setWebhookCredentialsId(WEBHOOK_CREDENTIAL);
        TestPlatforms.save();
        ScanOptions.useTimingsForTests(POLL_INTERVAL, POLL_INTERVAL, null);
    }

    @After
    public void stop() {
        ScanOptions.useTimingsForTests(null, null, null);
        if (simulator != null) {
            simulator.close();
        }
    }

    private URI endpoint(String platformName) throws Exception {
        return new URI(r.getURL() + Platform.WEBHOOK_PATH + "/" + platformName);
    }

    private HttpResponse<String> post(String platformName, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint(platformName)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header(CodescoringWebhookEndpoint.TOKEN_HEADER, token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a scan and returns once the platform's analysis runs and the scan waits for its next poll. */
    private WorkflowRun scanWaitingForTheAnalysis() throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("codescoringScan onBlocking: 'UNSTABLE'", true));
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        assertTrue("the analysis started", simulator.awaitAnalysisStarts(1, Duration.ofSeconds(60)));
        r.waitForMessage("waiting for it to finish", run);
        return run;
    }

    private static long secondsUntilDone(WorkflowRun run, long boundSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(boundSeconds);
        while (run.isBuilding() && System.nanoTime() < end) {
            Thread.sleep(50); // bounded by boundSeconds
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) / 1000;
    }

    @Test
    public void anAcceptedWebhookBringsTheVerdictWithinASecondInsteadOfAtTheNextPoll() throws Exception {
        simulator.sendWebhooks(endpoint("prod"), WEBHOOK_TOKEN, Duration.ofMillis(100));
        WorkflowRun run = scanWaitingForTheAnalysis();
        long ended = System.nanoTime();
        simulator.completeAnalysis(Outcome.SUCCESS);
        long seconds = secondsUntilDone(run, POLL_INTERVAL.getSeconds() - 5);
        double delay = (System.nanoTime() - ended) / 1e9;
        System.out.printf("webhook: verdict %.2f s after the analysis ended (next poll was due within %d s)%n",
                delay, POLL_INTERVAL.getSeconds());
        assertThat("seconds to the verdict", seconds, lessThan(5L));
        r.assertBuildStatus(Result.UNSTABLE, r.waitForCompletion(run));
        r.assertLogContains("BLOCKED", run);
        assertEquals(1, simulator.analysisStarts());
        assertNotNull(platform.getLastWebhookAt());
        assertThat(platform.getLastWebhookText(), containsString(" UTC)."));
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            assertThat(wc.goTo("configure").asNormalizedText(), containsString("Last webhook accepted"));
        }
    }

    @Test
    public void aLostWebhookCostsOnlyTime() throws Exception {
        ScanOptions.useTimingsForTests(Duration.ofSeconds(3), Duration.ofSeconds(3), null);
        simulator.sendWebhooks(endpoint("prod"), WEBHOOK_TOKEN, Duration.ofMillis(100));
        simulator.injectWebhookFault(WebhookFault.lost(), 100);
        WorkflowRun run = scanWaitingForTheAnalysis();
        simulator.completeAnalysis(Outcome.SUCCESS);
        r.assertBuildStatus(Result.UNSTABLE, r.waitForCompletion(run));
        assertEquals(1, simulator.analysisStarts());
        assertEquals(0, simulator.webhookCounts().delivered());
    }

    @Test
    public void aDuplicatedWebhookGivesTheSameVerdictOnce() throws Exception {
        simulator.sendWebhooks(endpoint("prod"), WEBHOOK_TOKEN, Duration.ofMillis(100));
        simulator.injectWebhookFault(WebhookFault.duplicate(), 100);
        WorkflowRun run = scanWaitingForTheAnalysis();
        simulator.completeAnalysis(Outcome.SUCCESS);
        assertThat(secondsUntilDone(run, POLL_INTERVAL.getSeconds() - 5), lessThan(5L));
        r.assertBuildStatus(Result.UNSTABLE, r.waitForCompletion(run));
        assertEquals(1, simulator.analysisStarts());
        assertEquals("one verdict, one result", 1, run.getActions(io.jenkins.plugins.codescoring.results.CodescoringResultAction.class).size());
    }

    @Test
    public void aWebhookBeforeTheStartDecidesNothing() throws Exception {
        assertEquals(200, post("prod", WEBHOOK_TOKEN, FINISHED).statusCode()); // nobody waits: nothing happens
        ScanOptions.useTimingsForTests(Duration.ofSeconds(2), Duration.ofSeconds(2), null);
        WorkflowRun run = scanWaitingForTheAnalysis();
        int statusReads = statusReads();
        HttpResponse<String> early = post("prod", WEBHOOK_TOKEN, FINISHED.replace("10:00:00", "10:00:01"));
        assertEquals(200, early.statusCode());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (statusReads() == statusReads && System.nanoTime() < end) {
            Thread.sleep(20); // bounded: until the status check the webhook asked for has happened
        }
        assertThat("the webhook made the scan read the status", statusReads(), org.hamcrest.Matchers.greaterThan(statusReads));
        assertTrue("which shows the analysis still running: the scan waits for its own analysis", run.isBuilding());
        simulator.completeAnalysis(Outcome.SUCCESS);
        r.assertBuildStatus(Result.UNSTABLE, r.waitForCompletion(run));
        assertEquals(1, simulator.analysisStarts());
    }

    private int statusReads() {
        return simulator.requestCountsByLine().entrySet().stream().filter(e -> e.getKey().contains("/status"))
                .mapToInt(java.util.Map.Entry::getValue).sum();
    }

    @Test
    public void everyBadRequestIsRefusedAndLoggedWithoutSecrets() throws Exception {
        HttpResponse<String> wrong = post("prod", "wrong-token", FINISHED);
        HttpResponse<String> missing = post("prod", null, FINISHED);
        HttpResponse<String> unknown = post("no-such-platform", WEBHOOK_TOKEN, FINISHED);
        assertEquals(403, wrong.statusCode());
        assertEquals(403, missing.statusCode());
        assertEquals(403, unknown.statusCode());
        assertEquals("an unknown platform looks like a wrong token", wrong.body(), unknown.body());

        assertEquals(400, post("prod", WEBHOOK_TOKEN, "{not json").statusCode());
        assertEquals(400, post("prod", WEBHOOK_TOKEN, "{\"no\":\"events\"}").statusCode());
        HttpResponse<String> tooLarge = post("prod", WEBHOOK_TOKEN, "{\"events\":[" + " ".repeat(1 << 21) + "]}");
        assertEquals(413, tooLarge.statusCode());
        HttpResponse<String> unknownTrigger = post("prod", WEBHOOK_TOKEN,
                "{\"events\":[{\"created_at\":\"2026-12-05T10:00:00Z\",\"trigger\":\"something_new\",\"payload\":{}}]}");
        assertEquals(200, unknownTrigger.statusCode());
        assertThat(unknownTrigger.body(), containsString("ignored"));

        HttpResponse<String> get = http.send(HttpRequest.newBuilder(endpoint("prod")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());

        platform.setWebhookCredentialsId(null);
        TestPlatforms.save();
        HttpResponse<String> noTokenConfigured = post("prod", WEBHOOK_TOKEN, FINISHED);
        assertEquals(403, noTokenConfigured.statusCode());
        assertEquals(wrong.body(), noTokenConfigured.body());

        boolean warned = false;
        for (LogRecord record : logs.getRecords()) {
            String line = new java.util.logging.SimpleFormatter().formatMessage(record);
            assertThat(line, not(containsString(WEBHOOK_TOKEN)));
            assertThat(line, not(containsString("wrong-token")));
            assertThat(line, not(containsString("no-such-platform")));
            warned |= record.getLevel() == Level.WARNING;
        }
        assertTrue("refusals are logged", warned);
        for (HttpResponse<String> response : java.util.List.of(wrong, missing, unknown, tooLarge, unknownTrigger, noTokenConfigured)) {
            assertThat(response.body(), not(containsString(WEBHOOK_TOKEN)));
        }
        assertEquals("no request reached the platform", 0, simulator.requestCount());
    }

    @Test
    public void outsidersNeedNoLoginButLearnNothing() throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        FullControlOnceLoggedInAuthorizationStrategy strategy = new FullControlOnceLoggedInAuthorizationStrategy();
        strategy.setAllowAnonymousRead(false);
        r.jenkins.setAuthorizationStrategy(strategy);

        HttpResponse<String> accepted = post("prod", WEBHOOK_TOKEN, FINISHED);
        assertEquals("no login, no crumb: the token is the key", 200, accepted.statusCode());
        HttpResponse<String> known = post("prod", "guess", FINISHED);
        HttpResponse<String> unknown = post("guess", "guess", FINISHED);
        assertEquals(403, known.statusCode());
        assertEquals(known.body(), unknown.body());
        assertThat(known.body(), not(containsString("prod")));
        assertThat(known.body(), not(containsString("Jenkins")));
        HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(new URI(r.getURL() + "job/x/build")).POST(
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat("the crumb exclusion is for the webhook only", elsewhere.statusCode(), not(200));
    }
}
