package io.jenkins.plugins.codescoring.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.FastScans;
import io.jenkins.plugins.codescoring.ScanTestSupport;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.results.CodescoringResultAction;
import io.jenkins.plugins.codescoring.scan.Verdict;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.Outcome;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsSessionRule;

/**
 * A controller restart while {@code codescoringScan} waits: the wait resumes from the saved state and
 * the build finishes with the verdict. The simulator lives outside the Jenkins sessions, as a real
 * platform would.
 */
public class CodescoringScanStepRestartTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    @Rule
    public EnglishLocale english = new EnglishLocale();

    @Rule
    public FastScans fast = new FastScans();


    private static CodescoringSimulator simulator;

    @BeforeClass
    public static void startPlatform() throws Exception {
        simulator = CodescoringSimulator.start(TestCredentials.TOKEN);
    }

    @AfterClass
    public static void stopPlatform() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    public void waitSurvivesARestart() throws Throwable {
        simulator.load(Dataset.blocking());
        simulator.setManualCompletion(true);
        int startsBefore = simulator.analysisStarts();
        sessions.then(r -> {
            ScanTestSupport.configure(simulator);
            WorkflowJob job = r.createProject(WorkflowJob.class, "p");
            job.setDefinition(new CpsFlowDefinition(
                    "def r = codescoringScan onBlocking: 'SUCCESS'\necho \"after restart: verdict=${r.verdict}\"", true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            r.waitForMessage(ScanTestSupport.WAITING, run);
            assertTrue(simulator.isAnalysisRunning());
        });
        sessions.then(r -> {
            WorkflowJob job = r.jenkins.getItemByFullName("p", WorkflowJob.class);
            WorkflowRun run = job.getBuildByNumber(1);
            r.waitForMessage("Jenkins restarted: resuming the wait for CodeScoring", run);
            simulator.completeAnalysis(Outcome.SUCCESS);
            r.assertBuildStatusSuccess(r.waitForCompletion(run));
            r.assertLogContains("after restart: verdict=BLOCKED", run);
            assertEquals("no second analysis after the restart", startsBefore + 1, simulator.analysisStarts());
            assertEquals(Verdict.BLOCKED, run.getAction(CodescoringResultAction.class).getResult().verdict());
            ScanTestSupport.assertTokenNowhere(run);
        });
    }

    @Test
    public void resultSurvivesARestart() throws Throwable {
        simulator.setManualCompletion(false);
        simulator.load(Dataset.blocking());
        sessions.then(r -> {
            ScanTestSupport.configure(simulator);
            WorkflowJob job = r.createProject(WorkflowJob.class, "q");
            job.setDefinition(new CpsFlowDefinition("codescoringScan onBlocking: 'UNSTABLE'", true));
            r.assertBuildStatus(hudson.model.Result.UNSTABLE, job.scheduleBuild2(0));
        });
        sessions.then(r -> {
            WorkflowRun run = r.jenkins.getItemByFullName("q", WorkflowJob.class).getBuildByNumber(1);
            CodescoringResultAction action = run.getAction(CodescoringResultAction.class);
            assertEquals(Verdict.BLOCKED, action.getResult().verdict());
            assertEquals(1, action.getBlockingAlertCount());
            assertEquals("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                    action.getPolicyGroups().get(0).getAlerts().get(0).getDependency());
            r.createWebClient().withJavaScriptEnabled(false).getPage(run, action.getUrlName());
        });
    }
}
