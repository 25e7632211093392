package io.jenkins.plugins.codescoring.freestyle;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.EnvVars;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.FastScans;
import io.jenkins.plugins.codescoring.ScanTestSupport;
import io.jenkins.plugins.codescoring.SimulatedPlatform;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.results.CodescoringResultAction;
import io.jenkins.plugins.codescoring.scan.Verdict;
import io.jenkins.plugins.codescoring.scanstep.CodescoringScans;
import io.jenkins.plugins.codescoring.scanstep.OnFinding;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;

/** The freestyle build step against the simulator: results, environment variables, abort. */
public class CodescoringScanBuilderTest {
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

    /** A later build step that records the environment it sees. */
    private static final class EnvCapture extends TestBuilder {
        volatile EnvVars env;

        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws InterruptedException, java.io.IOException {
            env = build.getEnvironment(listener);
            return true;
        }
    }

    @Test
    public void passesAndExportsTheResult() throws Exception {
        platform.simulator().load(Dataset.clean());
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new CodescoringScanBuilder());
        EnvCapture capture = new EnvCapture();
        project.getBuildersList().add(capture);
        FreeStyleBuild build = r.buildAndAssertSuccess(project);
        r.assertLogContains("[CodeScoring] CodeScoring verdict: PASSED", build);
        assertEquals("PASSED", capture.env.get(CodescoringEnvironmentAction.VERDICT));
        assertEquals("0", capture.env.get(CodescoringEnvironmentAction.BLOCKING_ALERTS));
        assertEquals("0", capture.env.get(CodescoringEnvironmentAction.ACTIVE_ALERTS));
        assertEquals("", capture.env.get(CodescoringEnvironmentAction.BLOCKING_POLICIES));
        assertEquals(platform.simulator().baseUrl(), capture.env.get(CodescoringEnvironmentAction.PLATFORM_URL));
        assertEquals("", capture.env.get(CodescoringEnvironmentAction.ERROR_KIND));
        assertThat(capture.env.get(CodescoringEnvironmentAction.ANALYSIS_RUN_ID), org.hamcrest.Matchers.not(""));
        ScanTestSupport.assertTokenNowhere(build);
    }

    /** What README says: a shell step sees empty variables as not set at all (Jenkins starts processes without them). */
    @Test
    public void aShellStepSeesEmptyVariablesAsNotSet() throws Exception {
        org.junit.Assume.assumeFalse(hudson.Functions.isWindows());
        platform.simulator().load(Dataset.clean());
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new CodescoringScanBuilder());
        project.getBuildersList()
                .add(
                        new hudson.tasks.Shell(
                                "echo \"verdict=$CODESCORING_VERDICT kind=${CODESCORING_ERROR_KIND-notset} policies=${CODESCORING_BLOCKING_POLICIES-notset}\""));
        FreeStyleBuild build = r.buildAndAssertSuccess(project);
        r.assertLogContains("verdict=PASSED kind=notset policies=notset", build);
    }

    @Test
    public void blockedFailsTheBuild() throws Exception {
        platform.simulator().load(Dataset.blocking());
        FreeStyleProject project = r.createFreeStyleProject();
        CodescoringScanBuilder scan = new CodescoringScanBuilder();
        scan.setProject("shop");
        project.getBuildersList().add(scan);
        EnvCapture capture = new EnvCapture();
        project.getBuildersList().add(capture);
        FreeStyleBuild build = r.buildAndAssertStatus(Result.FAILURE, project);
        r.assertLogContains(
                "ERROR: CodeScoring found 1 blocking alert of the blocking policy \"Critical vulnerabilities (CVSS >= 7)\".",
                build);
        r.assertLogNotContains("\tat ", build);
        assertNull("the build stopped at the scan", capture.env);
        assertEquals(
                Verdict.BLOCKED,
                build.getAction(CodescoringResultAction.class).getResult().verdict());
        String xml = Files.readString(build.getRootDir().toPath().resolve("build.xml"), StandardCharsets.UTF_8);
        assertThat(xml, containsString("Critical vulnerabilities"));
        ScanTestSupport.assertTokenNowhere(build);
        build.reload();
        CodescoringResultAction reloaded = build.getAction(CodescoringResultAction.class);
        assertEquals(Verdict.BLOCKED, reloaded.getResult().verdict());
        assertEquals(1, reloaded.getBlockingAlertCount());
        assertEquals("CVE-2021-44228", reloaded.getSummaryAlerts().get(0).getVulnerability());
    }

    @Test
    public void blockedUnstableGoesOnWithTheVariables() throws Exception {
        platform.simulator().load(Dataset.blocking());
        FreeStyleProject project = r.createFreeStyleProject();
        CodescoringScanBuilder scan = new CodescoringScanBuilder();
        scan.setOnBlocking(OnFinding.UNSTABLE);
        project.getBuildersList().add(scan);
        EnvCapture capture = new EnvCapture();
        project.getBuildersList().add(capture);
        FreeStyleBuild build = r.buildAndAssertStatus(Result.UNSTABLE, project);
        assertEquals("BLOCKED", capture.env.get(CodescoringEnvironmentAction.VERDICT));
        assertEquals("1", capture.env.get(CodescoringEnvironmentAction.BLOCKING_ALERTS));
        assertEquals(
                "Critical vulnerabilities (CVSS >= 7)",
                capture.env.get(CodescoringEnvironmentAction.BLOCKING_POLICIES));
        r.assertLogContains("The build is marked UNSTABLE (onBlocking: UNSTABLE)", build);
    }

    @Test
    public void errorCanBeReportedOnly() throws Exception {
        platform.simulator().load(Dataset.clean());
        platform.simulator().setOutcomes(Outcome.FAILED);
        FreeStyleProject project = r.createFreeStyleProject();
        CodescoringScanBuilder scan = new CodescoringScanBuilder();
        scan.setOnError(OnFinding.SUCCESS);
        project.getBuildersList().add(scan);
        EnvCapture capture = new EnvCapture();
        project.getBuildersList().add(capture);
        FreeStyleBuild build = r.buildAndAssertSuccess(project);
        assertEquals("ERROR", capture.env.get(CodescoringEnvironmentAction.VERDICT));
        assertEquals("ANALYSIS_FAILED", capture.env.get(CodescoringEnvironmentAction.ERROR_KIND));
        r.assertLogContains("(onError: SUCCESS, report only)", build);
    }

    @Test
    public void failedAnalysisFailsTheBuild() throws Exception {
        platform.simulator().load(Dataset.clean());
        platform.simulator().setOutcomes(Outcome.FAILED);
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new CodescoringScanBuilder());
        FreeStyleBuild build = r.buildAndAssertStatus(Result.FAILURE, project);
        r.assertLogContains("ERROR: CodeScoring gave no verdict (ANALYSIS_FAILED)", build);
    }

    @Test
    public void abortInterruptsTheWait() throws Exception {
        platform.simulator().load(Dataset.clean());
        platform.simulator().setManualCompletion(true);
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new CodescoringScanBuilder());
        FreeStyleBuild build = project.scheduleBuild2(0).waitForStart();
        r.waitForMessage(ScanTestSupport.WAITING, build);
        build.getExecutor().interrupt();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(build));
        r.assertLogContains("stopped waiting for CodeScoring", build);
        assertNull(build.getAction(CodescoringResultAction.class));
    }

    @Test
    public void twoScansReplaceTheVariablesAndKeepBothResults() throws Exception {
        platform.simulator().load(Dataset.severalProjects());
        FreeStyleProject project = r.createFreeStyleProject();
        CodescoringScanBuilder backend = new CodescoringScanBuilder();
        backend.setProject("shop-backend");
        backend.setOnBlocking(OnFinding.SUCCESS);
        CodescoringScanBuilder shop = new CodescoringScanBuilder();
        shop.setProject("shop");
        project.getBuildersList().add(backend);
        project.getBuildersList().add(shop);
        EnvCapture capture = new EnvCapture();
        project.getBuildersList().add(capture);
        FreeStyleBuild build = r.buildAndAssertSuccess(project);
        assertThat(build.getActions(CodescoringResultAction.class), hasSize(2));
        assertEquals("PASSED", capture.env.get(CodescoringEnvironmentAction.VERDICT));
        assertThat(build.getActions(CodescoringEnvironmentAction.class), hasSize(1));
    }

    @Test
    public void projectStageAndCredentialComeFromTheBuildsVariables() throws Exception {
        platform.simulator().load(Dataset.blocking());
        FreeStyleProject project = r.createFreeStyleProject();
        project.addProperty(new ParametersDefinitionProperty(
                new StringParameterDefinition("CS_PROJECT", "shop"),
                new StringParameterDefinition("CS_STAGE", "build"),
                new StringParameterDefinition("CS_CREDENTIAL", TestCredentials.GLOBAL_ID)));
        CodescoringScanBuilder scan = new CodescoringScanBuilder();
        scan.setProject("${CS_PROJECT}");
        scan.setStage("$CS_STAGE");
        scan.setCredentialsId("${CS_CREDENTIAL}");
        scan.setOnBlocking(OnFinding.UNSTABLE);
        project.getBuildersList().add(scan);

        FreeStyleBuild build = r.buildAndAssertStatus(Result.UNSTABLE, project);

        CodescoringResultAction result = build.getAction(CodescoringResultAction.class);
        assertEquals(Verdict.BLOCKED, result.getResult().verdict());
        assertEquals("shop", result.getProject());
        assertEquals("build", result.getStage());
        assertEquals("the job keeps the variables, not their values", "${CS_PROJECT}", scan.getProject());
    }

    @Test
    public void theWaitEndsAtTheDeadlinePlusAMarginEvenWhenNothingCompletesTheScan() throws Exception {
        fast.timeoutInSeconds();
        Duration savedMargin = CodescoringScanBuilder.waitMargin;
        CodescoringScanBuilder.waitMargin = Duration.ofSeconds(1);
        platform.simulator().load(Dataset.clean());
        platform.simulator().setManualCompletion(true);
        try {
            FreeStyleProject project = r.createFreeStyleProject();
            CodescoringScanBuilder scan = new CodescoringScanBuilder();
            scan.setTimeoutMinutes(3);
            scan.setOnError(OnFinding.UNSTABLE);
            project.getBuildersList().add(scan);
            FreeStyleBuild build = project.scheduleBuild2(0).waitForStart();
            r.waitForMessage(ScanTestSupport.WAITING, build);
            CodescoringScans.shutdown(); // the coordinator is gone: nothing will ever complete this scan

            awaitEnd(build, Duration.ofSeconds(30));
            r.assertBuildStatus(Result.UNSTABLE, build);
            r.assertLogContains("gave this scan no result within 3 s and 1 s more", build);
            assertEquals(
                    ErrorKind.TIMEOUT,
                    build.getAction(CodescoringResultAction.class).getResult().errorKind());
        } finally {
            CodescoringScanBuilder.waitMargin = savedMargin;
            platform.simulator().completeAnalysis(Outcome.SUCCESS);
        }
    }

    private static void awaitEnd(FreeStyleBuild build, Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        while (build.isBuilding()) {
            assertTrue("still waiting after " + bound, System.nanoTime() < end);
            Thread.sleep(50);
        }
    }
}
