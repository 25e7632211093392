package io.jenkins.plugins.codescoring.endpoint;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.ItemGroup;
import hudson.model.Result;
import hudson.security.FullControlOnceLoggedInAuthorizationStrategy;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.TestPlatforms;
import io.jenkins.plugins.codescoring.config.Platform;
import io.jenkins.plugins.codescoring.config.WebhookTokenDigests;
import io.jenkins.plugins.codescoring.scanstep.ScanOptions;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.Outcome;
import io.jenkins.plugins.codescoring.simulator.WebhookFault;
import io.jenkins.plugins.codescoring.webhook.WebhookTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.jvnet.hudson.test.TestExtension;
import org.springframework.security.core.Authentication;

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
    public LoggerRule logs =
            new LoggerRule().record(CodescoringWebhookEndpoint.class, Level.ALL).capture(200);

    @Rule
    public LoggerRule credentialLogs =
            new LoggerRule().record(WebhookTokenDigests.class, Level.ALL).capture(200);

    @Rule
    public EnglishLocale english = new EnglishLocale();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private CodescoringSimulator simulator;
    private Platform platform;

    @Before
    public void platformWithAWebhookToken() throws Exception {
        simulator = CodescoringSimulator.start(TestCredentials.TOKEN);
        simulator.load(Dataset.blocking());
        simulator.setManualCompletion(true);
        TestCredentials.addGlobal();
        TestCredentials.addToRoot(
                TestCredentials.secretText(CredentialsScope.SYSTEM, WEBHOOK_CREDENTIAL, WEBHOOK_TOKEN));
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
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint(platformName))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
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
        System.out.printf(
                "webhook: verdict %.2f s after the analysis ended (next poll was due within %d s)%n",
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
        assertEquals(
                "one verdict, one result",
                1,
                run.getActions(io.jenkins.plugins.codescoring.results.CodescoringResultAction.class)
                        .size());
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
        assertThat(
                "the webhook made the scan read the status",
                statusReads(),
                org.hamcrest.Matchers.greaterThan(statusReads));
        assertTrue("which shows the analysis still running: the scan waits for its own analysis", run.isBuilding());
        simulator.completeAnalysis(Outcome.SUCCESS);
        r.assertBuildStatus(Result.UNSTABLE, r.waitForCompletion(run));
        assertEquals(1, simulator.analysisStarts());
    }

    private int statusReads() {
        return simulator.requestCountsByLine().entrySet().stream()
                .filter(e -> e.getKey().contains("/status"))
                .mapToInt(java.util.Map.Entry::getValue)
                .sum();
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
        assertEquals("accepted unread: the platform's own batches can be that large", 200, tooLarge.statusCode());
        HttpResponse<String> unknownTrigger = post(
                "prod",
                WEBHOOK_TOKEN,
                "{\"events\":[{\"created_at\":\"2026-12-05T10:00:00Z\",\"trigger\":\"something_new\",\"payload\":{}}]}");
        assertEquals(200, unknownTrigger.statusCode());
        assertThat(unknownTrigger.body(), containsString("ignored"));

        HttpResponse<String> get =
                http.send(HttpRequest.newBuilder(endpoint("prod")).GET().build(), HttpResponse.BodyHandlers.ofString());
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
        for (HttpResponse<String> response :
                java.util.List.of(wrong, missing, unknown, tooLarge, unknownTrigger, noTokenConfigured)) {
            assertThat(response.body(), not(containsString(WEBHOOK_TOKEN)));
        }
        assertEquals("no request reached the platform", 0, simulator.requestCount());
    }

    /**
     * Counts the credentials lookups in the Jenkins root made while the endpoint handles a request (the periodic
     * refresh of the token digests runs elsewhere): a request must cause none.
     */
    @TestExtension
    public static final class CountingProvider extends CredentialsProvider {
        static final AtomicInteger LOOKUPS = new AtomicInteger();

        @NonNull
        @Override
        public <C extends Credentials> List<C> getCredentialsInItemGroup(
                @NonNull Class<C> type,
                ItemGroup itemGroup,
                Authentication authentication,
                @NonNull List<DomainRequirement> domainRequirements) {
            boolean fromEndpoint = StackWalker.getInstance()
                    .walk(frames -> frames.anyMatch(
                            frame -> frame.getClassName().equals(CodescoringWebhookEndpoint.class.getName())));
            if (fromEndpoint) {
                LOOKUPS.incrementAndGet();
            }
            return List.of();
        }
    }

    @Test
    public void aStrangersRequestCostsAConstantTimeRefusalAndNothingElse() throws Exception {
        int lookups = CountingProvider.LOOKUPS.get();
        long comparisons = WebhookTokens.comparisons();
        String body = FINISHED; // a stranger's body is not read at all: a long one may see the connection closed
        HttpResponse<String> noHeader = post("prod", null, body);
        assertEquals(403, noHeader.statusCode());
        assertEquals("no header: refused before any token is compared", comparisons, WebhookTokens.comparisons());

        HttpResponse<String> wrong = post("prod", "guess", body);
        long forAKnownName = WebhookTokens.comparisons() - comparisons;
        comparisons = WebhookTokens.comparisons();
        HttpResponse<String> unknown = post("stage", "guess", body);
        long forAnUnknownName = WebhookTokens.comparisons() - comparisons;
        assertEquals(403, wrong.statusCode());
        assertEquals(403, unknown.statusCode());
        assertEquals(noHeader.body(), wrong.body());
        assertEquals(wrong.body(), unknown.body());
        assertEquals("one comparison for a configured name", 1, forAKnownName);
        assertEquals("and the same work for an unknown one", forAKnownName, forAnUnknownName);

        assertEquals(403, post("%20prod", WEBHOOK_TOKEN, FINISHED).statusCode()); // an encoded space is no alias
        assertEquals(403, post("prod%20", WEBHOOK_TOKEN, FINISHED).statusCode());
        assertEquals("no refused request reached a credentials provider", lookups, CountingProvider.LOOKUPS.get());
        assertEquals(200, post("prod", WEBHOOK_TOKEN, FINISHED).statusCode());
        assertEquals(
                "nor did an accepted one: the token's digest was read ahead", lookups, CountingProvider.LOOKUPS.get());
    }

    @Test
    public void theTokenIsReadAgainWhenItsCredentialChanges() throws Exception {
        assertEquals(200, post("prod", WEBHOOK_TOKEN, FINISHED).statusCode());
        TestCredentials.addToRoot(
                TestCredentials.secretText(CredentialsScope.SYSTEM, "rotated", "cs-webhook-rotated-token"));
        platform.setWebhookCredentialsId("rotated");
        TestPlatforms.save();
        assertEquals(403, post("prod", WEBHOOK_TOKEN, FINISHED).statusCode());
        assertEquals(
                200,
                post("prod", "cs-webhook-rotated-token", FINISHED.replace("10:00:00", "10:00:02"))
                        .statusCode());
        com.cloudbees.plugins.credentials.SystemCredentialsProvider.getInstance()
                .getCredentials()
                .removeIf(c -> c instanceof com.cloudbees.plugins.credentials.common.IdCredentials
                        && "rotated".equals(((com.cloudbees.plugins.credentials.common.IdCredentials) c).getId()));
        com.cloudbees.plugins.credentials.SystemCredentialsProvider.getInstance()
                .save();
        assertEquals(
                "a deleted credential is noticed when the credentials are saved",
                403,
                post("prod", "cs-webhook-rotated-token", FINISHED.replace("10:00:00", "10:00:03"))
                        .statusCode());
    }

    @Test
    public void aMissingWebhookCredentialIsWarnedAboutOnceNotPerRequest() throws Exception {
        platform.setWebhookCredentialsId("no-such-credential");
        TestPlatforms.save();
        int lookups = CountingProvider.LOOKUPS.get();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> refused = post("prod", WEBHOOK_TOKEN, FINISHED);
            assertEquals(403, refused.statusCode());
            assertEquals(
                    "a refusal that left the body unread closes the connection",
                    Optional.of("close"),
                    refused.headers().firstValue("Connection"));
        }
        TestPlatforms.save(); // read again: the same problem is not warned about again
        long warnings = credentialLogs.getRecords().stream()
                .filter(record -> record.getLevel() == Level.WARNING)
                .count();
        assertEquals(1, warnings);
        assertEquals("no lookup for the requests", lookups, CountingProvider.LOOKUPS.get());
    }

    @Test
    public void aHugeDeliveryWithTheRightTokenIsAcceptedAndHurriesTheWaitingScans() throws Exception {
        WorkflowRun run = scanWaitingForTheAnalysis();
        int statusReads = statusReads();
        StringBuilder body = new StringBuilder("{\"events\":[");
        String padding = "x".repeat(440);
        for (int i = 0; i < 10_000; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"created_at\":\"2026-12-05T10:00:00Z\",\"trigger\":\"sca_policy_has_been_triggered\",")
                    .append("\"payload\":{\"project_id\":1,\"n\":")
                    .append(i)
                    .append(",\"pad\":\"")
                    .append(padding)
                    .append("\"}}");
        }
        body.append("]}");
        assertThat("a 5 MB batch", body.length(), org.hamcrest.Matchers.greaterThan(5_000_000));
        HttpResponse<String> answer = post("prod", WEBHOOK_TOKEN, body.toString());
        assertEquals(200, answer.statusCode());
        assertThat(answer.body(), containsString("check the status"));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (statusReads() == statusReads && System.nanoTime() < end) {
            Thread.sleep(20); // bounded: until the status check the delivery asked for has happened
        }
        assertThat(
                "a status check soon after, not at the next poll " + POLL_INTERVAL.getSeconds() + " s later",
                statusReads(),
                org.hamcrest.Matchers.greaterThan(statusReads));
        simulator.completeAnalysis(Outcome.SUCCESS);
        r.assertBuildStatus(Result.UNSTABLE, r.waitForCompletion(run));
    }

    @Test
    public void thePlatformsDeliveriesShareOneFloodGuardWhateverCaseTheURLUses() throws Exception {
        // A platform of its own: the endpoint's flood guard outlives a test, and "prod" must stay usable by the others.
        TestCredentials.addToRoot(
                TestCredentials.secretText(CredentialsScope.SYSTEM, "flood-webhook", "cs-flood-webhook-token"));
        TestPlatforms.add("flood", simulator.baseUrl(), TestCredentials.GLOBAL_ID)
                .setWebhookCredentialsId("flood-webhook");
        TestPlatforms.save();
        for (int i = 0; i < io.jenkins.plugins.codescoring.webhook.WebhookReceiver.DELIVERIES_PER_WINDOW; i++) {
            assertEquals(
                    200,
                    post(i % 2 == 0 ? "flood" : "Flood", "cs-flood-webhook-token", "{\"events\":[]}")
                            .statusCode());
        }
        assertEquals(
                "names are matched in any case, as they are unique in any case; one flood guard",
                429,
                post("FLOOD", "cs-flood-webhook-token", "{\"events\":[]}").statusCode());
        assertEquals(
                403,
                post("%20flood", "cs-flood-webhook-token", "{\"events\":[]}").statusCode());
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
        HttpResponse<String> elsewhere = http.send(
                HttpRequest.newBuilder(new URI(r.getURL() + "job/x/build"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat("the crumb exclusion is for the webhook only", elsewhere.statusCode(), not(200));
    }
}
