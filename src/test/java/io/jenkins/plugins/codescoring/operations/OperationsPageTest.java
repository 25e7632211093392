package io.jenkins.plugins.codescoring.operations;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.Item;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.FastScans;
import io.jenkins.plugins.codescoring.ScanTestSupport;
import io.jenkins.plugins.codescoring.SimulatedPlatform;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.TestPlatforms;
import io.jenkins.plugins.codescoring.config.Platform;
import io.jenkins.plugins.codescoring.endpoint.CodescoringWebhookEndpoint;
import io.jenkins.plugins.codescoring.scan.CoordinatorSnapshot;
import io.jenkins.plugins.codescoring.scan.Phase;
import io.jenkins.plugins.codescoring.scanstep.CodescoringScans;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.Outcome;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * Manage Jenkins » CodeScoring with builds waiting on two platforms (two simulators) in different phases: what the page
 * and its api/json show, and who may read it and act on it.
 */
public class OperationsPageTest {
    public JenkinsRule r = new JenkinsRule();

    private final SimulatedPlatform alpha = SimulatedPlatform.configured();

    @Rule
    public RuleChain jenkinsThenPlatform = RuleChain.outerRule(r).around(alpha);

    @Rule
    public EnglishLocale english = new EnglishLocale();

    @Rule
    public FastScans fast = new FastScans();

    private CodescoringSimulator beta;
    private final List<WorkflowRun> runs = new ArrayList<>();
    private boolean systemReadWasEnabled;
    private boolean manageWasEnabled;

    @Before
    public void twoPlatforms() throws Exception {
        Platform first = TestPlatforms.first();
        first.setName("alpha");
        TestPlatforms.save();
        beta = CodescoringSimulator.start(TestCredentials.TOKEN);
        TestPlatforms.add("beta", beta.baseUrl(), TestCredentials.GLOBAL_ID);
        for (CodescoringSimulator simulator : List.of(alpha.simulator(), beta)) {
            simulator.load(Dataset.clean());
            simulator.setManualCompletion(true);
        }
        systemReadWasEnabled = Jenkins.SYSTEM_READ.getEnabled();
        manageWasEnabled = Jenkins.MANAGE.getEnabled();
        Jenkins.SYSTEM_READ.setEnabled(true);
        Jenkins.MANAGE.setEnabled(true);
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader", "sysread", "manager")
                .grant(Jenkins.SYSTEM_READ)
                .everywhere()
                .to("sysread")
                .grant(Jenkins.MANAGE)
                .everywhere()
                .to("manager"));
    }

    @After
    public void stopBuilds() throws Exception {
        for (WorkflowRun run : runs) {
            if (run.isBuilding()) {
                run.doStop();
            }
            r.waitForCompletion(run);
        }
        beta.close();
        Jenkins.SYSTEM_READ.setEnabled(systemReadWasEnabled);
        Jenkins.MANAGE.setEnabled(manageWasEnabled);
    }

    private WorkflowRun waitingBuild(String name, String script) throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        runs.add(run);
        return run;
    }

    /** alpha: one build whose analysis runs; beta: one whose analysis runs and one that waits for that other analysis. */
    private void buildsWaitInThreePlaces() throws Exception {
        r.waitForMessage(ScanTestSupport.WAITING, waitingBuild("alpha-build", "codescoringScan stage: 'build'"));
        r.waitForMessage(ScanTestSupport.WAITING, waitingBuild("beta-first", "codescoringScan platform: 'beta'"));
        waitingBuild("beta-second", "codescoringScan platform: 'beta', stage: 'prod'");
        awaitPhase("beta-second", Phase.WAITING_FOR_OTHER);
    }

    private static void awaitPhase(String job, Phase phase) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!hasPhase(job, phase)) {
            assertTrue(job + " never reached " + phase, System.nanoTime() < end);
            Thread.sleep(20);
        }
    }

    private static boolean hasPhase(String job, Phase phase) {
        for (CoordinatorSnapshot snapshot : CodescoringScans.snapshots()) {
            for (CoordinatorSnapshot.Scan scan : snapshot.scans()) {
                if (String.valueOf(scan.owner()).startsWith(job + " #") && scan.phase() == phase) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    public void thePageShowsEachPlatformWithItsAnalysisAndItsWaitingBuildsInWords() throws Exception {
        buildsWaitInThreePlaces();
        HtmlPage page = r.createWebClient().login("sysread").goTo("manage/codescoring/");
        String text = page.asNormalizedText();

        assertThat(text, containsString("Platform alpha"));
        assertThat(text, containsString("Platform beta"));
        assertThat(text, containsString("status in_progress"));
        assertThat(text, containsString("analysis running"));
        assertThat(text, containsString("waiting for another analysis to end"));
        assertThat(text, containsString("all projects, stage prod"));
        assertThat(text, containsString("Waiting scans: 2"));
        assertThat(text, containsString("Waiting scans: 1"));
        assertThat(text, containsString("analyses started: 1"));
        assertThat(text, containsString("no token: every delivery is refused"));
        assertThat(text, containsString("What the figures mean"));
        assertThat(
                "each build is linked",
                page.getAnchors().stream()
                        .map(a -> a.getHrefAttribute())
                        .filter(h -> h.endsWith("job/beta-second/1/"))
                        .count(),
                is(1L));
        assertThat(page.getWebResponse().getContentAsString(), not(containsString(TestCredentials.TOKEN)));

        // beta's rows: the build whose analysis runs waited longer, so it comes first.
        String betaPart = text.substring(text.indexOf("Platform beta"));
        assertTrue(betaPart.indexOf("beta-first") < betaPart.indexOf("beta-second"));
    }

    @Test
    public void openingThePageSendsNothingToThePlatformAndKeepsWhatWasLastSeen() throws Exception {
        WorkflowRun run = waitingBuild("alpha-build", "codescoringScan()");
        r.waitForMessage(ScanTestSupport.WAITING, run);
        alpha.simulator().completeAnalysis(Outcome.SUCCESS);
        r.assertBuildStatusSuccess(r.waitForCompletion(run));
        ScanTestSupport.assertNoScanWaits();

        int before = alpha.simulator().requestCount();
        JenkinsRule.WebClient client = r.createWebClient().login("sysread");
        String text = client.goTo("manage/codescoring/").asNormalizedText();
        client.goTo("codescoring/api/json?depth=2", "application/json");
        assertEquals("no request to the platform", before, alpha.simulator().requestCount());
        assertThat(text, containsString("status success"));
        assertThat(text, containsString("no read planned (nobody waits)"));
        assertThat(text, containsString("analyses started: 1"));
        assertThat(text, containsString("No scan waits on this platform."));
    }

    @Test
    public void webhookDeliveriesAreCountedWithTheLastRefusalButNeverTheToken() throws Exception {
        String webhookToken = "cs-webhook-token-0123456789abcdef-secret";
        TestCredentials.addToRoot(
                TestCredentials.secretText(CredentialsScope.SYSTEM, "codescoring-webhook", webhookToken));
        TestPlatforms.first().setWebhookCredentialsId("codescoring-webhook");
        TestPlatforms.save();
        String finished = "{\"events\":[{\"created_at\":\"2026-12-05T10:00:00Z\",\"trigger\":"
                + "\"project_sca_analysis_finished\",\"payload\":{\"project_id\":1}}]}";
        assertEquals(200, deliver("alpha", webhookToken, finished));
        assertEquals(403, deliver("alpha", "wrong-token-value-42", finished));
        assertEquals(403, deliver("nobody", webhookToken, finished));

        JenkinsRule.WebClient client = r.createWebClient().login("sysread");
        String body = client.goTo("codescoring/api/json?depth=1", "application/json")
                .getWebResponse()
                .getContentAsString();
        assertThat(body, not(containsString(webhookToken)));
        assertThat(body, not(containsString("wrong-token-value-42")));
        JSONObject webhook = JSONObject.fromObject(body)
                .getJSONArray("platforms")
                .getJSONObject(0)
                .getJSONObject("webhook");
        assertTrue(webhook.getBoolean("tokenSet"));
        assertEquals(1, webhook.getLong("accepted"));
        assertEquals("an unknown platform's refusal is counted nowhere", 1, webhook.getLong("refused"));
        assertThat(webhook.getString("lastRefusedReason"), containsString("HTTP 403"));
        assertTrue(webhook.getLong("lastAcceptedAt") > 0);
        assertThat(
                client.goTo("manage/codescoring/").asNormalizedText(),
                containsString("webhook deliveries accepted: 1, refused: 1"));
    }

    private int deliver(String platformName, String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(new URI(r.getURL() + Platform.WEBHOOK_PATH + "/" + platformName))
                .header("Content-Type", "application/json")
                .header(CodescoringWebhookEndpoint.TOKEN_HEADER, token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    public void theJsonHasOnePlatformEachWithItsWaitingScansAndWebhook() throws Exception {
        buildsWaitInThreePlaces();
        Page page = r.createWebClient().login("manager").goTo("codescoring/api/json", "application/json");
        JSONObject json = JSONObject.fromObject(page.getWebResponse().getContentAsString());
        assertThat(json.toString(), not(containsString(TestCredentials.TOKEN)));
        JSONArray platforms = json.getJSONArray("platforms");
        assertEquals(2, platforms.size());

        JSONObject first = platforms.getJSONObject(0);
        assertEquals("alpha", first.getString("name"));
        assertEquals(alpha.simulator().baseUrl(), first.getString("url"));
        assertTrue(first.getBoolean("configured"));
        assertTrue(first.getBoolean("analysisRunning"));
        assertEquals("in_progress", first.getString("currentStatus"));
        assertEquals(1, first.getLong("analysesStarted"));
        assertTrue(first.getLong("statusReads") >= 1);
        assertEquals(0, first.getInt("failedReadsInRow"));
        assertTrue(first.has("lastReadAt"));
        assertTrue(first.has("nextReadAt"));
        JSONObject row = first.getJSONArray("waiting").getJSONObject(0);
        assertEquals("RUNNING", row.getString("phase"));
        assertEquals("analysis running", row.getString("phaseText"));
        assertFalse("the scan started its run itself", row.getBoolean("runAdopted"));
        assertEquals("alpha-build #1", row.getString("build"));
        assertEquals("job/alpha-build/1/", row.getString("buildUrl"));
        assertEquals("build", row.getString("stage"));
        assertFalse("all projects: no project key", row.has("project"));
        assertTrue(row.getLong("deadline") > row.getLong("requestedAt"));
        assertTrue(row.getLong("waitingMillis") >= 0);
        JSONObject webhook = first.getJSONObject("webhook");
        assertFalse(webhook.getBoolean("tokenSet"));
        assertTrue("counted since Jenkins started, so another test's deliveries may show", webhook.has("accepted"));
        assertTrue(webhook.has("refused"));

        JSONArray betaRows = platforms.getJSONObject(1).getJSONArray("waiting");
        assertEquals(2, betaRows.size());
        assertEquals("RUNNING", betaRows.getJSONObject(0).getString("phase"));
        assertEquals("WAITING_FOR_OTHER", betaRows.getJSONObject(1).getString("phase"));
        assertEquals("prod", betaRows.getJSONObject(1).getString("stage"));
    }

    @Test
    public void onlyOverallReadSeesNothingSystemReadAndManageReadOnlyAdministerActs() throws Exception {
        JenkinsRule.WebClient reader = r.createWebClient().login("reader");
        reader.setThrowExceptionOnFailingStatusCode(false);
        assertEquals(403, reader.goTo("manage/codescoring/").getWebResponse().getStatusCode());
        assertEquals(403, reader.goTo("codescoring/").getWebResponse().getStatusCode());
        assertEquals(
                403, reader.goTo("codescoring/api/json", null).getWebResponse().getStatusCode());

        for (String user : new String[] {"sysread", "manager"}) {
            JenkinsRule.WebClient client = r.createWebClient().login(user);
            assertThat(
                    user + " sees the tile",
                    client.goTo("manage/").getWebResponse().getContentAsString(),
                    containsString("href=\"codescoring\""));
            HtmlPage page = client.goTo("manage/codescoring/");
            assertTrue(page.getForms().stream()
                    .noneMatch(f -> f.getActionAttribute().equals("pollNow")));
            client.setThrowExceptionOnFailingStatusCode(false);
            assertEquals(
                    user + " may not act",
                    403,
                    client.getPage(pollNow(client)).getWebResponse().getStatusCode());
        }

        JenkinsRule.WebClient admin = r.createWebClient().login("admin");
        HtmlPage page = admin.goTo("manage/codescoring/");
        assertTrue(
                "the admin gets a Check button per platform",
                page.getForms().stream()
                                .filter(f -> f.getActionAttribute().equals("pollNow"))
                                .count()
                        == 2);
        Page after = admin.getPage(pollNow(admin));
        assertEquals(200, after.getWebResponse().getStatusCode());
        assertThat("back on the page", after.getUrl().toString(), containsString("/codescoring/"));

        JenkinsRule.WebClient getter = r.createWebClient().login("admin");
        getter.setThrowExceptionOnFailingStatusCode(false);
        assertThat(
                "the action takes POST only",
                getter.goTo("codescoring/pollNow?platform=alpha")
                        .getWebResponse()
                        .getStatusCode(),
                either(is(404)).or(is(405)));
    }

    private WebRequest pollNow(JenkinsRule.WebClient client) throws Exception {
        URL url = client.createCrumbedUrl("codescoring/pollNow");
        WebRequest request = new WebRequest(new URL(url + "&platform=alpha"), HttpMethod.POST);
        return request;
    }
}
