package io.jenkins.plugins.codescoring;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.Result;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.results.CodescoringResultAction;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.Fault;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * A platform (or a proxy in front of it) that hangs for the scans of two teams, each with its own
 * credential: the scans of a third credential still get their verdict, and every scan ends at its
 * deadline, whatever the hanging calls do.
 */
public class HangingPlatformTest {
    private static final String TEAM_A = "team-a-token";
    private static final String TEAM_B = "team-b-token";
    /** How late a verdict or a deadline may come on a busy test machine. */
    private static final Duration SLACK = Duration.ofSeconds(4);

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

    private WorkflowJob pipeline(String name, String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    @Test
    public void twoHangingCredentialsDelayNeitherAThirdNorAnyDeadline() throws Exception {
        fast.timeoutInSeconds();
        platform.simulator().load(Dataset.clean());
        TestCredentials.addToRoot(TestCredentials.secretText(CredentialsScope.GLOBAL, TEAM_A, "team-a-0123456789"));
        TestCredentials.addToRoot(TestCredentials.secretText(CredentialsScope.GLOBAL, TEAM_B, "team-b-0123456789"));
        // The first call of each team hangs (as behind a stuck proxy); the platform answers everything else.
        platform.simulator().inject(Fault.hang().times(2));
        WorkflowRun teamA = pipeline("team-a", "codescoringScan credentialsId: '" + TEAM_A + "', timeoutMinutes: 120")
                .scheduleBuild2(0)
                .waitForStart();
        WorkflowRun teamB = pipeline("team-b", "codescoringScan credentialsId: '" + TEAM_B + "', timeoutMinutes: 120")
                .scheduleBuild2(0)
                .waitForStart();
        awaitRequests(2);
        assertTrue("both teams' first calls hang", platform.simulator().faultsUsedUp());

        // A short scan of team A, whose coordinator is stuck in its call, and a scan with the default credential.
        WorkflowRun shortA = pipeline(
                        "team-a-short",
                        "codescoringScan credentialsId: '" + TEAM_A + "', timeoutMinutes: 3," + " onError: 'SUCCESS'")
                .scheduleBuild2(0)
                .waitForStart();
        WorkflowRun other =
                pipeline("other", "codescoringScan()").scheduleBuild2(0).waitForStart();

        r.assertBuildStatusSuccess(r.waitForCompletion(shortA));
        ScanResult timedOut = shortA.getAction(CodescoringResultAction.class).getResult();
        assertEquals(ErrorKind.TIMEOUT, timedOut.errorKind());
        assertThat(
                "ended at its deadline",
                Duration.between(timedOut.requestedAt(), timedOut.finishedAt()),
                lessThanOrEqualTo(Duration.ofSeconds(3).plus(SLACK)));

        r.assertBuildStatusSuccess(r.waitForCompletion(other));
        ScanResult passed = other.getAction(CodescoringResultAction.class).getResult();
        assertEquals(Verdict.PASSED, passed.verdict());
        assertThat(
                "not held up by the other teams' hanging calls",
                Duration.between(passed.requestedAt(), passed.finishedAt()),
                lessThanOrEqualTo(Duration.ofSeconds(5).plus(SLACK)));

        teamA.doStop();
        teamB.doStop();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(teamA));
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(teamB));
    }

    private void awaitRequests(int count) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (platform.simulator().requestCount() < count) {
            assertTrue("requests: " + platform.simulator().requestCount(), System.nanoTime() < end);
            Thread.sleep(20);
        }
    }
}
