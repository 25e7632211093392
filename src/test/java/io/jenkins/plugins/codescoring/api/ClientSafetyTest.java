package io.jenkins.plugins.codescoring.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jenkins.plugins.codescoring.api.TestServer.Reply;
import java.net.http.HttpClient;
import java.util.Map;
import org.junit.Test;

/** The token goes nowhere but the platform, answers cannot exhaust memory, configuration is checked. */
public class ClientSafetyTest extends ClientFixture {

    @Test
    public void aRedirectIsNotFollowedAndTheTargetNeverSeesTheToken() throws Exception {
        try (TestServer elsewhere = new TestServer()) {
            elsewhere.otherwise(request -> Reply.json("[]"));
            server.otherwise(
                    request -> Reply.status(302).header("Location", elsewhere.url() + "/api/policies/?token=" + TOKEN));
            CodescoringClient client = client();

            CodescoringException read = failure(ErrorKind.REDIRECTED, client::checkConnection);
            failure(ErrorKind.REDIRECTED, client::startOverallAnalysis);

            assertEquals(
                    "The platform at " + server.url() + " redirected GET /api/policies/ to " + elsewhere.url()
                            + "/api/policies/ (HTTP 302). The token is not sent to redirect targets.",
                    read.getMessage());
            assertEquals(elsewhere.url() + "/api/policies/", read.redirectTarget());
            assertTrue(elsewhere.requests().isEmpty());
            assertEquals("redirects are not retried", 2, server.requests().size());
        }
    }

    @Test
    public void aRelativeRedirectIsNamedWithoutItsQuery() throws Exception {
        server.enqueue(Reply.status(301).header("Location", "/accounts/login/?next=/api/alerts/"));

        CodescoringException e = failure(ErrorKind.REDIRECTED, () -> client().activeAlerts(AlertScope.all()));

        assertTrue(
                e.getMessage(),
                e.getMessage()
                        .contains("redirected GET /api/alerts/ to " + server.url() + "/accounts/login/ (HTTP 301)"));
        assertEquals(server.url() + "/accounts/login/", e.redirectTarget());
    }

    @Test
    public void aRedirectWithoutLocationNamesNoTarget() throws Exception {
        server.enqueue(Reply.status(302));

        CodescoringException e = failure(ErrorKind.REDIRECTED, () -> client().activeAlerts(AlertScope.all()));

        assertEquals(null, e.redirectTarget());
        assertTrue(e.getMessage(), e.getMessage().contains("an address it did not name or that is invalid"));
    }

    @Test
    public void anHttpClientThatFollowsRedirectsIsRefused() throws Exception {
        try {
            CodescoringClient.builder(server.url(), TOKEN)
                    .httpClient(HttpClient.newBuilder()
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build());
            fail("a redirect-following client would carry the token to other hosts");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("NEVER"));
        }
        server.enqueue(Reply.json("[]"));
        builder()
                .httpClient(HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build())
                .build()
                .checkConnection();
        assertEquals(1, server.requests().size());
    }

    @Test
    public void aHugeAnswerWithContentLengthIsRefusedUnread() throws Exception {
        server.enqueue(
                Reply.status(200).header("Content-Type", "application/json").hugeBody(10L << 20, true));
        long start = System.nanoTime();

        CodescoringException e = failure(ErrorKind.UNREADABLE_RESPONSE, () -> client().policies());

        assertTrue(e.getMessage(), e.getMessage().contains("with more than 4 MiB (HTTP 200)"));
        assertFast(start);
    }

    @Test
    public void aHugeStreamedAnswerIsCutAtTheLimit() throws Exception {
        server.enqueue(
                Reply.status(200).header("Content-Type", "application/json").hugeBody(10L << 20, false));
        long start = System.nanoTime();

        failure(ErrorKind.UNREADABLE_RESPONSE, () -> client().policies());

        assertFast(start);
    }

    @Test
    public void theLimitCanBeSet() throws Exception {
        String small = "[" + "1,".repeat(400) + "1]";
        server.enqueue(Reply.json(small), Reply.json("[" + "1,".repeat(1200) + "1]"));
        CodescoringClient client = builder().maxResponseBytes(2048).build();

        client.checkConnection();
        CodescoringException e = failure(ErrorKind.UNREADABLE_RESPONSE, client::checkConnection);
        assertTrue(e.getMessage(), e.getMessage().contains("more than 2 KiB"));
    }

    @Test
    public void aHugeErrorPageIsReadOnlyForItsBeginning() throws Exception {
        server.enqueue(Reply.status(500).header("Content-Type", "text/plain").hugeBody(10L << 20, false));
        long start = System.nanoTime();

        failure(ErrorKind.SERVER_ERROR, () -> client().policies());

        assertFast(start);
    }

    @Test
    public void toStringAndPlatformUrlHoldNoToken() throws Exception {
        CodescoringClient client = CodescoringClient.builder(" https://CS.Example.com:8443/api/ ", TOKEN)
                .build();

        assertEquals("https://cs.example.com:8443", client.platformUrl());
        assertEquals("CodescoringClient[https://cs.example.com:8443]", client.toString());
        assertNoToken(client.withDeadline(java.time.Instant.EPOCH).toString());
    }

    @Test
    public void invalidConfigurationIsReportedWithoutEchoingSecrets() throws Exception {
        failure(ErrorKind.BAD_CONFIGURATION, () -> CodescoringClient.builder("ftp://cs.example.com", TOKEN)
                .build());
        failure(ErrorKind.BAD_CONFIGURATION, () -> CodescoringClient.builder(null, TOKEN)
                .build());
        failure(ErrorKind.BAD_CONFIGURATION, () -> CodescoringClient.builder("https://cs.example.com", " ")
                .build());
        failure(ErrorKind.BAD_CONFIGURATION, () -> CodescoringClient.builder("https://cs.example.com", null)
                .build());
        CodescoringException lineBreak = failure(ErrorKind.BAD_CONFIGURATION, () -> CodescoringClient.builder(
                        "https://cs.example.com", TOKEN + "\nX-Evil: 1")
                .build());
        assertTrue(lineBreak.getMessage(), lineBreak.getMessage().contains("line breaks"));
        CodescoringException userInfo = failure(ErrorKind.BAD_CONFIGURATION, () -> CodescoringClient.builder(
                        "https://admin:" + TOKEN + "@cs.example.com", "t0ken")
                .build());
        assertFalse(userInfo.getMessage(), userInfo.getMessage().contains("admin"));
    }

    @Test
    public void aTokenWithSurroundingWhitespaceIsTrimmed() throws Exception {
        server.enqueue(Reply.json("[]"));

        CodescoringClient.builder(server.url(), "  " + TOKEN + "\n")
                .paths(ApiPaths.defaults())
                .build()
                .checkConnection();

        assertEquals("Token " + TOKEN, server.onlyRequest().header("Authorization"));
    }

    @Test
    public void anInvalidPathOverrideIsABadConfiguration() throws Exception {
        ApiPaths spaced = ApiPaths.fromSettings(name -> null, Map.of("CODESCORING_API_PATH_ALERTS", "/api/my alerts/"));
        ApiPaths withQuery =
                ApiPaths.fromSettings(name -> null, Map.of("CODESCORING_API_PATH_POLICIES", "/api/policies/?x=1"));

        CodescoringException e = failure(
                ErrorKind.BAD_CONFIGURATION, () -> builder().paths(spaced).build());
        assertTrue(e.getMessage(), e.getMessage().contains("CODESCORING_API_PATH_ALERTS"));
        failure(ErrorKind.BAD_CONFIGURATION, () -> builder().paths(withQuery).build());
    }

    @Test
    public void aPathOverrideCannotNameAnotherHost() throws Exception {
        ApiPaths sneaky = ApiPaths.fromSettings(
                name -> null, Map.of("CODESCORING_API_PATH_POLICIES", "//evil.example.com/api/policies/"));

        failure(ErrorKind.BAD_CONFIGURATION, () -> builder().paths(sneaky).build());
        assertTrue(server.requests().isEmpty());
    }

    private static void assertFast(long startNanos) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        assertTrue("took " + millis + " ms", millis < 3000);
    }
}
