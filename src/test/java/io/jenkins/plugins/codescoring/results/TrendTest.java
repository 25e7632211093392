package io.jenkins.plugins.codescoring.results;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import hudson.ExtensionList;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.report.TrendPoint;
import io.jenkins.plugins.codescoring.scan.BlockingAlert;
import io.jenkins.plugins.codescoring.scan.BlockingPolicy;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.htmlunit.Page;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** The job page's trend chart: its data come from the results stored with the builds, and its address answers SVG. */
public class TrendTest {
    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Rule
    public EnglishLocale english = new EnglishLocale();

    /**
     * Builds #1 to #4: #1 without scans, #2 with a blocked and a passed scan, #3 with an ERROR scan only,
     * #4 with a passed scan. Results are attached directly, as a scan would attach them.
     */
    private FreeStyleProject jobWithResults() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject("p");
        r.buildAndAssertSuccess(job);
        FreeStyleBuild second = r.buildAndAssertSuccess(job);
        CodescoringResultAction.attach(second, blocked(2, levels(2, 1, 0)));
        CodescoringResultAction.attach(second, passed(levels(0, 3, 1)));
        FreeStyleBuild third = r.buildAndAssertSuccess(job);
        CodescoringResultAction.attach(
                third,
                ScanResult.builder(Verdict.ERROR)
                        .error(ErrorKind.TIMEOUT, "no verdict")
                        .build());
        FreeStyleBuild fourth = r.buildAndAssertSuccess(job);
        CodescoringResultAction.attach(fourth, passed(levels(0, 0, 5)));
        return job;
    }

    @Test
    public void eachBuildWithAVerdictIsOnePointSummingItsScansOldestFirst() throws Exception {
        FreeStyleProject job = jobWithResults();
        assertEquals(List.of(new TrendPoint("#2", 2, 2, 4, 1), new TrendPoint("#4", 0, 0, 0, 5)), TrendData.of(job));
    }

    @Test
    public void onlyTheLastCompletedBuildsAreRead() throws Exception {
        FreeStyleProject job = jobWithResults();
        assertEquals(List.of(new TrendPoint("#4", 0, 0, 0, 5)), TrendData.of(job, 2));
        assertEquals(List.of(), TrendData.of(job, 0));
    }

    @Test
    public void theDataComeFromTheStoredResultsAfterTheBuildIsReloaded() throws Exception {
        FreeStyleProject job = jobWithResults();
        job.getBuildByNumber(2).reload();
        job.getBuildByNumber(4).reload();
        assertEquals(List.of(new TrendPoint("#2", 2, 2, 4, 1), new TrendPoint("#4", 0, 0, 0, 5)), TrendData.of(job));
    }

    @Test
    public void theJobPageShowsTheChartWhichIsAnSvgImage() throws Exception {
        FreeStyleProject job = jobWithResults();
        JenkinsRule.WebClient wc = r.createWebClient().withJavaScriptEnabled(false);
        String jobPage = wc.getPage(job).getWebResponse().getContentAsString();
        assertThat(jobPage, containsString("/" + job.getUrl() + "codescoring/trend?build=4\""));
        assertThat(jobPage, containsString("CodeScoring trend"));

        Page chart = wc.goTo(job.getUrl() + "codescoring/trend", "image/svg+xml");
        String svg = chart.getWebResponse().getContentAsString();
        assertThat(svg, startsWith("<?xml"));
        assertThat(svg, containsString("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertThat(
                svg, containsString("#2 … #4. #4: Blocking alerts 0, New blocking 0, Critical 0, Warning 0, Info 5."));
        assertThat(svg, not(containsString("<script")));
        assertEquals("nosniff", chart.getWebResponse().getResponseHeaderValue("X-Content-Type-Options"));
        assertThat(
                chart.getWebResponse().getResponseHeaderValue("Content-Security-Policy"),
                containsString("default-src 'none'"));
        assertThat(chart.getWebResponse().getResponseHeaderValue("Cache-Control"), containsString("private"));
    }

    @Test
    public void aLaterBuildThatDidNotScanDoesNotHideTheLatestResults() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject("sometimes-scans");
        FreeStyleBuild scanned = r.buildAndAssertSuccess(job);
        CodescoringResultAction.attach(
                scanned,
                io.jenkins.plugins.codescoring.scan.ScanResult.builder(
                                io.jenkins.plugins.codescoring.scan.Verdict.PASSED)
                        .platformUrl("http://codescoring.test")
                        .build());
        r.buildAndAssertSuccess(job);

        CodescoringJobAction action = job.getAction(CodescoringJobAction.class);
        assertEquals(scanned, action.getBuild());
        assertEquals(1, action.getResults().size());
    }

    /**
     * Jenkins asks a factory only for the action types it declares: looking up another action on a job (the queue,
     * the build button and many plugins do, for every job) must not reach our factory, which reads builds. Asked of
     * Jenkins' own routing, not of the declared constant.
     */
    @Test
    public void theJobActionFactoryIsAskedOnlyForTheJobAction() {
        CodescoringJobActionFactory ours = ExtensionList.lookupSingleton(CodescoringJobActionFactory.class);
        List<Object> forAnotherAction = new java.util.ArrayList<>();
        jenkins.model.TransientActionFactory.factoriesFor(FreeStyleProject.class, hudson.model.CauseAction.class)
                .forEach(forAnotherAction::add);
        assertThat(forAnotherAction, not(org.hamcrest.Matchers.hasItem(ours)));
        List<Object> forOurAction = new java.util.ArrayList<>();
        jenkins.model.TransientActionFactory.factoriesFor(FreeStyleProject.class, CodescoringJobAction.class)
                .forEach(forOurAction::add);
        assertThat(forOurAction, org.hamcrest.Matchers.hasItem(ours));
        List<Object> forAllActions = new java.util.ArrayList<>();
        jenkins.model.TransientActionFactory.factoriesFor(FreeStyleProject.class, hudson.model.Action.class)
                .forEach(forAllActions::add);
        assertThat("the job page lists all actions", forAllActions, org.hamcrest.Matchers.hasItem(ours));
    }

    @Test
    public void aJobWithoutScansShowsNoChart() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject("plain");
        r.buildAndAssertSuccess(job);
        assertNull(job.getAction(CodescoringJobAction.class));
        assertEquals(List.of(), TrendData.of(job));
        JenkinsRule.WebClient wc = r.createWebClient().withJavaScriptEnabled(false);
        assertThat(wc.getPage(job).getWebResponse().getContentAsString(), not(containsString("codescoring/trend")));
        wc.assertFails(job.getUrl() + "codescoring/trend", 404);
    }

    @Test
    public void theChartNeedsReadPermissionOnTheJob() throws Exception {
        FreeStyleProject job = jobWithResults();
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader", "stranger")
                .grant(Item.READ)
                .onItems(job)
                .to("reader"));
        r.createWebClient().login("reader").goTo(job.getUrl() + "codescoring/trend", "image/svg+xml");
        r.createWebClient().login("stranger").assertFails(job.getUrl() + "codescoring/trend", 404);
        r.createWebClient().assertFails(job.getUrl() + "codescoring/trend", 403);
    }

    private static Map<String, Integer> levels(int critical, int warning, int info) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        levels.put("critical", critical);
        levels.put("warning", warning);
        levels.put("info", info);
        return levels;
    }

    private static ScanResult passed(Map<String, Integer> levels) {
        return ScanResult.builder(Verdict.PASSED)
                .platformUrl("https://codescoring.example.com")
                .alertsByLevel(levels)
                .activeAlerts(
                        levels.values().stream().mapToInt(Integer::intValue).sum())
                .build();
    }

    private static ScanResult blocked(int blockingAlerts, Map<String, Integer> levels) {
        List<BlockingAlert> alerts = new java.util.ArrayList<>();
        for (int i = 0; i < blockingAlerts; i++) {
            alerts.add(new BlockingAlert(
                    "a" + i, "shop", "build", "critical", "pkg:npm/lib" + i + "@1.0.0", "CVE-2024-000" + i, List.of()));
        }
        return ScanResult.builder(Verdict.BLOCKED)
                .platformUrl("https://codescoring.example.com")
                .project("shop")
                .alertsByLevel(levels)
                .activeAlerts(
                        levels.values().stream().mapToInt(Integer::intValue).sum())
                .blockingPolicies(List.of(new BlockingPolicy("1", "Critical CVEs", "critical", alerts)))
                .build();
    }
}
