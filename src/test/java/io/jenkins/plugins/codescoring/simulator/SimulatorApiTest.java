package io.jenkins.plugins.codescoring.simulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

/** The contract's read side: token, pagination, lists, shapes, Django's slash and 404 behaviour. */
public class SimulatorApiTest {

    @Rule
    public Timeout timeout = Timeout.seconds(20);

    @Rule
    public final SimulatorRule platform =
            new SimulatorRule("s3cret-token", Duration.ofMillis(20)).staleStatusWindow(Duration.ZERO);

    /** Loads the dataset and runs one successful analysis so that its alerts are published. */
    private void publish(Dataset dataset) throws Exception {
        platform.simulator().load(dataset);
        long before = platform.simulator().analysisStarts();
        platform.client().start();
        JsonNode status = platform.client().awaitStatus("success", Duration.ofSeconds(5));
        assertEquals(101 + before, status.get("id").asLong());
    }

    @Test
    public void baseUrlIsLoopbackWithoutTrailingSlash() {
        assertTrue(platform.simulator().baseUrl().matches("http://127\\.0\\.0\\.1:\\d+"));
        assertEquals("s3cret-token", platform.simulator().token());
    }

    @Test
    public void rejectsMissingAndWrongTokensWith401() throws Exception {
        for (String header : new String[] {null, "Token wrong", "Bearer s3cret-token", "s3cret-token", "Token"}) {
            HttpResponse<String> response =
                    platform.client().withAuthorization(header).get("/api/policies/?page=1&per_page=1");
            assertEquals(String.valueOf(header), 401, response.statusCode());
            assertEquals("{\"detail\":\"Invalid token.\"}", response.body());
            assertEquals(
                    "Token", response.headers().firstValue("WWW-Authenticate").orElse(null));
        }
        assertEquals(
                200,
                platform.client()
                        .withAuthorization("token  s3cret-token")
                        .get("/api/policies/?page=1&per_page=1")
                        .statusCode());
        assertEquals(
                401,
                platform.client()
                        .withAuthorization("Token wrong")
                        .post(SimulatorClient.START)
                        .statusCode());
        assertEquals("a rejected start is no start", 0, platform.simulator().analysisStarts());
    }

    @Test
    public void recordsRequestsWithTheirHeaders() throws Exception {
        platform.client().get("/api/policies/?page=1&per_page=1");
        assertEquals(1, platform.simulator().requestCount());
        RecordedRequest request = platform.simulator().requests().get(0);
        assertEquals("GET", request.method());
        assertEquals("/api/policies/", request.path());
        assertEquals("page=1&per_page=1", request.query());
        assertEquals("1", request.queryParameter("per_page"));
        assertEquals("Token s3cret-token", request.header("authorization"));
        assertEquals("", request.body());
        platform.simulator().clearRequests();
        assertTrue(platform.simulator().requests().isEmpty());
        assertEquals(1, platform.simulator().requestCount());
    }

    @Test
    public void listsRequirePageAndPerPageAndLimitPerPageTo100() throws Exception {
        for (String list :
                new String[] {"/api/alerts/?status=active", "/api/policies/?", "/api/projects/?search=shop"}) {
            assertEquals(list, 400, platform.client().get(list + "&page=1").statusCode());
            assertEquals(list, 400, platform.client().get(list + "&per_page=10").statusCode());
            HttpResponse<String> tooMany = platform.client().get(list + "&page=1&per_page=101");
            assertEquals(400, tooMany.statusCode());
            assertEquals("{\"detail\":\"per_page must not exceed 100\"}", tooMany.body());
            assertEquals(
                    200, platform.client().get(list + "&page=1&per_page=100").statusCode());
        }
        assertEquals(
                400, platform.client().get("/api/policies/?page=1&per_page=0").statusCode());
        assertEquals(
                404, platform.client().get("/api/policies/?page=0&per_page=10").statusCode());
        assertEquals(
                404, platform.client().get("/api/policies/?page=2&per_page=100").statusCode());
    }

    @Test
    public void alertsAreEmptyBeforeAnySuccessfulAnalysis() throws Exception {
        platform.simulator().load(Dataset.blocking());
        JsonNode page = platform.client().json("/api/alerts/?status=active&page=1&per_page=100");
        assertEquals(0, page.get("count").asInt());
        assertTrue(page.get("next").isNull());
        assertEquals(0, page.get("results").size());
    }

    @Test
    public void walksAllPagesThroughAbsoluteNextLinks() throws Exception {
        publish(Dataset.manyPages(250));
        List<JsonNode> alerts = new ArrayList<>();
        String next = platform.simulator().baseUrl() + "/api/alerts/?status=active&page=1&per_page=100";
        int pages = 0;
        while (next != null) {
            assertTrue(next, next.startsWith(platform.simulator().baseUrl() + "/api/alerts/?"));
            JsonNode page = platform.client()
                    .json(next.substring(platform.simulator().baseUrl().length()));
            assertEquals(250, page.get("count").asInt());
            page.get("results").forEach(alerts::add);
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(250, alerts.size());
        Set<Long> ids = new HashSet<>();
        alerts.forEach(alert -> ids.add(alert.get("id").asLong()));
        assertEquals(250, ids.size());
        long blocking = alerts.stream()
                .filter(alert -> alert.get("policy").get("is_blocks_build").asBoolean())
                .count();
        assertEquals(2, blocking);
        JsonNode third = platform.client().json("/api/alerts/?status=active&page=3&per_page=100");
        assertEquals(
                platform.simulator().baseUrl() + "/api/alerts/?status=active&page=2&per_page=100",
                third.get("previous").asText());
    }

    @Test
    public void linksAreBuiltOnTheHostHeaderEvenAMalformedOne() throws Exception {
        URI base = URI.create(platform.simulator().baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/policies/?page=1&per_page=1 HTTP/1.1\r\nHost: [::1\r\n"
                            + "Authorization: Token s3cret-token\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer, answer.startsWith("HTTP/1.1 200 "));
            assertTrue(answer, answer.contains("\"next\":\"http://[::1/api/policies/?page=2&per_page=1\""));
        }
    }

    @Test
    public void alertCarriesEveryContractField() throws Exception {
        publish(Dataset.blocking());
        JsonNode alert = platform.client()
                .json("/api/alerts/?status=active&page=1&per_page=1")
                .get("results")
                .get(0);
        assertEquals("critical", alert.get("level").asText());
        JsonNode policy = alert.get("policy");
        assertEquals(1, policy.get("id").asLong());
        assertTrue(policy.get("is_blocks_build").isBoolean());
        assertTrue(policy.get("is_active").asBoolean());
        assertNotNull(policy.get("name").asText());
        assertEquals("shop", alert.get("project").get("name").asText());
        assertEquals("build", alert.get("stage").asText());
        assertEquals(
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                alert.get("dependency_purl").asText());
        assertEquals("CVE-2021-44228", alert.get("vulnerability").asText());
        assertEquals(
                "log4j-core@2.14.1 has CVE-2021-44228, CVSS3 Score 10.0 >= 7.00",
                alert.get("matched_criteria").get(0).asText());
        assertFalse(alert.get("is_ignored").asBoolean());
        assertTrue(alert.get("block_delayed_until").isNull());
    }

    @Test
    public void delayedAlertCarriesAnOffsetTimestamp() throws Exception {
        publish(Dataset.delayedBlocker());
        JsonNode alert = platform.client()
                .json("/api/alerts/?status=active&page=1&per_page=10")
                .get("results")
                .get(0);
        assertTrue(
                alert.get("block_delayed_until").asText(),
                alert.get("block_delayed_until")
                        .asText()
                        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+03:00"));
    }

    @Test
    public void policyByIdAlertsCarryOnlyThePolicyId() throws Exception {
        publish(Dataset.policyById());
        JsonNode alert = platform.client()
                .json("/api/alerts/?status=active&page=1&per_page=10")
                .get("results")
                .get(0);
        assertTrue(alert.get("policy").isNumber());
        JsonNode policies = platform.client().json("/api/policies/?page=1&per_page=100");
        JsonNode policy = policies.get("results").get(0);
        assertEquals(alert.get("policy").asLong(), policy.get("id").asLong());
        assertTrue(policy.get("is_blocks_build").asBoolean());
        assertTrue(policy.get("stages").isArray());
        assertTrue(policy.has("description"));
    }

    @Test
    public void filtersAlertsByProjectStageAndStatus() throws Exception {
        publish(Dataset.severalProjects());
        assertEquals(
                6,
                platform.client()
                        .json("/api/alerts/?status=active&page=1&per_page=100")
                        .get("count")
                        .asInt());
        JsonNode billing = platform.client().json("/api/alerts/?status=active&page=1&per_page=100&project=3");
        assertEquals(2, billing.get("count").asInt());
        JsonNode billingProd =
                platform.client().json("/api/alerts/?status=active&page=1&per_page=100&project=3&stage=prod");
        assertEquals(1, billingProd.get("count").asInt());
        assertEquals("prod", billingProd.get("results").get(0).get("stage").asText());
        assertTrue(billingProd.get("next").isNull());
        assertEquals(
                0,
                platform.client()
                        .json("/api/alerts/?status=resolved&page=1&per_page=100")
                        .get("count")
                        .asInt());
        assertEquals(
                400,
                platform.client()
                        .get("/api/alerts/?status=active&page=1&per_page=100&stage=nightly")
                        .statusCode());
        assertEquals(
                400,
                platform.client()
                        .get("/api/alerts/?status=active&page=1&per_page=100&project=shop")
                        .statusCode());
    }

    @Test
    public void ignoredAlertsAreListedAsActiveWithTheirFlag() throws Exception {
        publish(Dataset.ignoredAlert());
        JsonNode active = platform.client().json("/api/alerts/?status=active&page=1&per_page=100");
        assertEquals(2, active.get("count").asInt());
        assertTrue(active.get("results").get(0).get("is_ignored").asBoolean());
        assertEquals(
                1,
                platform.client()
                        .json("/api/alerts/?status=ignored&page=1&per_page=100")
                        .get("count")
                        .asInt());
    }

    @Test
    public void searchesProjectsCaseInsensitivelyAndServesOne() throws Exception {
        platform.simulator().load(Dataset.severalProjects());
        JsonNode shops = platform.client().json("/api/projects/?search=SHOP&page=1&per_page=100");
        assertEquals(2, shops.get("count").asInt());
        assertEquals("shop", shops.get("results").get(0).get("name").asText());
        assertEquals("shop-backend", shops.get("results").get(1).get("name").asText());
        assertEquals(
                1,
                platform.client()
                        .json("/api/projects/?search=inventory%20serv&page=1&per_page=100")
                        .get("count")
                        .asInt());
        assertEquals(
                4,
                platform.client()
                        .json("/api/projects/?page=1&per_page=100")
                        .get("count")
                        .asInt());
        assertEquals(
                "billing",
                platform.client().json("/api/projects/3/").get("name").asText());
        HttpResponse<String> missing = platform.client().get("/api/projects/99/");
        assertEquals(404, missing.statusCode());
        assertEquals("{\"detail\":\"Not found.\"}", missing.body());
    }

    @Test
    public void policiesAndProjectsAreServedLive() throws Exception {
        platform.simulator()
                .load(Dataset.builder("one")
                        .policy(7, "Only", "info", true, false)
                        .project(9, "solo")
                        .build());
        assertEquals(
                1,
                platform.client()
                        .json("/api/policies/?page=1&per_page=100")
                        .get("count")
                        .asInt());
        assertEquals(
                "solo", platform.client().json("/api/projects/9/").get("name").asText());
    }

    @Test
    public void legacyBooleansAreRenderedAsStrings() throws Exception {
        publish(Dataset.blocking());
        platform.simulator().setLegacyBooleans(true);
        JsonNode alert = platform.client()
                .json("/api/alerts/?status=active&page=1&per_page=1")
                .get("results")
                .get(0);
        assertEquals("True", alert.get("policy").get("is_blocks_build").textValue());
        assertEquals("True", alert.get("policy").get("is_active").textValue());
        assertEquals("False", alert.get("is_ignored").textValue());
        JsonNode policy = platform.client()
                .json("/api/policies/?page=1&per_page=1")
                .get("results")
                .get(0);
        assertEquals("True", policy.get("is_blocks_build").textValue());
        platform.simulator().setLegacyBooleans(false);
        assertTrue(platform.client()
                .json("/api/policies/?page=1&per_page=1")
                .get("results")
                .get(0)
                .get("is_active")
                .isBoolean());
    }

    @Test
    public void redirectsKnownPathsWithoutTrailingSlashKeepingTheQuery() throws Exception {
        HttpResponse<String> redirect = platform.client().get("/api/alerts?status=active&page=1&per_page=100");
        assertEquals(301, redirect.statusCode());
        assertEquals(
                "/api/alerts/?status=active&page=1&per_page=100",
                redirect.headers().firstValue("Location").orElse(null));
        assertEquals(
                301,
                platform.client()
                        .withAuthorization(null)
                        .post("/api/analyses/overall_sca/start")
                        .statusCode());
        assertEquals(
                "/api/projects/3/",
                platform.client()
                        .get("/api/projects/3")
                        .headers()
                        .firstValue("Location")
                        .orElse(null));
        assertEquals(0, platform.simulator().analysisStarts());
    }

    @Test
    public void unknownPathsAre404JsonUnderApiAndHtmlElsewhere() throws Exception {
        HttpResponse<String> api = platform.client().withAuthorization(null).get("/api/policy_alerts/");
        assertEquals(404, api.statusCode());
        assertEquals("{\"detail\":\"Not found.\"}", api.body());
        assertEquals(
                "application/json", api.headers().firstValue("Content-Type").orElse(null));
        HttpResponse<String> page = platform.client().get("/codescoring/");
        assertEquals(404, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals(404, platform.client().get("/api/projects/abc/").statusCode());
    }

    @Test
    public void wrongMethodIs405() throws Exception {
        assertEquals(405, platform.client().get(SimulatorClient.START).statusCode());
        assertEquals(405, platform.client().post(SimulatorClient.STATUS).statusCode());
        assertEquals(0, platform.simulator().analysisStarts());
    }
}
