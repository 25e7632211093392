package io.jenkins.plugins.codescoring.scanstep;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.Result;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.ScanTestSupport;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.TestPlatforms;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The Jenkins console's advice fits Jenkins: a rejected token is fixed in the credential, not in the terminal
 * runner's variable; a scan that names no configured platform is told to name one.
 */
public class ConsoleAdviceTest {
    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Rule
    public EnglishLocale english = new EnglishLocale();

    private CodescoringSimulator simulator;

    @Before
    public void platform() throws Exception {
        simulator = CodescoringSimulator.start(TestCredentials.TOKEN);
        simulator.load(Dataset.clean());
        ScanTestSupport.configure(simulator);
    }

    @After
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private WorkflowRun failedScan(String step) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(step, true));
        return r.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
    }

    @Test
    public void aRejectedTokenPointsToTheCredentialNotToTheTerminalRunnersVariable() throws Exception {
        TestCredentials.addToRoot(
                TestCredentials.secretText(CredentialsScope.GLOBAL, "revoked", "cs-revoked-token-000"));
        TestPlatforms.first().setCredentialsId("revoked");
        TestPlatforms.save();
        WorkflowRun run = failedScan("codescoringScan()");
        r.assertLogContains("TOKEN_REJECTED", run);
        r.assertLogContains(
                "What to do: Check the API token: generate a new one in the CodeScoring user profile and store it in "
                        + "the credential the scan uses.",
                run);
        r.assertLogNotContains("CODESCORING_TOKEN", run);
    }

    @Test
    public void anUnknownPlatformNameIsToldToNameAConfiguredOne() throws Exception {
        WorkflowRun run = failedScan("codescoringScan platform: 'nowhere'");
        r.assertLogContains("No CodeScoring platform is named 'nowhere'", run);
        r.assertLogContains("What to do: Name one of the configured platforms", run);
        r.assertLogNotContains("Check the platform URL, the project and the stage", run);
    }
}
