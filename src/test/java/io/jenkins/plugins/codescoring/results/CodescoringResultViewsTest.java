package io.jenkins.plugins.codescoring.results;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.FastScans;
import io.jenkins.plugins.codescoring.PlatformTextOnPage;
import io.jenkins.plugins.codescoring.SimulatedPlatform;
import io.jenkins.plugins.codescoring.freestyle.CodescoringScanBuilder;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;

/** The result pages (build summary, the scan's page, the job page) render and escape what the platform sends. */
public class CodescoringResultViewsTest {
    private static final String NASTY_POLICY = "<img src=x onerror=alert(1)> Policy";
    private static final String NASTY_PURL = "pkg:npm/<script>alert(2)</script>@1.0.0";
    private static final String NASTY_CRITERIA = "\"><svg onload=alert(3)>";

    public JenkinsRule r = new JenkinsRule();

    private final SimulatedPlatform platform = SimulatedPlatform.configured();

    @Rule
    public RuleChain jenkinsThenPlatform = RuleChain.outerRule(r).around(platform);

    @Rule
    public EnglishLocale english = new EnglishLocale();

    @Rule
    public FastScans fast = new FastScans();

    private static Dataset nasty() {
        Dataset.Builder builder = Dataset.builder("nasty")
                .policy(1, NASTY_POLICY, "critical", true, true)
                .project(1, "shop</td><b>");
        for (int i = 0; i < 7; i++) {
            builder.alert(Dataset.alert(1, 1)
                    .dependency(NASTY_PURL.replace("1.0.0", "1.0." + i))
                    .vulnerability("CVE-2024-000" + i)
                    .criteria(NASTY_CRITERIA));
        }
        return builder.build();
    }

    @Test
    public void pagesEscapeEverythingFromThePlatform() throws Exception {
        platform.simulator().load(nasty());
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new CodescoringScanBuilder());
        FreeStyleBuild build = r.buildAndAssertStatus(Result.FAILURE, project);
        CodescoringResultAction action = build.getAction(CodescoringResultAction.class);
        assertEquals(7, action.getBlockingAlertCount());
        assertThat(action.getSummaryAlerts(), hasSize(CodescoringResultAction.SUMMARY_ALERTS));
        assertEquals(2, action.getAlertsNotInSummary());

        JenkinsRule.WebClient wc = r.createWebClient().withJavaScriptEnabled(false);
        HtmlPage buildPage = wc.getPage(build);
        String buildText = buildPage.getDocumentElement().getTextContent();
        assertThat(buildText, containsString("CodeScoring: BLOCKED"));
        assertThat(buildText, containsString("CVE-2024-0000"));
        assertThat(buildText, not(containsString("CVE-2024-0006"))); // only the first five in the summary
        PlatformTextOnPage.assertShownAsTextOnly(buildPage, NASTY_POLICY, NASTY_PURL);

        HtmlPage resultPage = wc.getPage(build, action.getUrlName());
        assertThat(resultPage.getDocumentElement().getTextContent(), containsString("CVE-2024-0006"));
        PlatformTextOnPage.assertShownAsTextOnly(
                resultPage, NASTY_POLICY, NASTY_PURL.replace("1.0.0", "1.0.6"), NASTY_CRITERIA, "shop</td><b>");

        HtmlPage jobPage = wc.getPage(project);
        assertThat(jobPage.getWebResponse().getContentAsString(), containsString("codescoring-1/"));
        PlatformTextOnPage.assertShownAsTextOnly(jobPage);
    }

    @Test
    public void pipelineResultsHaveTheirPagesAndTheJobShowsTheLastBuild() throws Exception {
        platform.simulator().load(Dataset.severalProjects());
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(
                "codescoringScan project: 'shop'\n"
                        + "codescoringScan project: 'billing', stage: 'prod', onError: 'UNSTABLE', onBlocking: 'UNSTABLE'",
                true));
        WorkflowRun run = r.buildAndAssertStatus(Result.UNSTABLE, job);
        JenkinsRule.WebClient wc = r.createWebClient().withJavaScriptEnabled(false);
        assertThat(wc.getPage(run, "codescoring-1").getWebResponse().getContentAsString(), containsString("PASSED"));
        String second = wc.getPage(run, "codescoring-2").getWebResponse().getContentAsString();
        assertThat(second, containsString("BLOCKED"));
        assertThat(second, containsString("billing"));
        String jobPage = wc.getPage(job).getWebResponse().getContentAsString();
        assertThat(jobPage, containsString("codescoring-2/"));
        assertThat(jobPage, containsString("BLOCKED"));
    }

    @Test
    public void jobWithoutScansHasNoJobAction() throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        r.buildAndAssertSuccess(project);
        assertNull(project.getAction(CodescoringJobAction.class));
        String jobPage = r.createWebClient()
                .withJavaScriptEnabled(false)
                .getPage(project)
                .getWebResponse()
                .getContentAsString();
        assertThat(jobPage, not(containsString("codescoring-1")));
    }
}
