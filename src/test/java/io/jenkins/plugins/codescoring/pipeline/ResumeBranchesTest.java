package io.jenkins.plugins.codescoring.pipeline;

import static org.junit.Assert.assertEquals;

import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.FastScans;
import io.jenkins.plugins.codescoring.ScanTestSupport;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.TestPlatforms;
import io.jenkins.plugins.codescoring.results.CodescoringResultAction;
import io.jenkins.plugins.codescoring.scan.AnalysisCoordinator;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.ScanStates;
import io.jenkins.plugins.codescoring.scan.Verdict;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.Outcome;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsSessionRule;

/**
 * Each branch {@link CodescoringScanExecution#onResume()} can take after a controller restart, other than
 * waiting on: a saved state that is incomplete, a scan that finished just before the restart, and a
 * credential or platform that is gone after it. None of them starts another analysis.
 */
public class ResumeBranchesTest {
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

    @After
    public void finishRunningAnalysis() {
        if (simulator.isAnalysisRunning()) {
            simulator.completeAnalysis(Outcome.SUCCESS);
        }
        simulator.setManualCompletion(false);
    }

    /** Session one: a build named {@code name} whose scan waits for a running analysis. */
    private WorkflowRun startWaiting(org.jvnet.hudson.test.JenkinsRule r, String name, String script) throws Exception {
        simulator.load(Dataset.clean());
        simulator.setManualCompletion(true);
        ScanTestSupport.configure(simulator);
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        r.waitForMessage(ScanTestSupport.WAITING, run);
        return run;
    }

    private static WorkflowRun build(org.jvnet.hudson.test.JenkinsRule r, String name) {
        return r.jenkins.getItemByFullName(name, WorkflowJob.class).getBuildByNumber(1);
    }

    @Test
    public void anIncompleteSavedStateCannotResumeAndFailsTheBuild() throws Throwable {
        int[] starts = new int[1];
        sessions.then(r -> {
            WorkflowRun run = startWaiting(r, "incomplete", "codescoringScan()");
            starts[0] = simulator.analysisStarts();
            CodescoringScanExecution execution = scanExecution(run);
            detachFromCoordinator(execution);
            set(execution, "request", null);
            execution.getContext().saveState();
        });
        sessions.then(r -> {
            WorkflowRun run = build(r, "incomplete");
            r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(run));
            r.assertLogContains(
                    "The CodeScoring scan cannot resume after the restart: its saved state is incomplete. Run the build again.",
                    run);
            ScanTestSupport.assertNoScanWaits();
            assertEquals("no analysis started after the restart", starts[0], simulator.analysisStarts());
        });
    }

    @Test
    public void aScanThatFinishedJustBeforeTheRestartReportsItsResultWithoutAskingThePlatformOrItsCredential()
            throws Throwable {
        int[] starts = new int[1];
        int[] requests = new int[1];
        sessions.then(r -> {
            WorkflowRun run = startWaiting(
                    r, "finished", "def s = codescoringScan()\necho \"verdict=${s.verdict} run=${s.analysisRunId}\"");
            CodescoringScanExecution execution = scanExecution(run);
            detachFromCoordinator(execution);
            ScanRequest request = (ScanRequest) get(execution, "request");
            ScanResult result = ScanResult.builder(Verdict.PASSED)
                    .platformUrl(simulator.baseUrl())
                    .analysisRunId("77")
                    .requestedAt(Instant.now())
                    .finishedAt(Instant.now())
                    .alertsByLevel(java.util.Map.of("critical", 0, "warning", 0, "info", 0))
                    .build();
            set(execution, "state", ScanStates.finished(request, Instant.now(), result));
            execution.getContext().saveState();
            starts[0] = simulator.analysisStarts();
            requests[0] = simulator.requestCount();
            // The result is known: reporting it needs no credential (a resumed wait would fail without one).
            SystemCredentialsProvider.getInstance().getCredentials().clear();
            SystemCredentialsProvider.getInstance().save();
        });
        sessions.then(r -> {
            WorkflowRun run = build(r, "finished");
            r.assertBuildStatusSuccess(r.waitForCompletion(run));
            r.assertLogContains("verdict=PASSED run=77", run);
            assertEquals(
                    "77",
                    run.getAction(CodescoringResultAction.class).getResult().analysisRunId());
            assertEquals("no analysis started", starts[0], simulator.analysisStarts());
            assertEquals("the platform was not asked at all", requests[0], simulator.requestCount());
        });
    }

    @Test
    public void aCredentialDeletedWhileJenkinsWasDownFailsTheResumedScanWithoutANewAnalysis() throws Throwable {
        int[] starts = new int[1];
        sessions.then(r -> {
            startWaiting(r, "no-credential", "codescoringScan()");
            starts[0] = simulator.analysisStarts();
            SystemCredentialsProvider.getInstance().getCredentials().clear();
            SystemCredentialsProvider.getInstance().save();
        });
        sessions.then(r -> {
            WorkflowRun run = build(r, "no-credential");
            r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(run));
            r.assertLogContains(
                    "No secret text credential with ID '" + TestCredentials.GLOBAL_ID + "' is available to this job.",
                    run);
            assertEquals(
                    Verdict.ERROR,
                    run.getAction(CodescoringResultAction.class).getResult().verdict());
            ScanTestSupport.assertNoScanWaits();
            assertEquals(starts[0], simulator.analysisStarts());
        });
    }

    @Test
    public void aPlatformRemovedWhileJenkinsWasDownFailsTheResumedScanWithoutANewAnalysis() throws Throwable {
        int[] starts = new int[1];
        sessions.then(r -> {
            simulator.load(Dataset.clean());
            ScanTestSupport.configure(simulator);
            TestPlatforms.add("second", simulator.baseUrl(), TestCredentials.GLOBAL_ID);
            startWaitingOnConfigured(r, "no-platform", "codescoringScan platform: 'second'");
            starts[0] = simulator.analysisStarts();
            io.jenkins.plugins.codescoring.config.CodescoringGlobalConfiguration.get()
                    .setPlatforms(List.of(TestPlatforms.first()));
        });
        sessions.then(r -> {
            WorkflowRun run = build(r, "no-platform");
            r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(run));
            r.assertLogContains("The CodeScoring platform 'second' this scan began on", run);
            r.assertLogContains("is no longer configured: the scan ends without a verdict", run);
            ScanTestSupport.assertNoScanWaits();
            assertEquals(starts[0], simulator.analysisStarts());
        });
    }

    private static void startWaitingOnConfigured(org.jvnet.hudson.test.JenkinsRule r, String name, String script)
            throws Exception {
        simulator.setManualCompletion(true);
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        r.waitForMessage(ScanTestSupport.WAITING, job.scheduleBuild2(0).waitForStart());
    }

    /** Takes the live scan out of its coordinator, so that what is saved is the execution's own state. */
    private static void detachFromCoordinator(CodescoringScanExecution execution) throws Exception {
        AnalysisCoordinator.Ticket ticket = (AnalysisCoordinator.Ticket) get(execution, "ticket");
        set(execution, "state", ticket.snapshot());
        ticket.cancel();
        set(execution, "ticket", null);
        ScanTestSupport.assertNoScanWaits();
    }

    private static Object get(Object target, String name) throws Exception {
        Field field = CodescoringScanExecution.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }

    private static void set(Object target, String name, Object value) throws Exception {
        Field field = CodescoringScanExecution.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
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
}
