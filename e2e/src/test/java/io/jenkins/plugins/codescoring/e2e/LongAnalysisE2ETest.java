package io.jenkins.plugins.codescoring.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.codescoring.e2e.harness.JobXml;
import io.jenkins.plugins.codescoring.e2e.harness.Jobs;
import io.jenkins.plugins.codescoring.e2e.harness.Jobs.Build;
import io.jenkins.plugins.codescoring.e2e.harness.RealController;
import io.jenkins.plugins.codescoring.e2e.harness.Report;
import io.jenkins.plugins.codescoring.e2e.harness.Wait;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Analyses that take long in a real controller: the controller is stopped (SIGTERM) or killed (SIGKILL)
 * while Pipeline scans wait, and started again on the same JENKINS_HOME; a scan with a one-minute timeout
 * waits for an analysis that never ends. The simulator's analyses never end by themselves here: the test
 * ends them through the simulator's control endpoint once the controller is back.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class LongAnalysisE2ETest {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(4);
    private static final String RESUMES =
            "def r = codescoringScan project: 'shop', stage: 'build', onBlocking: 'UNSTABLE'\n"
                    + "echo \"E2E map=${r}\"\n";

    @ClassRule
    public static final RealController WORLD = new RealController("long-analysis", "3");

    @Test
    public void a_sigtermWhileWaitingResumesWithTheSameAnalysisAndTheTimeoutStillHolds() throws Exception {
        Jobs jobs = WORLD.jobs();
        jobs.create("", "resumes", JobXml.pipeline(RESUMES));
        jobs.create(
                "", "times-out", JobXml.pipeline("codescoringScan project: 'Inventory Service', timeoutMinutes: 1\n"));
        WORLD.simulator().control("outcome?value=never-ends");
        long requested = System.nanoTime();
        String resumesItem = jobs.queue("resumes");
        String timesOutItem = jobs.queue("times-out");
        int resumes = jobs.numberOf("resumes", resumesItem);
        int timesOut = jobs.numberOf("times-out", timesOutItem);
        JsonNode before = awaitScansWaitingOnRun(1);

        WORLD.jenkins().stop();
        WORLD.startAgain();

        Build timedOut = jobs.await("times-out", timesOut, BUILD_TIMEOUT);
        long timedOutAfter = Duration.ofNanos(System.nanoTime() - requested).toSeconds();
        WORLD.simulator().control("complete?outcome=success");
        WORLD.simulator().control("outcome?value=success");
        Build resumed = jobs.await("resumes", resumes, BUILD_TIMEOUT);
        JsonNode after = WORLD.simulator().stats();
        Report.line(WORLD.files(), "SIGTERM: simulator before the stop " + before);
        Report.line(
                WORLD.files(),
                "SIGTERM: " + timedOut + " after about " + timedOutAfter + " s, " + Report.summary(timedOut.console()));
        Report.line(WORLD.files(), "SIGTERM: " + resumed + " " + Report.summary(resumed.console()));
        Report.line(WORLD.files(), "SIGTERM: simulator at the end " + after);

        assertEquals(timedOut.console(), "FAILURE", timedOut.result());
        assertThat(timedOut.console(), containsString("TIMEOUT"));
        assertEquals(resumed.console(), "UNSTABLE", resumed.result());
        assertThat(resumed.console(), containsString("Resuming build"));
        String map = Report.lineWith(resumed.console(), "E2E map=");
        assertThat(map, containsString("verdict:BLOCKED"));
        assertThat("the verdict comes from the analysis it waited for", map, containsString("analysisRunId:101,"));
        assertEquals(
                "no analysis was started after the restart: " + after,
                1,
                after.get("analysisStarts").asInt());
    }

    @Test
    public void b_sigkillWhileWaitingResumesWithTheSameAnalysisAndStartsNoOther() throws Exception {
        Jobs jobs = WORLD.jobs();
        WORLD.simulator().control("outcome?value=never-ends");
        int startsBefore = WORLD.simulator().analysisStarts();
        int number = jobs.numberOf("resumes", jobs.queue("resumes"));
        JsonNode before = awaitScansWaitingOnRun(startsBefore + 1);

        WORLD.jenkins().kill();
        WORLD.startAgain();

        // The resumed scan talks to the platform again before the test ends the analysis it had started.
        int requestsBefore = before.get("requests").asInt();
        Wait.until(
                "the resumed scan to ask the platform",
                Duration.ofMinutes(2),
                () -> WORLD.simulator().stats().get("requests").asInt() > requestsBefore + 1);
        WORLD.simulator().control("complete?outcome=success");
        WORLD.simulator().control("outcome?value=success");
        Build resumed = jobs.await("resumes", number, BUILD_TIMEOUT);
        JsonNode after = WORLD.simulator().stats();
        int extraStarts = after.get("analysisStarts").asInt()
                - before.get("analysisStarts").asInt();
        Report.line(WORLD.files(), "SIGKILL: " + resumed + " " + Report.summary(resumed.console()));
        Report.line(
                WORLD.files(), "SIGKILL: analysis starts after the restart: " + extraStarts + "; simulator " + after);

        assertEquals(resumed.console(), "UNSTABLE", resumed.result());
        String map = Report.lineWith(resumed.console(), "E2E map=");
        assertThat(map, containsString("verdict:BLOCKED"));
        // The state was saved as soon as the platform accepted the start (CodescoringScanExecution's early
        // saveState), and scans have polled since: the resumed scan follows that run and starts no other.
        int ownRun = 100 + startsBefore + 1;
        assertThat(
                "the verdict comes from the analysis started before the kill",
                map,
                containsString("analysisRunId:" + ownRun + ","));
        assertEquals("no analysis was started after the restart: " + after, 0, extraStarts);
    }

    @Test
    public void z_noSecretInJenkinsHomeLogsOrPages() throws Exception {
        WORLD.jenkins().stop();
        WORLD.secrets().checkFiles(WORLD.jenkins().home());
        WORLD.secrets().checkFiles(WORLD.jenkins().logs().toArray(new Path[0]));
        Report.line(
                WORLD.files(),
                "secrets (long analyses): " + WORLD.secrets().filesChecked() + " files and "
                        + WORLD.secrets().pagesChecked() + " answers searched, findings "
                        + WORLD.secrets().findings());
        assertThat(WORLD.secrets().filesChecked(), greaterThan(100));
        assertThat(WORLD.secrets().findings(), is(empty()));
    }

    /** Waits until {@code starts} analyses were started and scans have polled the status since (bounded). */
    /**
     * Waits until the platform has started the given number of analyses and then been asked for the status twice
     * more: by then the scan has seen the accepted start and its step has saved that (it asks at once), so a kill
     * tests the resume from the saved start, not a kill before the answer reached Jenkins. Counting the polls of
     * the whole class instead would let the kill come right after the start.
     */
    private static JsonNode awaitScansWaitingOnRun(int starts) {
        int pollsAtStart = Wait.until(
                starts + " analysis start(s)",
                Duration.ofMinutes(2),
                () -> {
                    JsonNode stats = WORLD.simulator().stats();
                    boolean started = stats.get("analysisStarts").asInt() == starts
                            && stats.get("analysisRunning").asBoolean();
                    return started ? java.util.Optional.of(statusPolls(stats)) : java.util.Optional.empty();
                },
                () -> statsQuietly());
        return Wait.until(
                "two status polls after the start",
                Duration.ofMinutes(2),
                () -> {
                    JsonNode stats = WORLD.simulator().stats();
                    return statusPolls(stats) >= pollsAtStart + 2
                            ? java.util.Optional.of(stats)
                            : java.util.Optional.empty();
                },
                () -> statsQuietly());
    }

    private static int statusPolls(JsonNode stats) {
        return stats.path("byRequest")
                .path("GET /api/analyses/overall_sca/status/")
                .asInt();
    }

    private static String statsQuietly() {
        try {
            return WORLD.simulator().stats().toString();
        } catch (Exception e) {
            return e.toString();
        }
    }
}
