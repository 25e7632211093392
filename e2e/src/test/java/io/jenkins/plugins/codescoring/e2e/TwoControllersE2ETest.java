package io.jenkins.plugins.codescoring.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.codescoring.e2e.harness.JobXml;
import io.jenkins.plugins.codescoring.e2e.harness.Jobs;
import io.jenkins.plugins.codescoring.e2e.harness.Jobs.Build;
import io.jenkins.plugins.codescoring.e2e.harness.RealController;
import io.jenkins.plugins.codescoring.e2e.harness.Report;
import io.jenkins.plugins.codescoring.e2e.harness.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Two Jenkins controllers ({@code java -jar jenkins.war} each, the plugin in both) on one simulator process, as
 * two departments on one CodeScoring platform. The first controller's builds start an analysis; the second
 * controller's builds, and one more of the first's, arrive while it runs. They must not use that analysis (it
 * began before their request), and they need only one more between both controllers: at most two starts in all,
 * each build with its dataset's verdict, from a run that began after the build was queued.
 */
public class TwoControllersE2ETest {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(4);
    private static final String ECHO_MAP = "\necho \"E2E map=${r}\"\n";
    private static final Pattern RUN_ID = Pattern.compile("analysisRunId:(\\d+),");

    @ClassRule
    public static final RealController WORLD = new RealController("two-controllers", "15").withSecondController();

    /** A build asked for at a moment, with the result it must have. */
    private record Queued(
            String controller, Jobs jobs, String job, String item, Instant at, String result, String verdict) {}

    @Test
    public void buildsOfTwoControllersShareOneAnalysisBegunAfterTheirRequests() throws Exception {
        Jobs first = WORLD.jobs();
        Jobs second = WORLD.secondJobs();
        for (Jobs jobs : List.of(first, second)) {
            jobs.create(
                    "", "passed", JobXml.pipeline("def r = codescoringScan project: 'Inventory Service'" + ECHO_MAP));
            jobs.create(
                    "",
                    "unstable",
                    JobXml.pipeline(
                            "def r = codescoringScan project: 'shop-backend', onBlocking: 'UNSTABLE'" + ECHO_MAP));
            jobs.create(
                    "",
                    "passed-again",
                    JobXml.pipeline("def r = codescoringScan project: 'Inventory Service'" + ECHO_MAP));
        }
        List<Queued> queued = new ArrayList<>();
        queued.add(queue("first", first, "passed"));
        queued.add(queue("first", first, "unstable"));
        Wait.until("the first controller's analysis to run", Duration.ofMinutes(2), () -> {
            JsonNode stats = WORLD.simulator().stats();
            return stats.get("analysisStarts").asInt() == 1
                    && stats.get("analysisRunning").asBoolean();
        });
        // While it runs: the second controller's builds, and one more of the first controller's.
        queued.add(queue("second", second, "passed"));
        queued.add(queue("second", second, "unstable"));
        queued.add(queue("second", second, "passed-again"));
        queued.add(queue("first", first, "passed-again"));
        boolean arrivedWhileRunning =
                WORLD.simulator().stats().get("analysisRunning").asBoolean();

        int adopted = 0;
        List<String> lines = new ArrayList<>();
        List<Build> builds = new ArrayList<>();
        for (Queued build : queued) {
            builds.add(
                    build.jobs().await(build.job(), build.jobs().numberOf(build.job(), build.item()), BUILD_TIMEOUT));
        }
        JsonNode stats = WORLD.simulator().stats();
        for (int i = 0; i < queued.size(); i++) {
            Queued asked = queued.get(i);
            Build build = builds.get(i);
            String map = Report.lineWith(build.console(), "E2E map=");
            Matcher run = RUN_ID.matcher(map);
            assertTrue(map, run.find());
            Instant began =
                    Instant.parse(stats.at("/runStartedAt/" + run.group(1)).asText());
            boolean follows = build.console()
                    .contains("started by another client after this build's request, will decide the verdict");
            adopted += follows ? 1 : 0;
            lines.add(asked.controller() + " " + build + " run " + run.group(1) + (follows ? " (followed)" : "") + " "
                    + Report.summary(build.console()));
            assertEquals(build.console(), asked.result(), build.result());
            assertTrue(map, map.contains("verdict:" + asked.verdict()));
            assertFalse(
                    asked.controller() + " " + build + ": run " + run.group(1) + " began at " + began
                            + ", before the build was" + " queued at " + asked.at(),
                    began.isBefore(asked.at()));
        }
        lines.forEach(line -> Report.line(WORLD.files(), "two controllers: " + line));
        Report.line(
                WORLD.files(),
                "two controllers: second wave arrived while the first analysis ran: " + arrivedWhileRunning
                        + "; builds that followed another controller's analysis: " + adopted + "; simulator "
                        + stats.get("analysisStarts")
                        + " starts, " + stats.get("rejectedStarts") + " refused");
        assertThat(
                "analyses started for both controllers",
                stats.get("analysisStarts").asInt(),
                lessThanOrEqualTo(2));
        assertThat(
                "the controller that did not start the second analysis followed it", adopted, greaterThanOrEqualTo(1));
    }

    private static Queued queue(String controller, Jobs jobs, String job) throws Exception {
        Instant at = Instant.now();
        String item = jobs.queue(job);
        boolean unstable = job.equals("unstable");
        return new Queued(
                controller, jobs, job, item, at, unstable ? "UNSTABLE" : "SUCCESS", unstable ? "BLOCKED" : "PASSED");
    }
}
