package io.jenkins.plugins.codescoring.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.FastScans;
import io.jenkins.plugins.codescoring.ScanTestSupport;
import io.jenkins.plugins.codescoring.SimulatedPlatform;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.results.CodescoringResultAction;
import io.jenkins.plugins.codescoring.scan.Verdict;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.Outcome;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** {@code codescoringScan} in scripted and declarative Pipelines, against the simulator. */
public class CodescoringScanStepTest {
    private static final String BLOCKING_POLICY = "Critical vulnerabilities (CVSS >= 7)";

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

    @Test
    public void passesOutsideNodeAndReturnsAMapTheSandboxCanRead() throws Exception {
        platform.simulator().load(Dataset.clean());
        WorkflowJob job = pipeline("def r = codescoringScan()\n"
                + "echo \"verdict=${r.verdict} passed=${r.passed} blocked=${r.blocked} blocking=${r.blockingAlerts}"
                + " active=${r.activeAlerts} critical=${r.critical} policies=${r.blockingPolicies.size()}"
                + " error=[${r.errorKind}] platform=${r.platformUrl}\"");
        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains(
                "verdict=PASSED passed=true blocked=false blocking=0 active=0 critical=0 policies=0 error=[]"
                        + " platform=" + platform.simulator().baseUrl(),
                run);
        r.assertLogContains("[CodeScoring] CodeScoring verdict: PASSED", run);
        r.assertLogContains(
                "[CodeScoring] Starting the CodeScoring scan of all projects, all stages on the platform 127.0.0.1 (time limit 60 min).",
                run);
        CodescoringResultAction action = run.getAction(CodescoringResultAction.class);
        assertNotNull(action);
        assertEquals("codescoring-1", action.getUrlName());
        assertEquals(Verdict.PASSED, action.getResult().verdict());
        ScanTestSupport.assertTokenNowhere(run);
    }

    @Test
    public void blockedFailsTheBuildNamingThePolicyWithoutAStackTrace() throws Exception {
        platform.simulator().load(Dataset.blocking());
        WorkflowJob job = pipeline("codescoringScan project: 'shop', stage: 'build'\necho 'not reached'");
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains(
                "ERROR: CodeScoring found 1 blocking alert of the blocking policy \"" + BLOCKING_POLICY + "\".", run);
        r.assertLogContains("CodeScoring verdict: BLOCKED", run);
        r.assertLogContains("pkg:maven/org.apache.logging.log4j/log4j-core", run);
        r.assertLogNotContains("not reached", run);
        r.assertLogNotContains("\tat ", run);
        r.assertLogNotContains("AbortException", run);
        assertEquals(
                Verdict.BLOCKED,
                run.getAction(CodescoringResultAction.class).getResult().verdict());
        ScanTestSupport.assertTokenNowhere(run);
    }

    @Test
    public void blockedCanMarkTheBuildUnstable() throws Exception {
        platform.simulator().load(Dataset.blocking());
        WorkflowJob job = pipeline("def r = codescoringScan onBlocking: 'UNSTABLE'\n"
                + "echo \"blocked=${r.blocked} policies=${r.blockingPolicies.join('|')}\"");
        WorkflowRun run = r.buildAndAssertStatus(Result.UNSTABLE, job);
        r.assertLogContains("blocked=true policies=" + BLOCKING_POLICY, run);
        r.assertLogContains("The build is marked UNSTABLE (onBlocking: UNSTABLE)", run);
        List<FlowNode> warned = new DepthFirstScanner()
                .filteredNodes(run.getExecution(), node -> node.getPersistentAction(WarningAction.class) != null);
        assertThat(warned, hasSize(1));
        assertEquals(
                Result.UNSTABLE,
                warned.get(0).getPersistentAction(WarningAction.class).getResult());
    }

    @Test
    public void blockedCanBeReportedOnly() throws Exception {
        platform.simulator().load(Dataset.blocking());
        WorkflowJob job = pipeline("def r = codescoringScan onBlocking: 'SUCCESS'\necho \"verdict=${r.verdict}\"");
        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains("verdict=BLOCKED", run);
        r.assertLogContains("The build result is not changed (onBlocking: SUCCESS, report only)", run);
    }

    @Test
    public void declarativeStageBecomesUnstable() throws Exception {
        platform.simulator().load(Dataset.blocking());
        WorkflowJob job = pipeline("pipeline {\n"
                + "  agent none\n"
                + "  stages {\n"
                + "    stage('SCA') {\n"
                + "      steps {\n"
                + "        codescoringScan project: 'shop', onBlocking: 'UNSTABLE'\n"
                + "      }\n"
                + "    }\n"
                + "    stage('After') {\n"
                + "      steps {\n"
                + "        echo 'still running'\n"
                + "      }\n"
                + "    }\n"
                + "  }\n"
                + "}\n");
        WorkflowRun run = r.buildAndAssertStatus(Result.UNSTABLE, job);
        r.assertLogContains("still running", run);
    }

    @Test
    public void declarativePassUsesTheResultInAScriptBlock() throws Exception {
        platform.simulator().load(Dataset.clean());
        WorkflowJob job = pipeline("pipeline {\n"
                + "  agent none\n"
                + "  stages {\n"
                + "    stage('SCA') {\n"
                + "      steps {\n"
                + "        script {\n"
                + "          def r = codescoringScan(stage: 'build')\n"
                + "          echo \"verdict=${r.verdict} stage=${r.stage}\"\n"
                + "        }\n"
                + "      }\n"
                + "    }\n"
                + "  }\n"
                + "}\n");
        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains("verdict=PASSED stage=build", run);
    }

    @Test
    public void failedAnalysisFailsTheBuild() throws Exception {
        platform.simulator().load(Dataset.clean());
        platform.simulator().setOutcomes(Outcome.FAILED);
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, pipeline("codescoringScan()"));
        r.assertLogContains("ERROR: CodeScoring gave no verdict (ANALYSIS_FAILED)", run);
        r.assertLogContains("What to do: ", run);
        r.assertLogNotContains("\tat ", run);
    }

    @Test
    public void failedAnalysisCanBeReportedOnly() throws Exception {
        platform.simulator().load(Dataset.clean());
        platform.simulator().setOutcomes(Outcome.FAILED);
        WorkflowRun run = r.buildAndAssertSuccess(pipeline(
                "def r = codescoringScan onError: 'SUCCESS'\necho \"verdict=${r.verdict} kind=${r.errorKind}\""));
        r.assertLogContains("verdict=ERROR kind=ANALYSIS_FAILED", run);
        r.assertLogContains("(onError: SUCCESS, report only)", run);
        assertEquals(
                Verdict.ERROR,
                run.getAction(CodescoringResultAction.class).getResult().verdict());
    }

    @Test
    public void errorCanMarkTheBuildUnstable() throws Exception {
        platform.simulator().load(Dataset.clean());
        platform.simulator().setOutcomes(Outcome.CANCELLED);
        WorkflowRun run = r.buildAndAssertStatus(Result.UNSTABLE, pipeline("codescoringScan onError: 'UNSTABLE'"));
        r.assertLogContains("ANALYSIS_CANCELLED", run);
    }

    @Test
    public void timesOut() throws Exception {
        fast.timeoutInSeconds();
        platform.simulator().load(Dataset.clean());
        platform.simulator().setManualCompletion(true);
        long started = System.nanoTime();
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, pipeline("codescoringScan timeoutMinutes: 2"));
        r.assertLogContains("CodeScoring gave no verdict (TIMEOUT)", run);
        assertThat(
                "timed out on time",
                Duration.ofNanos(System.nanoTime() - started).toSeconds() < 60,
                org.hamcrest.Matchers.is(true));
    }

    @Test
    public void missingCredentialIsAConfigurationError() throws Exception {
        platform.simulator().load(Dataset.clean());
        WorkflowRun run =
                r.buildAndAssertStatus(Result.FAILURE, pipeline("codescoringScan credentialsId: 'no-such-credential'"));
        r.assertLogContains("BAD_CONFIGURATION", run);
        r.assertLogContains("no-such-credential", run);
        assertEquals(0, platform.simulator().analysisStarts());
    }

    @Test
    public void invalidTimeoutIsRejected() throws Exception {
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, pipeline("codescoringScan timeoutMinutes: 0"));
        r.assertLogContains("The timeout must be a whole number of minutes from 1 to 1440", run);
    }

    @Test
    public void anUnknownStageStopsTheStepBeforeAnyAnalysis() throws Exception {
        // As docs/pipeline-cookbook.md says: before any request, whatever onError says.
        WorkflowRun run =
                r.buildAndAssertStatus(Result.FAILURE, pipeline("codescoringScan stage: 'biuld', onError: 'SUCCESS'"));
        r.assertLogContains("Invalid CodeScoring scan options: Unknown stage 'biuld'", run);
        assertEquals(0, platform.simulator().analysisStarts());
        assertEquals(0, platform.simulator().requestCount());
    }

    @Test
    public void aProjectLongerThanTheFormAllowsStopsTheStepBeforeAnyAnalysis() throws Exception {
        // The form's limit (255 characters, one line) is the step's too: checked in one place, ScanRequest.
        WorkflowRun run =
                r.buildAndAssertStatus(Result.FAILURE, pipeline("codescoringScan project: '" + "p".repeat(256) + "'"));
        r.assertLogContains(
                "Invalid CodeScoring scan options: A project is a name or a numeric id on one line, at most 255 characters.",
                run);
        assertEquals(0, platform.simulator().requestCount());
        r.buildAndAssertSuccess(pipeline("codescoringScan project: '" + "p".repeat(255) + "', onError: 'SUCCESS'"));
    }

    @Test
    public void anUnknownProjectIdStopsTheStepBeforeAnyAnalysis() throws Exception {
        platform.simulator().load(Dataset.severalProjects());
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, pipeline("codescoringScan project: '999'"));
        r.assertLogContains("has no project with id 999", run);
        assertEquals(0, platform.simulator().analysisStarts());
    }

    @Test
    public void abortingStopsTheWait() throws Exception {
        platform.simulator().load(Dataset.clean());
        platform.simulator().setManualCompletion(true);
        WorkflowJob job = pipeline("codescoringScan()");
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        r.waitForMessage(ScanTestSupport.WAITING, run);
        run.doStop();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(run));
        ScanTestSupport.assertTokenNowhere(run);
    }

    @Test
    public void tokenIsNotInTheProgramWhileWaiting() throws Exception {
        platform.simulator().load(Dataset.clean());
        platform.simulator().setManualCompletion(true);
        WorkflowRun run = pipeline("codescoringScan()").scheduleBuild2(0).waitForStart();
        r.waitForMessage(ScanTestSupport.WAITING, run);
        // The check below must look at a saved program that holds the waiting step, not at none.
        awaitSavedProgramHolding(run, CodescoringScanExecution.class.getName());
        ScanTestSupport.assertTokenNowhere(run);
        platform.simulator().completeAnalysis(Outcome.SUCCESS);
        r.assertBuildStatusSuccess(r.waitForCompletion(run));
        ScanTestSupport.assertTokenNowhere(run);
    }

    /** Waits (at most 60 s) until the build's saved program holds the given text, e.g. a class name. */
    private static void awaitSavedProgramHolding(WorkflowRun run, String text) throws Exception {
        java.nio.file.Path program = run.getRootDir().toPath().resolve("program.dat");
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                if (new String(java.nio.file.Files.readAllBytes(program), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains(text)) {
                    return;
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // not saved yet, or being replaced
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("no saved program holding " + text + " within 60 s");
            }
            Thread.sleep(50);
        }
    }

    @Test
    public void twoConcurrentBuildsBothGetAVerdict() throws Exception {
        platform.simulator().load(Dataset.blocking());
        platform.simulator().setAnalysisDuration(Duration.ofMillis(800));
        WorkflowJob first = pipeline("def r = codescoringScan onBlocking: 'SUCCESS'\necho \"verdict=${r.verdict}\"");
        WorkflowJob second = pipeline(
                "def r = codescoringScan onBlocking: 'SUCCESS', project: 'shop'\necho \"verdict=${r.verdict}\"");
        WorkflowRun a = first.scheduleBuild2(0).waitForStart();
        WorkflowRun b = second.scheduleBuild2(0).waitForStart();
        r.assertBuildStatusSuccess(r.waitForCompletion(a));
        r.assertBuildStatusSuccess(r.waitForCompletion(b));
        r.assertLogContains("verdict=BLOCKED", a);
        r.assertLogContains("verdict=BLOCKED", b);
    }

    @Test
    public void buildsWaitingForTheSameAnalysisShareOneStart() throws Exception {
        platform.simulator().load(Dataset.blocking());
        platform.simulator().setManualCompletion(true);
        startForeignAnalysis();
        WorkflowJob first = pipeline("def r = codescoringScan onBlocking: 'SUCCESS'\necho \"run=${r.analysisRunId}\"");
        WorkflowJob second = pipeline("def r = codescoringScan onBlocking: 'SUCCESS'\necho \"run=${r.analysisRunId}\"");
        WorkflowRun a = first.scheduleBuild2(0).waitForStart();
        WorkflowRun b = second.scheduleBuild2(0).waitForStart();
        // Both find someone else's analysis running: neither may take its verdict, both wait for it to end.
        r.waitForMessage("this build waits for an analysis that begins after its request", a);
        r.waitForMessage("this build waits for an analysis that begins after its request", b);
        platform.simulator().completeAnalysis(Outcome.SUCCESS);
        assertTrue(
                "one follow-up analysis for both builds",
                platform.simulator().awaitAnalysisStarts(2, Duration.ofSeconds(30)));
        platform.simulator().completeAnalysis(Outcome.SUCCESS);
        r.assertBuildStatusSuccess(r.waitForCompletion(a));
        r.assertBuildStatusSuccess(r.waitForCompletion(b));
        assertEquals(
                "the foreign analysis and one shared follow-up",
                2,
                platform.simulator().analysisStarts());
        String run = a.getAction(CodescoringResultAction.class).getAnalysisRunId();
        assertNotNull(run);
        assertEquals(run, b.getAction(CodescoringResultAction.class).getAnalysisRunId());
        r.assertLogContains("run=" + run, a);
        r.assertLogContains("run=" + run, b);
    }

    /** Starts an analysis as another CodeScoring user would, outside Jenkins. */
    private void startForeignAnalysis() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        platform.simulator().baseUrl() + "/api/analyses/overall_sca/start/"))
                                .header("Authorization", "Token " + TestCredentials.TOKEN)
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode());
        assertEquals(1, platform.simulator().analysisStarts());
    }

    @Test
    public void severalScansInOneBuildEachKeepTheirResult() throws Exception {
        platform.simulator().load(Dataset.severalProjects());
        WorkflowRun run =
                r.buildAndAssertSuccess(pipeline("def a = codescoringScan project: 'shop', onBlocking: 'SUCCESS'\n"
                        + "def b = codescoringScan project: 'shop-backend', stage: 'build', onBlocking: 'SUCCESS'\n"
                        + "echo \"a=${a.verdict} b=${b.verdict}\""));
        r.assertLogContains("a=PASSED b=BLOCKED", run);
        List<CodescoringResultAction> actions = run.getActions(CodescoringResultAction.class);
        assertThat(actions, hasSize(2));
        assertEquals("codescoring-1", actions.get(0).getUrlName());
        assertEquals("codescoring-2", actions.get(1).getUrlName());
        assertEquals("shop", actions.get(0).getProject());
        assertEquals("shop-backend", actions.get(1).getProject());
        assertThat(actions.get(1).getDisplayName(), not(containsString("codescoring-")));
    }
}
