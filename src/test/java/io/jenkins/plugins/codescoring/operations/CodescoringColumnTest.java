package io.jenkins.plugins.codescoring.operations;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.model.ListView;
import hudson.model.Result;
import hudson.views.ListViewColumn;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.FastScans;
import io.jenkins.plugins.codescoring.SimulatedPlatform;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;

/** The CodeScoring column on a list view: the latest verdict per job, empty for a job that never scanned, off by default. */
public class CodescoringColumnTest {
    public JenkinsRule r = new JenkinsRule();

    private final SimulatedPlatform platform = SimulatedPlatform.configured();

    @Rule
    public RuleChain jenkinsThenPlatform = RuleChain.outerRule(r).around(platform);

    @Rule
    public EnglishLocale english = new EnglishLocale();

    @Rule
    public FastScans fast = new FastScans();

    private WorkflowJob pipeline(String name, String script) throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    @Test
    public void showsEachJobsLatestVerdictWithItsBlockingAlertsAndALink() throws Exception {
        platform.simulator().load(Dataset.blocking());
        WorkflowJob blocked = pipeline("blocked", "codescoringScan()");
        r.assertBuildStatus(Result.FAILURE, blocked.scheduleBuild2(0));
        WorkflowJob never = pipeline("never", "echo 'no scan'");
        r.buildAndAssertSuccess(never);

        ListView view = new ListView("scans", r.jenkins);
        r.jenkins.addView(view);
        view.add(blocked);
        view.add(never);
        view.getColumns().add(new CodescoringColumn());
        view.save();

        CodescoringColumn column = view.getColumns().get(CodescoringColumn.class);
        VerdictCell cell = column.cellOf(blocked);
        int alerts = blocked.getLastBuild()
                .getAction(io.jenkins.plugins.codescoring.results.CodescoringResultAction.class)
                .getBlockingAlertCount();
        assertTrue("the blocking dataset blocks", alerts > 0);
        assertEquals(alerts, cell.getBlockingAlerts());
        assertEquals("job/blocked/1/codescoring-1/", cell.getUrl());
        assertNull("a job that never scanned has no cell", column.cellOf(never));

        HtmlPage page = r.createWebClient().goTo("view/scans/");
        DomElement blockedRow = page.getElementById("job_blocked");
        DomElement neverRow = page.getElementById("job_never");
        String blockedCell = blockedRow.asXml();
        assertThat(blockedCell, containsString("job/blocked/1/codescoring-1/\""));
        assertThat(blockedCell, containsString(cell.getIconText()));
        assertThat(blockedRow.asNormalizedText(), containsString(alerts + " blocking alert"));
        assertThat(neverRow.asXml(), not(containsString("codescoring-1")));
        assertThat(page.asNormalizedText(), containsString("CodeScoring"));
    }

    @Test
    public void isNotAddedToNewViewsByItself() {
        CodescoringColumn.DescriptorImpl descriptor =
                r.jenkins.getDescriptorByType(CodescoringColumn.DescriptorImpl.class);
        assertFalse(descriptor.shownByDefault());
        assertTrue(ListViewColumn.createDefaultInitialColumnList(ListView.class).stream()
                .noneMatch(c -> c instanceof CodescoringColumn));
    }
}
