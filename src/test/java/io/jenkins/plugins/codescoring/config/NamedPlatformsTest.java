package io.jenkins.plugins.codescoring.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.FastScans;
import io.jenkins.plugins.codescoring.ScanTestSupport;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.TestPlatforms;
import io.jenkins.plugins.codescoring.freestyle.CodescoringScanBuilder;
import io.jenkins.plugins.codescoring.pipeline.CodescoringScanStep;
import io.jenkins.plugins.codescoring.results.CodescoringResultAction;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** Two platforms: each scan goes to the platform it names, with that platform's credential, and never elsewhere. */
public class NamedPlatformsTest {
    private static final String TEST_TOKEN = "cs-test-platform-token-fedcba9876543210";
    private static final String TEST_CREDENTIAL = "codescoring-test-platform";

    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Rule
    public FastScans fast = new FastScans();

    @Rule
    public EnglishLocale english = new EnglishLocale();

    private CodescoringSimulator production;
    private CodescoringSimulator test;

    @Before
    public void twoPlatforms() throws Exception {
        production = CodescoringSimulator.start(TestCredentials.TOKEN);
        test = CodescoringSimulator.start(TEST_TOKEN);
        production.load(Dataset.blocking());
        test.load(Dataset.clean());
        production.setAnalysisDuration(Duration.ofMillis(800));
        test.setAnalysisDuration(Duration.ofMillis(800));
        TestCredentials.addGlobal();
        TestCredentials.addToRoot(TestCredentials.secretText(CredentialsScope.GLOBAL, TEST_CREDENTIAL, TEST_TOKEN));
        TestPlatforms.configure(production.baseUrl(), TestCredentials.GLOBAL_ID).setName("prod");
        TestPlatforms.save();
        TestPlatforms.add("test", test.baseUrl(), TEST_CREDENTIAL);
    }

    @After
    public void stop() {
        for (CodescoringSimulator simulator : new CodescoringSimulator[] {production, test}) {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    private WorkflowJob pipeline(String name, String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    @Test
    public void eachScanGoesToItsPlatformWithItsCredentialAndBurstsDoNotMix() throws Exception {
        List<WorkflowRun> onProduction = new ArrayList<>();
        List<WorkflowRun> onTest = new ArrayList<>();
        WorkflowJob prod = pipeline(
                "prod-job",
                "def r = codescoringScan onBlocking: 'SUCCESS'\necho \"platform=${r.platform} verdict=${r.verdict}\"");
        WorkflowJob tst = pipeline(
                "test-job",
                "def r = codescoringScan platform: 'test'\necho \"platform=${r.platform} verdict=${r.verdict}\"");
        prod.setConcurrentBuild(true);
        tst.setConcurrentBuild(true);
        for (int i = 0; i < 3; i++) {
            onProduction.add(prod.scheduleBuild2(0).waitForStart());
            onTest.add(tst.scheduleBuild2(0).waitForStart());
        }
        for (WorkflowRun run : onProduction) {
            r.assertBuildStatusSuccess(r.waitForCompletion(run));
            r.assertLogContains("platform=prod verdict=BLOCKED", run);
            r.assertLogContains("on the platform prod", run);
            assertEquals("prod", run.getAction(CodescoringResultAction.class).getPlatformName());
        }
        for (WorkflowRun run : onTest) {
            r.assertBuildStatusSuccess(r.waitForCompletion(run));
            r.assertLogContains("platform=test verdict=PASSED", run);
            r.assertLogContains("Platform: test (" + test.baseUrl() + ")", run);
            ScanTestSupport.assertTokenNowhere(run);
        }
        assertOnlyToken(production, TestCredentials.TOKEN);
        assertOnlyToken(test, TEST_TOKEN);
        // Each burst shares its own platform's analyses (at most two, see the coordinator), none of the other's.
        assertThat(
                "production starts",
                production.analysisStarts() <= 2 && production.analysisStarts() >= 1,
                org.hamcrest.Matchers.is(true));
        assertThat(
                "test starts",
                test.analysisStarts() <= 2 && test.analysisStarts() >= 1,
                org.hamcrest.Matchers.is(true));
    }

    @Test
    public void aJobCannotReachAnAddressTheAdministratorDidNotConfigure() throws Exception {
        try (CodescoringSimulator rogue = CodescoringSimulator.start(TestCredentials.TOKEN)) {
            WorkflowRun run = r.buildAndAssertStatus(
                    Result.FAILURE, pipeline("rogue", "codescoringScan platform: '" + rogue.baseUrl() + "'"));
            r.assertLogContains("No CodeScoring platform is named '" + rogue.baseUrl() + "'", run);
            r.assertLogContains("prod, test", run);
            assertEquals(0, rogue.requestCount());
            assertEquals(0, production.requestCount());
            assertEquals(0, test.requestCount());
        }
    }

    @Test
    public void theFreestyleStepChoosesAPlatformToo() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject("freestyle");
        CodescoringScanBuilder builder = new CodescoringScanBuilder();
        builder.setPlatform("${TARGET}");
        job.getBuildersList().add(builder);
        job.addProperty(new hudson.model.ParametersDefinitionProperty(
                new hudson.model.StringParameterDefinition("TARGET", "test")));
        FreeStyleBuild build = r.buildAndAssertSuccess(job);
        r.assertLogContains("on the platform test", build);
        assertEquals("test", build.getAction(CodescoringResultAction.class).getPlatformName());
        assertEquals(1, test.analysisStarts());
        assertEquals(0, production.requestCount());

        r.configRoundtrip(job);
        assertEquals(
                "${TARGET}",
                job.getBuildersList().get(CodescoringScanBuilder.class).getPlatform());
    }

    @Test
    public void theSnippetNamesThePlatformAndTheFormListsThem() throws Exception {
        CodescoringScanStep step = new CodescoringScanStep();
        step.setPlatform("test");
        assertEquals("codescoringScan platform: 'test'", Snippetizer.object2Groovy(step));
        CodescoringScanStep.DescriptorImpl descriptor =
                r.jenkins.getDescriptorByType(CodescoringScanStep.DescriptorImpl.class);
        List<String> values = new ArrayList<>();
        descriptor.doFillPlatformItems(null, "").forEach(option -> values.add(option.value));
        assertEquals(List.of("", "prod", "test"), values);
        assertThat(descriptor.doCheckPlatform(null, "nope").getMessage(), containsString("prod, test"));
    }

    private static void assertOnlyToken(CodescoringSimulator simulator, String token) {
        assertThat(simulator.requestCount() > 0, org.hamcrest.Matchers.is(true));
        for (RecordedRequest request : simulator.requests()) {
            assertEquals(request.toString(), "Token " + token, request.header("Authorization"));
        }
    }
}
