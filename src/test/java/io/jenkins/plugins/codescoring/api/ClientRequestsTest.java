package io.jenkins.plugins.codescoring.api;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.TestServer.Recorded;
import io.jenkins.plugins.codescoring.api.TestServer.Reply;
import java.time.Instant;
import java.util.List;
import org.junit.Test;

/** What the client sends for each call, and how it reads the plain answers. */
public class ClientRequestsTest extends ClientFixture {

    @Test
    public void getSendsTokenJsonAcceptAndUserAgentToThePathWithItsTrailingSlash() throws Exception {
        server.enqueue(Reply.json("{\"id\": 1, \"status\": \"running\"}"));

        client().overallAnalysisStatus();

        Recorded request = server.onlyRequest();
        assertEquals("GET", request.method);
        assertEquals("/api/analyses/overall_sca/status/", request.path);
        assertNull(request.rawQuery);
        assertEquals("Token " + TOKEN, request.header("Authorization"));
        assertEquals("application/json", request.header("Accept"));
        assertTrue(
                request.header("User-Agent"), request.header("User-Agent").startsWith("codescoring-jenkins-plugin/"));
    }

    @Test
    public void userAgentCanBeSet() throws Exception {
        server.enqueue(Reply.json("[]"));

        builder().userAgent("codescoring-cli/1.2").build().checkConnection();

        assertEquals("codescoring-cli/1.2", server.onlyRequest().header("User-Agent"));
    }

    @Test
    public void startPostsAnEmptyJsonRequest() throws Exception {
        server.enqueue(Reply.json(201, "{\"id\": 77, \"status\": \"queued\"}"));

        StartOutcome outcome = client().startOverallAnalysis();

        assertTrue(outcome.isStarted());
        assertEquals("77", outcome.runId());
        Recorded request = server.onlyRequest();
        assertEquals("POST", request.method);
        assertEquals("/api/analyses/overall_sca/start/", request.path);
        assertEquals("application/json", request.header("Content-Type"));
        assertEquals("Token " + TOKEN, request.header("Authorization"));
        assertArrayEquals(new byte[0], request.body);
    }

    @Test
    public void anySuccessMeansStartedWhateverTheBody() throws Exception {
        server.enqueue(
                Reply.status(204),
                Reply.status(200).header("Content-Type", "text/plain").body("OK, started"),
                Reply.json(202, "[1, 2]"),
                Reply.json("{\"status\": \"queued\"}"),
                Reply.json("{\"id\": \"a-b\"}"));
        CodescoringClient client = client();

        assertStarted(null, client.startOverallAnalysis());
        assertStarted(null, client.startOverallAnalysis());
        assertStarted(null, client.startOverallAnalysis());
        assertStarted(null, client.startOverallAnalysis());
        assertStarted("a-b", client.startOverallAnalysis());
    }

    @Test
    public void aLoginPageAnsweringTheStartIsNotAStart() throws Exception {
        server.enqueue(Reply.status(200).header("Content-Type", "text/html").body("<html><form>Login</form></html>"));

        failure(ErrorKind.NOT_CODESCORING_API, () -> client().startOverallAnalysis());
    }

    @Test
    public void aRefusalSayingAnotherAnalysisRunsIsAlreadyRunning() throws Exception {
        server.enqueue(
                Reply.json(400, "{\"detail\": \"There is already running analysis\"}"),
                Reply.json(409, "{\"message\": \"Another analysis in progress. Parallel execution forbidden.\"}"),
                Reply.status(423).body("analysis ALREADY STARTED"),
                Reply.json(400, "{\"error\": \"Анализ уже запущен\"}"),
                Reply.json(409, "{\"detail\": \"Анализ выполняется\"}"),
                Reply.json(400, "{\"non_field_errors\": [\"status in_progress\"]}"));
        CodescoringClient client = client();

        for (int i = 0; i < 6; i++) {
            assertTrue("answer " + i, client.startOverallAnalysis().isAlreadyRunning());
        }
        assertEquals(6, server.requests().size());
    }

    @Test
    public void otherRefusalsOfTheStartAreErrors() throws Exception {
        server.enqueue(
                Reply.json(400, "{\"detail\": \"Bad request\"}"), Reply.json(500, "{\"detail\": \"already running\"}"));
        CodescoringClient client = client();

        CodescoringException rejected = failure(ErrorKind.REQUEST_REJECTED, client::startOverallAnalysis);
        assertTrue(
                rejected.getMessage(),
                rejected.getMessage().contains("POST /api/analyses/overall_sca/start/ (HTTP 400)"));
        assertTrue(rejected.getMessage(), rejected.getMessage().contains("Bad request"));
        failure(ErrorKind.SERVER_ERROR, client::startOverallAnalysis);
        assertEquals(
                "a start is never repeated after a 500", 2, server.requests().size());
    }

    @Test
    public void statusIsReadWithItsErrorText() throws Exception {
        server.enqueue(
                Reply.json("{\"id\": 42, \"status\": \"failed\", \"started_at\": \"2026-01-01T10:00:00+03:00\","
                        + " \"finished_at\": \"2026-01-01T07:05:00.123456Z\", \"error\": \"scanner crashed\"}"),
                Reply.json(
                        "{\"id\": \"43\", \"status\": \"success\", \"started_at\": \"2026-01-01T08:00:00\", \"finished_at\": null,"
                                + " \"detail\": \"done\"}"));
        CodescoringClient client = client();

        AnalysisStatus failed = client.overallAnalysisStatus();
        assertEquals(
                new AnalysisStatus(
                        "42",
                        "failed",
                        Instant.parse("2026-01-01T07:00:00Z"),
                        Instant.parse("2026-01-01T07:05:00.123456Z"),
                        "scanner crashed"),
                failed);
        assertEquals(RunPhase.FAILED, failed.phase());

        AnalysisStatus succeeded = client.overallAnalysisStatus();
        assertEquals(
                new AnalysisStatus("43", "success", Instant.parse("2026-01-01T08:00:00Z"), null, "done"), succeeded);
    }

    @Test
    public void statusWithoutAStatusWordIsUnreadable() throws Exception {
        server.enqueue(Reply.json("{\"id\": 42}"), Reply.json("[]"));
        CodescoringClient client = client();

        CodescoringException missing = failure(ErrorKind.UNREADABLE_RESPONSE, client::overallAnalysisStatus);
        assertTrue(missing.getMessage(), missing.getMessage().contains("has no \"status\""));
        failure(ErrorKind.UNREADABLE_RESPONSE, client::overallAnalysisStatus);
    }

    @Test
    public void alertsAskForActiveAlertsOfTheScopeAndReadTheContractShape() throws Exception {
        server.enqueue(Reply.json("{\"count\": 2, \"next\": null, \"results\": ["
                + "{\"id\": 1, \"policy\": {\"id\": 5, \"name\": \"No critical CVEs\", \"level\": \"critical\","
                + "  \"is_blocks_build\": true, \"is_active\": true}, \"project\": {\"id\": 9, \"name\": \"shop\"}, \"stage\": \"build\","
                + "  \"level\": \"critical\", \"dependency_purl\": \"pkg:maven/com.google.guava/guava@31.0.1-jre\","
                + "  \"vulnerability\": \"CVE-2023-2976\", \"matched_criteria\": [\"CVSS3 Score 7.1 >= 7.00\"],"
                + "  \"is_ignored\": false, \"block_delayed_until\": null},"
                + "{\"id\": \"2\", \"policy\": 6, \"project\": 9, \"is_ignored\": \"True\","
                + "  \"block_delayed_until\": \"2026-02-01T00:00:00Z\"}]}"));

        List<Alert> alerts = client().activeAlerts(AlertScope.of("9", "build"));

        Recorded request = server.onlyRequest();
        assertEquals("/api/alerts/", request.path);
        assertEquals("status=active&project=9&stage=build&page=1&per_page=100", request.rawQuery);
        assertEquals(2, alerts.size());
        Alert first = alerts.get(0);
        assertEquals("1", first.id());
        assertEquals(new Policy("5", "No critical CVEs", "critical", true, true), first.policy());
        assertEquals("5", first.policyId());
        assertEquals(new Project("9", "shop"), first.project());
        assertEquals("build", first.stage());
        assertEquals("critical", first.level());
        assertEquals("pkg:maven/com.google.guava/guava@31.0.1-jre", first.dependencyPurl());
        assertEquals("CVE-2023-2976", first.vulnerability());
        assertEquals(List.of("CVSS3 Score 7.1 >= 7.00"), first.matchedCriteria());
        assertFalse(first.isIgnored());
        assertNull(first.blockDelayedUntil());
        Alert second = alerts.get(1);
        assertNull(second.policy());
        assertEquals("6", second.policyId());
        assertEquals("9", second.project().id());
        assertTrue(second.isIgnored());
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), second.blockDelayedUntil());
    }

    @Test
    public void alertsOfAllProjectsSendNoProjectOrStage() throws Exception {
        server.enqueue(Reply.json("[]"));

        assertTrue(client().activeAlerts(AlertScope.all()).isEmpty());

        assertEquals("status=active&page=1&per_page=100", server.onlyRequest().rawQuery);
    }

    @Test
    public void queryValuesAreEncoded() throws Exception {
        server.enqueue(
                Reply.json("{\"count\": 1, \"next\": null, \"results\": [{\"id\": 3, \"name\": \"Магазин & co=1\"}]}"));

        List<Project> projects = client().searchProjects(" Магазин & co=1+x ");

        Recorded request = server.onlyRequest();
        assertEquals("/api/projects/", request.path);
        assertEquals(
                "search=%D0%9C%D0%B0%D0%B3%D0%B0%D0%B7%D0%B8%D0%BD%20%26%20co%3D1%2Bx&page=1&per_page=100",
                request.rawQuery);
        assertEquals("Магазин & co=1+x", request.query.get("search"));
        assertEquals(List.of(new Project("3", "Магазин & co=1")), projects);
    }

    @Test
    public void aProjectIsReadByItsId() throws Exception {
        server.enqueue(Reply.json("{\"id\": 42, \"name\": \"billing\"}"));

        assertEquals(new Project("42", "billing"), client().project(" 42 "));
        assertEquals("/api/projects/42/", server.onlyRequest().path);
    }

    @Test
    public void anUnknownProjectIdIsABadConfigurationNotAMissingApi() throws Exception {
        server.enqueue(Reply.status(404));

        CodescoringException e = failure(ErrorKind.BAD_CONFIGURATION, () -> client().project("999"));
        assertTrue(e.getMessage(), e.getMessage().contains("no project with id 999"));
    }

    @Test
    public void aProjectIdIsANumber() throws Exception {
        failure(ErrorKind.BAD_CONFIGURATION, () -> client().project("../policies"));
        assertTrue(server.requests().isEmpty());
    }

    @Test
    public void searchingForNoNameIsABadConfiguration() throws Exception {
        failure(ErrorKind.BAD_CONFIGURATION, () -> client().searchProjects(" "));
        assertTrue(server.requests().isEmpty());
    }

    @Test
    public void policiesAreRead() throws Exception {
        server.enqueue(
                Reply.json(
                        "{\"count\": 3, \"next\": null, \"results\": ["
                                + "{\"id\": 1, \"name\": \"Blocker\", \"level\": \"critical\", \"is_active\": true, \"is_blocks_build\": true},"
                                + "{\"id\": 2, \"name\": \"Old\", \"level\": \"info\", \"is_active\": \"False\", \"is_blocks_build\": \"True\"},"
                                + "{\"id\": 3, \"name\": \"Warn\", \"level\": \"warning\", \"is_blocks_build\": 0, \"stages\": [\"build\"]}]}"));

        List<Policy> policies = client().policies();

        assertEquals("/api/policies/", server.onlyRequest().path);
        assertEquals("page=1&per_page=100", server.onlyRequest().rawQuery);
        assertEquals(
                List.of(
                        new Policy("1", "Blocker", "critical", true, true),
                        new Policy("2", "Old", "info", false, true),
                        new Policy("3", "Warn", "warning", true, false)),
                policies);
    }

    @Test
    public void checkConnectionAsksForOnePolicy() throws Exception {
        server.enqueue(
                Reply.json("{\"count\": 0, \"next\": null, \"results\": []}"),
                Reply.json("[]"),
                Reply.json("{\"detail\": \"hello\"}"));
        CodescoringClient client = client();

        client.checkConnection();
        client.checkConnection();
        failure(ErrorKind.UNREADABLE_RESPONSE, client::checkConnection);

        assertEquals("/api/policies/", server.requests().get(0).path);
        assertEquals("page=1&per_page=1", server.requests().get(0).rawQuery);
    }

    @Test
    public void overriddenPathsAreUsed() throws Exception {
        ApiPaths paths = ApiPaths.fromSettings(
                name -> null, java.util.Map.of("CODESCORING_API_PATH_ANALYSIS_STATUS", "api/v2/status"));
        server.enqueue(Reply.json("{\"status\": \"idle\"}"));

        AnalysisStatus status = builder().paths(paths).build().overallAnalysisStatus();

        assertEquals(RunPhase.NONE, status.phase());
        assertEquals("/api/v2/status/", server.onlyRequest().path);
    }

    @Test
    public void aPlatformUnderASubPathIsServed() throws Exception {
        server.enqueue(Reply.json("[]"));

        CodescoringClient client = CodescoringClient.builder(server.url() + "/codescoring/api/", TOKEN)
                .paths(ApiPaths.defaults())
                .build();
        client.checkConnection();

        assertEquals(server.url() + "/codescoring", client.platformUrl());
        assertEquals("/codescoring/api/policies/", server.onlyRequest().path);
    }

    private static void assertStarted(String runId, StartOutcome outcome) {
        assertTrue(outcome.toString(), outcome.isStarted());
        assertEquals(runId, outcome.runId());
    }
}
