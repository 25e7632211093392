package io.jenkins.plugins.codescoring.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.FastScans;
import io.jenkins.plugins.codescoring.ScanTestSupport;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.config.CodescoringGlobalConfiguration;
import io.jenkins.plugins.codescoring.results.CodescoringResultAction;
import io.jenkins.plugins.codescoring.scan.BlockOn;
import io.jenkins.plugins.codescoring.scan.Verdict;
import io.jenkins.plugins.codescoring.scanstep.CodescoringScans;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
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
                    "def r = codescoringScan onBlocking: 'SUCCESS'\necho \"after restart: verdict=${r.verdict}\"",
                    true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            r.waitForMessage(ScanTestSupport.WAITING, run);
            assertTrue(simulator.isAnalysisRunning());
        });
        sessions.then(r -> {
            WorkflowJob job = r.jenkins.getItemByFullName("p", WorkflowJob.class);
            WorkflowRun run = job.getBuildByNumber(1);
            r.waitForMessage("Jenkins restarted; the CodeScoring scan goes on", run);
            simulator.completeAnalysis(Outcome.SUCCESS);
            r.assertBuildStatusSuccess(r.waitForCompletion(run));
            r.assertLogContains("after restart: verdict=BLOCKED", run);
            assertEquals("no second analysis after the restart", startsBefore + 1, simulator.analysisStarts());
            assertEquals(
                    Verdict.BLOCKED,
                    run.getAction(CodescoringResultAction.class).getResult().verdict());
            ScanTestSupport.assertTokenNowhere(run);
        });
    }

    /** The reference build's alerts travel with the saved request; after the restart the records on disk are the reference. */
    @Test
    public void newAlertsSurviveARestart() throws Throwable {
        simulator.setManualCompletion(false);
        simulator.load(Dataset.byName("two-blockers"));
        String script = "def r = codescoringScan project: 'shop', blockOn: 'NEW', onBlocking: 'UNSTABLE'\n"
                + "echo \"verdict=${r.verdict} new=${r.newBlockingAlerts} reference=${r.referenceBuild}\"";
        sessions.then(r -> {
            ScanTestSupport.configure(simulator);
            WorkflowJob job = r.createProject(WorkflowJob.class, "n");
            job.setDefinition(new CpsFlowDefinition(script, true));
            r.assertBuildStatus(Result.UNSTABLE, job.scheduleBuild2(0));
            simulator.load(Dataset.byName("three-blockers"));
            simulator.setManualCompletion(true);
            WorkflowRun second = job.scheduleBuild2(0).waitForStart();
            r.waitForMessage(ScanTestSupport.WAITING, second);
        });
        sessions.then(r -> {
            WorkflowJob job = r.jenkins.getItemByFullName("n", WorkflowJob.class);
            WorkflowRun second = job.getBuildByNumber(2);
            r.waitForMessage("Jenkins restarted; the CodeScoring scan goes on", second);
            simulator.completeAnalysis(Outcome.SUCCESS);
            r.assertBuildStatus(Result.UNSTABLE, r.waitForCompletion(second));
            r.assertLogContains("verdict=BLOCKED new=1 reference=1", second);
            r.assertLogContains("3 blocking alerts, 1 new since build #1", second);
            simulator.setManualCompletion(false);
            simulator.load(Dataset.byName("three-blockers"));
            WorkflowRun third = r.buildAndAssertSuccess(job);
            r.assertLogContains("verdict=PASSED new=0 reference=2", third);
        });
        sessions.then(r -> {
            WorkflowRun second =
                    r.jenkins.getItemByFullName("n", WorkflowJob.class).getBuildByNumber(2);
            CodescoringResultAction kept = second.getAction(CodescoringResultAction.class);
            assertEquals(
                    "the rule, the reference and the marks are kept with the build",
                    BlockOn.NEW,
                    kept.getResult().blockOn());
            assertEquals(Integer.valueOf(1), kept.getResult().referenceBuild());
            assertEquals(1, kept.getResult().newBlockingAlertCount());
            assertEquals(
                    "pkg:maven/org.springframework/spring-web@5.3.20",
                    kept.getSummaryAlerts().get(0).getDependency());
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
            r.assertBuildStatus(Result.UNSTABLE, job.scheduleBuild2(0));
        });
        sessions.then(r -> {
            WorkflowRun run =
                    r.jenkins.getItemByFullName("q", WorkflowJob.class).getBuildByNumber(1);
            CodescoringResultAction action = run.getAction(CodescoringResultAction.class);
            assertEquals(Verdict.BLOCKED, action.getResult().verdict());
            assertEquals(1, action.getBlockingAlertCount());
            assertEquals(
                    "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                    action.getPolicyGroups().get(0).getAlerts().get(0).getDependency());
            r.createWebClient().withJavaScriptEnabled(false).getPage(run, action.getUrlName());
        });
    }

    @Test
    public void aStepStoppedBeforeItIsResumedNeverWaitsAgain() throws Throwable {
        simulator.load(Dataset.clean());
        simulator.setManualCompletion(true);
        try {
            sessions.then(r -> {
                ScanTestSupport.configure(simulator);
                WorkflowJob job = r.createProject(WorkflowJob.class, "stopped");
                job.setDefinition(new CpsFlowDefinition("codescoringScan()", true));
                WorkflowRun run = job.scheduleBuild2(0).waitForStart();
                r.waitForMessage(ScanTestSupport.WAITING, run);
                CodescoringScanExecution execution = scanExecution(run);
                // The order Jenkins may use after a restart when a timeout around the step ran out meanwhile.
                execution.stop(new FlowInterruptedException(Result.ABORTED, true));
                execution.onResume();
                r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(run));
                ScanTestSupport.assertNoScanWaits();
                r.assertLogNotContains("the CodeScoring scan goes on", run);
            });
        } finally {
            finishRunningAnalysis();
        }
    }

    @Test
    public void aStepStoppedAfterItWasResumedStopsWaiting() throws Throwable {
        simulator.load(Dataset.clean());
        simulator.setManualCompletion(true);
        try {
            sessions.then(r -> {
                ScanTestSupport.configure(simulator);
                WorkflowJob job = r.createProject(WorkflowJob.class, "resumed");
                job.setDefinition(new CpsFlowDefinition("codescoringScan()", true));
                r.waitForMessage(ScanTestSupport.WAITING, job.scheduleBuild2(0).waitForStart());
            });
            sessions.then(r -> {
                WorkflowRun run = r.jenkins
                        .getItemByFullName("resumed", WorkflowJob.class)
                        .getBuildByNumber(1);
                r.waitForMessage("the CodeScoring scan goes on", run);
                awaitWaiting(1);
                run.doStop();
                r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(run));
                ScanTestSupport.assertNoScanWaits();
            });
        } finally {
            finishRunningAnalysis();
        }
    }

    @Test
    public void aTimeoutThatRanOutWhileJenkinsWasDownEndsTheScanForGood() throws Throwable {
        simulator.load(Dataset.clean());
        simulator.setManualCompletion(true);
        long[] timeoutEnds = new long[1];
        try {
            sessions.then(r -> {
                ScanTestSupport.configure(simulator);
                WorkflowJob job = r.createProject(WorkflowJob.class, "timed");
                job.setDefinition(
                        new CpsFlowDefinition("timeout(time: 5, unit: 'SECONDS') { codescoringScan() }", true));
                WorkflowRun run = job.scheduleBuild2(0).waitForStart();
                timeoutEnds[0] = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                r.waitForMessage(ScanTestSupport.WAITING, run);
            });
            // Jenkins stays down until the timeout has run out (a bounded wait: at most the five seconds).
            long remaining = timeoutEnds[0] - System.nanoTime();
            if (remaining > 0) {
                TimeUnit.NANOSECONDS.sleep(remaining);
            }
            sessions.then(r -> {
                WorkflowRun run =
                        r.jenkins.getItemByFullName("timed", WorkflowJob.class).getBuildByNumber(1);
                r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(run));
                ScanTestSupport.assertNoScanWaits();
                int requests = simulator.requestCount();
                ScanTestSupport.assertNoScanWaits();
                assertEquals("nobody polls for a finished build", requests, simulator.requestCount());
            });
        } finally {
            finishRunningAnalysis();
        }
    }

    @Test
    public void aPlatformRepointedWhileJenkinsWasDownEndsTheScanWithAnErrorNotAVerdict() throws Throwable {
        simulator.load(Dataset.clean());
        simulator.setManualCompletion(true);
        try (CodescoringSimulator other = CodescoringSimulator.start(TestCredentials.TOKEN)) {
            other.load(Dataset.clean()); // its last analysis succeeded: judged there, the scan would pass
            sessions.then(r -> {
                ScanTestSupport.configure(simulator);
                WorkflowJob job = r.createProject(WorkflowJob.class, "repointed");
                job.setDefinition(new CpsFlowDefinition("codescoringScan()", true));
                r.waitForMessage(ScanTestSupport.WAITING, job.scheduleBuild2(0).waitForStart());
            });
            // While Jenkins is down, an administrator points the platform's name at another host.
            Path config = sessions.getHome().toPath().resolve(CodescoringGlobalConfiguration.class.getName() + ".xml");
            String xml = Files.readString(config, StandardCharsets.UTF_8);
            assertTrue(xml.contains(simulator.baseUrl()));
            Files.writeString(config, xml.replace(simulator.baseUrl(), other.baseUrl()), StandardCharsets.UTF_8);
            sessions.then(r -> {
                WorkflowRun run = r.jenkins
                        .getItemByFullName("repointed", WorkflowJob.class)
                        .getBuildByNumber(1);
                r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(run));
                r.assertLogContains("BAD_CONFIGURATION", run);
                r.assertLogContains("now points at " + other.baseUrl() + ", not at " + simulator.baseUrl(), run);
                r.assertLogNotContains("verdict: PASSED", run);
                assertEquals(
                        Verdict.ERROR,
                        run.getAction(CodescoringResultAction.class).getResult().verdict());
                assertEquals(
                        "the scan's result names the platform it began on",
                        simulator.baseUrl(),
                        run.getAction(CodescoringResultAction.class).getResult().platformUrl());
                assertEquals("no token went to the new host for this scan", 0, other.requestCount());
                ScanTestSupport.assertNoScanWaits();
            });
        } finally {
            finishRunningAnalysis();
        }
    }

    /** Waits, within a bound, until the resumed scan is queued again. */
    private static void awaitWaiting(int scans) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (CodescoringScans.waiting() != scans) {
            assertTrue("waiting: " + CodescoringScans.waiting(), System.nanoTime() < end);
            Thread.sleep(20);
        }
    }

    private static CodescoringScanExecution scanExecution(WorkflowRun run) throws Exception {
        for (StepExecution execution :
                run.getExecution().getCurrentExecutions(true).get()) {
            if (execution instanceof CodescoringScanExecution) {
                return (CodescoringScanExecution) execution;
            }
        }
        throw new AssertionError("no codescoringScan is running in " + run);
    }

    private static void finishRunningAnalysis() {
        if (simulator.isAnalysisRunning()) {
            simulator.completeAnalysis(Outcome.SUCCESS);
        }
        simulator.setManualCompletion(false);
    }
}
