package io.jenkins.plugins.codescoring.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.codescoring.e2e.harness.JenkinsCli;
import io.jenkins.plugins.codescoring.e2e.harness.JobXml;
import io.jenkins.plugins.codescoring.e2e.harness.Jobs;
import io.jenkins.plugins.codescoring.e2e.harness.Jobs.Build;
import io.jenkins.plugins.codescoring.e2e.harness.RealController;
import io.jenkins.plugins.codescoring.e2e.harness.Report;
import io.jenkins.plugins.codescoring.e2e.harness.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Verdicts in a real controller: Pipeline (scripted and Declarative), freestyle, a folder's credential, a
 * rejected token, an HTML answer and a stopped platform, each through the HTTP API (or the CLI) as user
 * alice with a crumb; then no secret in JENKINS_HOME, the logs or any fetched page. The simulator's
 * {@code demo} dataset decides the verdicts (see demo/README.md). The methods run in name order on one
 * controller.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ScanVerdictsE2ETest {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);
    private static final String ECHO_MAP = "\necho \"E2E map=${r}\"\n";

    @ClassRule
    public static final RealController WORLD = new RealController("verdicts", "3");

    @Test
    public void a_burstOfVerdictsAndScopesSharesAnalyses() throws Exception {
        Jobs jobs = WORLD.jobs();
        Map<String, String> pipelines = new LinkedHashMap<>();
        pipelines.put("passed", "def r = codescoringScan project: 'Inventory Service'" + ECHO_MAP);
        pipelines.put("blocked", "codescoringScan project: 'shop', stage: 'build'\necho 'E2E not reached'\n");
        pipelines.put("unstable", "def r = codescoringScan project: 'shop-backend', onBlocking: 'UNSTABLE'" + ECHO_MAP);
        pipelines.put(
                "declarative",
                String.join(
                        "\n",
                        "pipeline {",
                        "    agent none",
                        "    stages {",
                        "        stage('CodeScoring') {",
                        "            steps {",
                        "                codescoringScan project: 'Inventory Service'",
                        "            }",
                        "        }",
                        "    }",
                        "}"));
        pipelines.put(
                "foreign-credential", "codescoringScan credentialsId: 'team-token', project: 'Inventory Service'\n");
        pipelines.put("wrong-token", "codescoringScan credentialsId: '" + RealController.WRONG_CREDENTIAL + "'\n");
        for (Map.Entry<String, String> pipeline : pipelines.entrySet()) {
            jobs.create("", pipeline.getKey(), JobXml.pipeline(pipeline.getValue()));
        }
        jobs.create("", "team", JobXml.folder());
        WORLD.addFolderSecretText("team", "team-token", WORLD.token());
        jobs.create(
                "team",
                "scan",
                JobXml.pipeline("def r = codescoringScan credentialsId: 'team-token', project: 'Inventory Service'"
                        + ECHO_MAP));
        jobs.create("", "freestyle", JobXml.freestyle("billing", "build", null, "env | grep '^CODESCORING_' | sort"));

        // All at once: the builds are queued first, the freestyle one through the CLI at the same moment. The
        // first analysis runs until every scan has asked for one, so the test does not depend on how fast this
        // machine starts nine builds: all of them then wait for the one follow-up analysis.
        WORLD.simulator().control("outcome?value=never-ends");
        List<String> names = new ArrayList<>(pipelines.keySet());
        names.add("team/scan");
        JenkinsCli cli = JenkinsCli.download(WORLD);
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<JenkinsCli.Outcome> viaCli;
        Map<String, Integer> numbers = new LinkedHashMap<>();
        try {
            viaCli = background.submit(() -> cli.run(BUILD_TIMEOUT, "build", "freestyle", "-s", "-v"));
            Map<String, String> queued = new LinkedHashMap<>();
            for (String name : names) {
                queued.put(name, jobs.queue(name));
            }
            for (Map.Entry<String, String> entry : queued.entrySet()) {
                numbers.put(entry.getKey(), jobs.numberOf(entry.getKey(), entry.getValue()));
            }
            Wait.until("every build to reach its scan", BUILD_TIMEOUT, () -> {
                for (Map.Entry<String, Integer> entry : numbers.entrySet()) {
                    if (!jobs.console(entry.getKey(), entry.getValue()).contains("[Pipeline] codescoringScan")) {
                        return false;
                    }
                }
                JsonNode freestyle = WORLD.client().json(Jobs.url("freestyle") + "api/json?tree=lastBuild[building]");
                return freestyle.path("lastBuild").path("building").asBoolean(false)
                        && WORLD.simulator().stats().get("analysisStarts").asInt() == 1;
            });
            Wait.sleep(Duration.ofSeconds(2)); // a step hands its scan to the coordinator right after its console line
            WORLD.simulator().control("complete?outcome=success");
            WORLD.simulator().control("outcome?value=success");
        } finally {
            background.shutdown();
        }
        Map<String, Build> builds = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> entry : numbers.entrySet()) {
            builds.put(entry.getKey(), jobs.await(entry.getKey(), entry.getValue(), BUILD_TIMEOUT));
        }
        JenkinsCli.Outcome freestyle = viaCli.get(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode stats = WORLD.simulator().stats();
        for (Build build : builds.values()) {
            Report.line(WORLD.files(), "verdicts: " + build + " " + Report.summary(build.console()));
        }
        Report.line(
                WORLD.files(),
                "verdicts: freestyle via jenkins-cli build -s: exit " + freestyle.exitCode() + ", "
                        + Report.lineWith(freestyle.output(), "CODESCORING_VERDICT="));
        Report.line(
                WORLD.files(),
                "verdicts: simulator after the burst of 9 builds (7 scans with the accepted token): " + stats);

        Build passed = builds.get("passed");
        assertEquals(passed.console(), "SUCCESS", passed.result());
        assertThat(passed.console(), containsString("verdict:PASSED, passed:true, blocked:false, blockingAlerts:0"));

        Build blocked = builds.get("blocked");
        assertEquals(blocked.console(), "FAILURE", blocked.result());
        assertThat(blocked.console(), containsString("BLOCKED"));
        assertThat(blocked.console(), containsString("Critical vulnerabilities (CVSS >= 7)"));
        assertThat(blocked.console(), not(containsString("E2E not reached")));

        Build unstable = builds.get("unstable");
        assertEquals(unstable.console(), "UNSTABLE", unstable.result());
        String map = Report.lineWith(unstable.console(), "E2E map=");
        assertThat(map, containsString("verdict:BLOCKED, passed:false, blocked:true, blockingAlerts:1"));
        assertThat(map, containsString("delayedBlockingAlerts:1"));
        assertThat(map, containsString("errorKind:, errorMessage:"));
        assertThat(map, containsString("project:shop-backend"));
        assertThat(map, matchesPattern(".*analysisRunId:\\d+.*"));

        Build declarative = builds.get("declarative");
        assertEquals(declarative.console(), "SUCCESS", declarative.result());
        assertThat("no agent, no executor", declarative.console(), not(containsString("Running on")));
        assertThat(declarative.console(), containsString("PASSED"));

        assertEquals(freestyle.output(), 0, freestyle.exitCode());
        assertThat(freestyle.output(), containsString("CODESCORING_VERDICT=PASSED"));
        assertThat(freestyle.output(), containsString("CODESCORING_BLOCKING_ALERTS=0"));
        assertThat(
                freestyle.output(),
                containsString("CODESCORING_PLATFORM_URL=" + WORLD.simulator().url()));
        // Empty values (no error kind, no blocking policy) are not set at all in the build's environment.
        assertThat(freestyle.output(), not(matchesPattern("(?s).*CODESCORING_ERROR_KIND=[^\n]+.*")));
        assertThat(freestyle.output(), matchesPattern("(?s).*CODESCORING_ANALYSIS_RUN_ID=\\d+\n.*"));
        assertThat(freestyle.output(), containsString("Finished: SUCCESS"));

        Build inFolder = builds.get("team/scan");
        assertEquals(inFolder.console(), "SUCCESS", inFolder.result());
        assertThat(inFolder.console(), containsString("verdict:PASSED"));
        Build outside = builds.get("foreign-credential");
        assertEquals("a folder's credential is not found outside the folder", "FAILURE", outside.result());
        assertThat(outside.console(), containsString("BAD_CONFIGURATION"));

        Build wrongToken = builds.get("wrong-token");
        assertEquals(wrongToken.console(), "FAILURE", wrongToken.result());
        assertThat(wrongToken.console(), containsString("TOKEN_REJECTED"));

        // Seven scans with the accepted token (freestyle included) arrived while analysis 1 ran: one follow-up for all.
        assertThat(stats.toString(), stats.get("analysisStarts").asInt(), lessThanOrEqualTo(2));
        assertThat(
                stats.toString(),
                stats.path("byRequest").path("GET /api/alerts/").asInt(),
                greaterThan(0));
    }

    @Test
    public void b_htmlInsteadOfJsonIsNotCodescoring() throws Exception {
        WORLD.jobs().create("", "platform-check", JobXml.pipeline("codescoringScan project: 'Inventory Service'\n"));
        int startsBefore = WORLD.simulator().analysisStarts();
        WORLD.simulator().control("fault?kind=html&times=1000000");
        Build build;
        try {
            build = WORLD.jobs().run("platform-check", BUILD_TIMEOUT);
        } finally {
            WORLD.simulator().control("clear-faults");
        }
        Report.line(WORLD.files(), "html answer: " + build + ", " + Report.summary(build.console()));
        assertEquals(build.console(), "FAILURE", build.result());
        assertThat(build.console(), containsString("NOT_CODESCORING_API"));
        assertEquals("no analysis was started", startsBefore, WORLD.simulator().analysisStarts());
    }

    @Test
    public void c_stoppedPlatformIsUnreachable() throws Exception {
        WORLD.simulator().stop();
        Build build;
        try {
            build = WORLD.jobs().run("platform-check", BUILD_TIMEOUT);
        } finally {
            WORLD.simulator().start();
        }
        Report.line(WORLD.files(), "stopped platform: " + build + ", " + Report.summary(build.console()));
        assertEquals(build.console(), "FAILURE", build.result());
        assertThat(build.console(), containsString("UNREACHABLE"));
        Build again = WORLD.jobs().run("platform-check", BUILD_TIMEOUT);
        assertEquals("the platform is back: " + again.console(), "SUCCESS", again.result());
    }

    @Test
    public void z_noSecretInJenkinsHomeLogsOrPages() throws Exception {
        WORLD.jenkins().stop();
        WORLD.secrets().checkFiles(WORLD.jenkins().home());
        WORLD.secrets().checkFiles(WORLD.jenkins().logs().toArray(new Path[0]));
        Report.line(
                WORLD.files(),
                "secrets (verdicts): " + WORLD.secrets().filesChecked() + " files and "
                        + WORLD.secrets().pagesChecked() + " answers searched, findings "
                        + WORLD.secrets().findings());
        assertThat(WORLD.secrets().filesChecked(), greaterThan(100));
        assertThat(WORLD.secrets().pagesChecked(), greaterThan(20));
        assertThat(WORLD.secrets().findings(), is(empty()));
    }
}
