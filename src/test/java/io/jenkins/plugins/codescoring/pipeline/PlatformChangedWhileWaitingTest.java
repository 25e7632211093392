package io.jenkins.plugins.codescoring.pipeline;

import static org.junit.Assert.assertEquals;

import hudson.model.Result;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.FastScans;
import io.jenkins.plugins.codescoring.ScanTestSupport;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.TestPlatforms;
import io.jenkins.plugins.codescoring.config.CodescoringGlobalConfiguration;
import io.jenkins.plugins.codescoring.config.Platform;
import io.jenkins.plugins.codescoring.results.CodescoringResultAction;
import io.jenkins.plugins.codescoring.scan.Verdict;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.Outcome;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * An administrator re-points or removes a platform while builds wait on it: its analysis ran on the old URL, so the
 * scan ends with a BAD_CONFIGURATION error naming the change (onError decides), never with a verdict, and no more
 * requests go to the old URL for it.
 */
public class PlatformChangedWhileWaitingTest {
    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Rule
    public EnglishLocale english = new EnglishLocale();

    @Rule
    public FastScans fast = new FastScans();

    private CodescoringSimulator simulator;
    private CodescoringSimulator other;

    @Before
    public void platformWithARunningAnalysis() throws Exception {
        simulator = CodescoringSimulator.start(TestCredentials.TOKEN);
        simulator.load(Dataset.clean());
        simulator.setManualCompletion(true);
        other = CodescoringSimulator.start(TestCredentials.TOKEN);
        other.load(Dataset.clean()); // its last analysis succeeded: judged there, the scan would pass
        ScanTestSupport.configure(simulator);
        TestPlatforms.first().setName("prod");
        TestPlatforms.save();
    }

    @After
    public void stop() {
        if (simulator != null) {
            if (simulator.isAnalysisRunning()) {
                simulator.completeAnalysis(Outcome.SUCCESS);
            }
            simulator.close();
        }
        if (other != null) {
            other.close();
        }
    }

    private WorkflowRun waitingScan() throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("codescoringScan platform: 'prod', onError: 'UNSTABLE'", true));
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        r.waitForMessage(ScanTestSupport.WAITING, run);
        return run;
    }

    @Test
    public void aRepointedPlatformEndsItsWaitingScansWithAnError() throws Exception {
        WorkflowRun run = waitingScan();
        Platform moved = new Platform(other.baseUrl());
        moved.setName("prod");
        moved.setCredentialsId(TestCredentials.GLOBAL_ID);
        CodescoringGlobalConfiguration.get().setPlatforms(List.of(moved));

        r.assertBuildStatus(Result.UNSTABLE, r.waitForCompletion(run));
        r.assertLogContains("BAD_CONFIGURATION", run);
        r.assertLogContains("now points at " + other.baseUrl() + ", not at " + simulator.baseUrl(), run);
        r.assertLogContains("What to do: Run the build again", run);
        assertEquals(
                Verdict.ERROR,
                run.getAction(CodescoringResultAction.class).getResult().verdict());
        ScanTestSupport.assertNoScanWaits();
        assertEquals("the new host got nothing for this scan", 0, other.requestCount());
        assertOldPlatformQuiet();
    }

    @Test
    public void aRemovedPlatformEndsItsWaitingScansWithAnError() throws Exception {
        WorkflowRun run = waitingScan();
        Platform stage = new Platform(other.baseUrl());
        stage.setName("stage");
        stage.setCredentialsId(TestCredentials.GLOBAL_ID);
        CodescoringGlobalConfiguration.get().setPlatforms(List.of(stage));

        r.assertBuildStatus(Result.UNSTABLE, r.waitForCompletion(run));
        r.assertLogContains(
                "The CodeScoring platform 'prod' this scan began on (" + simulator.baseUrl()
                        + ") is no longer configured",
                run);
        r.assertLogContains("What to do: Name one of the configured platforms", run);
        ScanTestSupport.assertNoScanWaits();
        assertEquals(0, other.requestCount());
        assertOldPlatformQuiet();
    }

    @Test
    public void anUnrelatedChangeLetsTheScanWaitOn() throws Exception {
        WorkflowRun run = waitingScan();
        TestPlatforms.add("stage", other.baseUrl(), TestCredentials.GLOBAL_ID);
        TestPlatforms.first().setTimeoutMinutes(30);
        TestPlatforms.save();
        simulator.completeAnalysis(Outcome.SUCCESS);
        r.assertBuildStatusSuccess(r.waitForCompletion(run));
        assertEquals(
                Verdict.PASSED,
                run.getAction(CodescoringResultAction.class).getResult().verdict());
    }

    /** Once the scan ended, nothing more goes to the old URL (a bounded look: polls run every 200 ms here). */
    private void assertOldPlatformQuiet() throws InterruptedException {
        int requests = simulator.requestCount();
        Thread.sleep(1000); // a look over five poll intervals, not a synchronisation
        assertEquals("the coordinator stopped sending the token to the old URL", requests, simulator.requestCount());
    }
}
