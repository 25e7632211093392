package io.jenkins.plugins.codescoring.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import hudson.EnvVars;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.FastScans;
import io.jenkins.plugins.codescoring.SimulatedPlatform;
import io.jenkins.plugins.codescoring.freestyle.CodescoringScanBuilder;
import io.jenkins.plugins.codescoring.results.BlockingAlertRow;
import io.jenkins.plugins.codescoring.results.CodescoringResultAction;
import io.jenkins.plugins.codescoring.scan.BlockOn;
import io.jenkins.plugins.codescoring.scan.Verdict;
import io.jenkins.plugins.codescoring.scanstep.OnFinding;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.Outcome;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockFolder;
import org.jvnet.hudson.test.TestBuilder;

/**
 * New blocking alerts since the reference build, with the simulator changing its alerts between builds: two
 * blocking alerts, then the same two and one more, then the two again.
 */
public class NewBlockingAlertsTest {
    private static final String SPRING_WEB = "pkg:maven/org.springframework/spring-web@5.3.20";

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    public JenkinsRule r = new JenkinsRule();

    private final SimulatedPlatform platform = SimulatedPlatform.configured();

    @Rule
    public RuleChain jenkinsThenPlatform = RuleChain.outerRule(r).around(platform);

    @Rule
    public EnglishLocale english = new EnglishLocale();

    @Rule
    public FastScans fast = new FastScans();

    private WorkflowJob pipeline(String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private WorkflowRun build(WorkflowJob job, String dataset, Result expected) throws Exception {
        platform.simulator().load(Dataset.byName(dataset));
        return r.buildAndAssertStatus(expected, job);
    }

    private static final String REPORT =
            "\necho \"verdict=${r.verdict} new=${r.newBlockingAlerts} reference=${r.referenceBuild}"
                    + " blocking=${r.blockingAlerts} rule=${r.blockOn}\"";

    @Test
    public void blockOnNewBlocksOnlyOnTheAlertThatAppeared() throws Exception {
        WorkflowJob job =
                pipeline("def r = codescoringScan project: 'shop', blockOn: 'NEW', onBlocking: 'UNSTABLE'" + REPORT);

        WorkflowRun first = build(job, "two-blockers", Result.UNSTABLE);
        r.assertLogContains("verdict=BLOCKED new=2 reference=0 blocking=2 rule=NEW", first);
        r.assertLogContains("2 blocking alerts, all new (no reference build", first);
        r.assertLogContains("Rule: blockOn NEW — every blocking alert is new: there is no reference build", first);

        WorkflowRun second = build(job, "three-blockers", Result.UNSTABLE);
        r.assertLogContains("verdict=BLOCKED new=1 reference=1 blocking=3 rule=NEW", second);
        r.assertLogContains(
                "CodeScoring verdict: BLOCKED — 1 new blocking alert (3 blocking alerts from 1 policy)", second);
        r.assertLogContains("3 blocking alerts, 1 new since build #1", second);
        r.assertLogContains("CodeScoring found 1 new blocking alert (3 in all) of the blocking policy", second);
        r.assertLogNotContains("CodeScoring found 3 blocking alerts", second);
        CodescoringResultAction action = second.getAction(CodescoringResultAction.class);
        List<BlockingAlertRow> rows = action.getSummaryAlerts();
        assertEquals("the new alert comes first", SPRING_WEB, rows.get(0).getDependency());
        assertTrue(rows.get(0).isNewAlert());
        assertFalse(rows.get(1).isNewAlert());
        assertEquals(Integer.valueOf(1), action.getNewAlerts().getReferenceBuild());

        WorkflowRun third = build(job, "two-blockers", Result.SUCCESS);
        r.assertLogContains("verdict=PASSED new=0 reference=2 blocking=2 rule=NEW", third);
        r.assertLogContains(
                "CodeScoring verdict: PASSED — no new blocking alerts, 2 already blocking (project shop, all stages)",
                third);
        r.assertLogContains(
                "Rule: blockOn NEW — only blocking alerts new since build #2 block the build (2 already blocking)",
                third);
        r.assertLogContains("| New", third);
    }

    @Test
    public void blockOnAllStillBlocksOnEveryAlertAndReportsTheNewOne() throws Exception {
        WorkflowJob job = pipeline("def r = codescoringScan project: 'shop', onBlocking: 'UNSTABLE'" + REPORT);
        build(job, "two-blockers", Result.UNSTABLE);
        WorkflowRun second = build(job, "three-blockers", Result.UNSTABLE);
        r.assertLogContains("verdict=BLOCKED new=1 reference=1 blocking=3 rule=ALL", second);
        r.assertLogContains(
                "CodeScoring verdict: BLOCKED — 3 blocking alerts from 1 policy (project shop, all stages)", second);
        r.assertLogContains("Rule: blockOn ALL — any active blocking alert blocks the build", second);
        WorkflowRun third = build(job, "two-blockers", Result.UNSTABLE);
        r.assertLogContains("verdict=BLOCKED new=0 reference=2 blocking=2 rule=ALL", third);
    }

    @Test
    public void eachScopeHasItsReferenceAndABuildWithoutAVerdictIsSkipped() throws Exception {
        WorkflowJob job = pipeline(
                "def a = codescoringScan project: 'shop', blockOn: 'NEW', onBlocking: 'UNSTABLE', onError: 'UNSTABLE'\n"
                        + "def b = codescoringScan stage: 'build', blockOn: 'NEW', onBlocking: 'UNSTABLE', onError: 'UNSTABLE'\n"
                        + "echo \"a=${a.verdict}/${a.newBlockingAlerts}/${a.referenceBuild} b=${b.verdict}/${b.newBlockingAlerts}/${b.referenceBuild}\"");
        WorkflowRun first = build(job, "two-blockers", Result.UNSTABLE);
        r.assertLogContains("a=BLOCKED/2/0 b=BLOCKED/2/0", first);

        platform.simulator().setOutcomes(Outcome.FAILED);
        WorkflowRun failed = build(job, "three-blockers", Result.UNSTABLE);
        r.assertLogContains("a=ERROR/0/0 b=ERROR/0/0", failed);
        platform.simulator().setOutcomes(Outcome.SUCCESS);

        // Build #2's scans ended in ERROR: no reference; each scan compares with its own scope's scan of #1.
        WorkflowRun third = build(job, "three-blockers", Result.UNSTABLE);
        r.assertLogContains("a=BLOCKED/1/1 b=BLOCKED/1/1", third);
        List<CodescoringResultAction> scans = third.getActions(CodescoringResultAction.class);
        assertEquals(2, scans.size());
        for (CodescoringResultAction scan : scans) {
            assertEquals(BlockOn.NEW, scan.getResult().blockOn());
            assertEquals(Integer.valueOf(1), scan.getResult().referenceBuild());
        }
    }

    @Test
    public void anotherScopeOfTheSameJobIsNoReference() throws Exception {
        WorkflowJob job =
                pipeline("def r = codescoringScan project: 'shop', blockOn: 'NEW', onBlocking: 'UNSTABLE'" + REPORT);
        build(job, "two-blockers", Result.UNSTABLE);
        job.setDefinition(new CpsFlowDefinition(
                "def r = codescoringScan project: 'shop', stage: 'build', blockOn: 'NEW', onBlocking: 'UNSTABLE'"
                        + REPORT,
                true));
        WorkflowRun other = build(job, "two-blockers", Result.UNSTABLE);
        r.assertLogContains("verdict=BLOCKED new=2 reference=0", other);
    }

    @Test
    public void theResultsPageMarksTheNewAlertAndLinksTheReference() throws Exception {
        WorkflowJob job = pipeline("codescoringScan project: 'shop', blockOn: 'NEW', onBlocking: 'UNSTABLE'");
        build(job, "two-blockers", Result.UNSTABLE);
        WorkflowRun second = build(job, "three-blockers", Result.UNSTABLE);
        CodescoringResultAction action = second.getAction(CodescoringResultAction.class);
        JenkinsRule.WebClient web = r.createWebClient().withJavaScriptEnabled(false);
        HtmlPage page = web.getPage(second, action.getUrlName());
        String text = page.asNormalizedText();
        assertThat(text, containsString("3 blocking alerts, 1 new since build #1"));
        assertThat(
                text,
                containsString(
                        "Decided by the rule blockOn NEW: only blocking alerts new since build #1 block the build."));
        assertEquals(1, page.querySelectorAll(".codescoring-new-mark").size());
        assertEquals(1, page.querySelectorAll("tr.codescoring-new-alert").size());
        assertThat(page.querySelector("tr.codescoring-new-alert").asNormalizedText(), containsString(SPRING_WEB));
        assertNotNull(page.querySelector("a.codescoring-reference[href$='/" + job.getUrl() + "1/']"));
        HtmlPage buildPage = web.getPage(second);
        assertThat(buildPage.asNormalizedText(), containsString("3 blocking alerts, 1 new since build #1"));
        assertEquals(1, buildPage.querySelectorAll(".codescoring-new-mark").size());
        assertThat(
                web.goTo(job.getUrl() + "codescoring/trend", "image/svg+xml")
                        .getWebResponse()
                        .getContentAsString(),
                containsString("New blocking 1"));
    }

    @Test
    public void aJobInAFolderComparesWithItsOwnBuildsAndLinksThem() throws Exception {
        MockFolder folder = r.createFolder("team");
        WorkflowJob job = folder.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition(
                "def r = codescoringScan project: 'shop', blockOn: 'NEW', onBlocking: 'UNSTABLE'" + REPORT, true));
        WorkflowJob sameName = r.createProject(WorkflowJob.class, "app");
        sameName.setDefinition(job.getDefinition());
        build(sameName, "two-blockers", Result.UNSTABLE);
        WorkflowRun first = build(job, "two-blockers", Result.UNSTABLE);
        r.assertLogContains("new=2 reference=0", first);
        WorkflowRun second = build(job, "three-blockers", Result.UNSTABLE);
        r.assertLogContains("verdict=BLOCKED new=1 reference=1", second);
        assertEquals(
                "job/team/job/app/1/",
                second.getAction(CodescoringResultAction.class).getNewAlerts().getReferenceUrl());
    }

    private static final class EnvCapture extends TestBuilder {
        EnvVars env;

        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws InterruptedException, java.io.IOException {
            env = build.getEnvironment(listener);
            return true;
        }
    }

    @Test
    public void freestyleBlockOnNewAndItsVariables() throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        CodescoringScanBuilder scan = new CodescoringScanBuilder();
        scan.setProject("shop");
        scan.setBlockOn(BlockOn.NEW);
        scan.setOnBlocking(OnFinding.UNSTABLE);
        EnvCapture capture = new EnvCapture();
        project.getBuildersList().add(scan);
        project.getBuildersList().add(capture);
        platform.simulator().load(Dataset.byName("two-blockers"));
        r.buildAndAssertStatus(Result.UNSTABLE, project);
        assertEquals("2", capture.env.get("CODESCORING_NEW_BLOCKING_ALERTS"));
        assertEquals("", capture.env.get("CODESCORING_REFERENCE_BUILD"));

        platform.simulator().load(Dataset.byName("two-blockers"));
        FreeStyleBuild second = r.buildAndAssertSuccess(project);
        assertEquals("0", capture.env.get("CODESCORING_NEW_BLOCKING_ALERTS"));
        assertEquals("1", capture.env.get("CODESCORING_REFERENCE_BUILD"));
        assertEquals("PASSED", capture.env.get("CODESCORING_VERDICT"));
        assertEquals(
                Verdict.PASSED,
                second.getAction(CodescoringResultAction.class).getResult().verdict());

        platform.simulator().load(Dataset.byName("three-blockers"));
        FreeStyleBuild third = r.buildAndAssertStatus(Result.UNSTABLE, project);
        r.assertLogContains("CodeScoring verdict: BLOCKED — 1 new blocking alert (3 blocking alerts from", third);
        r.assertLogContains("CodeScoring found 1 new blocking alert (3 in all) of the blocking policy", third);
        assertEquals("1", capture.env.get("CODESCORING_NEW_BLOCKING_ALERTS"));
        assertEquals("2", capture.env.get("CODESCORING_REFERENCE_BUILD"));
        r.configRoundtrip(project);
        assertEquals(
                BlockOn.NEW,
                project.getBuildersList().get(CodescoringScanBuilder.class).getBlockOn());
    }
}
