package io.jenkins.plugins.codescoring.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.TestServer.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.Test;

/** How each kind of failed answer becomes a typed, token-free error. */
public class ClientErrorMappingTest extends ClientFixture {

    @Test
    public void unauthorizedIsATokenRejection() throws Exception {
        server.enqueue(Reply.json(401, "{\"detail\": \"Invalid token.\"}"));

        CodescoringException e = failure(ErrorKind.TOKEN_REJECTED, () -> client().checkConnection());

        assertTrue(e.getMessage(), e.getMessage().contains("rejected the API token (HTTP 401)"));
        assertTrue(e.getMessage(), e.getMessage().contains("GET /api/policies/"));
        assertTrue(e.getMessage(), e.getMessage().contains(server.url()));
        assertEquals("401 is not retried", 1, server.requests().size());
    }

    @Test
    public void forbiddenIsATokenWithoutRights() throws Exception {
        server.enqueue(Reply.json(403, "{\"detail\": \"You do not have permission to perform this action.\"}"));

        CodescoringException e = failure(ErrorKind.TOKEN_REJECTED, () -> client().activeAlerts(AlertScope.all()));

        assertTrue(e.getMessage(), e.getMessage().contains("the token's user may not"));
        assertTrue(e.getMessage(), e.getMessage().contains("HTTP 403"));
        assertTrue(e.getMessage(), e.getMessage().contains("You do not have permission"));
    }

    @Test
    public void notFoundIsNotTheApi() throws Exception {
        server.enqueue(Reply.status(404).header("Content-Type", "text/html").body("<h1>Not Found</h1>"));

        CodescoringException e = failure(ErrorKind.NOT_CODESCORING_API, () -> client().overallAnalysisStatus());

        assertTrue(e.getMessage(), e.getMessage().contains("GET /api/analyses/overall_sca/status/ with HTTP 404"));
    }

    @Test
    public void anHtmlPageInsteadOfJsonIsNotTheApi() throws Exception {
        server.enqueue(
                Reply.status(200)
                        .header("Content-Type", "text/html; charset=utf-8")
                        .body("<!DOCTYPE html><title>Sign in</title>"),
                Reply.json("  <html>proxy</html>"));
        CodescoringClient client = client();

        CodescoringException byType = failure(ErrorKind.NOT_CODESCORING_API, client::policies);
        assertTrue(
                byType.getMessage(),
                byType.getMessage().contains("answered GET /api/policies/ with an HTML page, not JSON"));
        assertTrue(
                byType.getMessage(),
                byType.getMessage().contains("a login page or a proxy may answer instead of CodeScoring"));
        failure(ErrorKind.NOT_CODESCORING_API, client::policies);
    }

    @Test
    public void brokenJsonIsUnreadableWithStatusTypeAndARedactedExcerpt() throws Exception {
        server.enqueue(Reply.status(200)
                .header("Content-Type", "application/json")
                .body("{\"echo\": \"Authorization: Token " + TOKEN + "\", \"token\": \"" + TOKEN + "\", oops"));

        CodescoringException e = failure(ErrorKind.UNREADABLE_RESPONSE, () -> client().overallAnalysisStatus());

        assertTrue(e.getMessage(), e.getMessage().contains("HTTP 200, application/json"));
        assertTrue(e.getMessage(), e.getMessage().contains("not valid JSON"));
        assertTrue(e.getMessage(), e.getMessage().contains("The answer began with: {\"echo\": \"Authorization: ****"));
    }

    @Test
    public void theExcerptIsShortAndNeverCutsTheTokenInHalf() throws Exception {
        String filler = "x".repeat(180);
        server.enqueue(Reply.status(200)
                .header("Content-Type", "text/plain")
                .body(filler + " " + TOKEN + " " + "y".repeat(5000)));

        CodescoringException e = failure(ErrorKind.UNREADABLE_RESPONSE, () -> client().overallAnalysisStatus());

        String excerpt = e.getMessage().substring(e.getMessage().indexOf("began with: ") + "began with: ".length());
        assertTrue(excerpt, excerpt.length() <= Failures.EXCERPT_LENGTH + 1);
        assertTrue(excerpt, excerpt.contains(" ****"));
        assertFalse(excerpt, excerpt.contains(TOKEN.substring(0, 4)));
    }

    @Test
    public void aTokenFarIntoTheAnswerIsNotHalfShownOnceTheWhitespaceBeforeItIsCollapsed() throws Exception {
        // The token straddles the end of the part of the body that is redacted with every pattern.
        server.enqueue(
                Reply.status(200).header("Content-Type", "text/plain").body(" ".repeat(16_384 - 20) + TOKEN + " tail"));

        CodescoringException e = failure(ErrorKind.UNREADABLE_RESPONSE, () -> client().overallAnalysisStatus());

        assertTrue(e.getMessage(), e.getMessage().contains("The answer began with: ****"));
        assertFalse(e.getMessage(), e.getMessage().contains(TOKEN.substring(0, 4)));
    }

    @Test
    public void anEchoedAuthorizationHeaderInAnErrorIsRedacted() throws Exception {
        server.enqueue(
                Reply.json(
                        400, "{\"detail\": \"bad header\", \"headers\": {\"Authorization\": \"Token " + TOKEN + "\"}}"),
                Reply.status(422).header("Content-Type", "text/plain").body("Request had authorization=Token " + TOKEN),
                Reply.json(500, "{\"detail\": \"crash for token " + TOKEN + "\"}"));
        CodescoringClient client = client().withDeadline(clock.instant());

        CodescoringException detail = failure(ErrorKind.REQUEST_REJECTED, client::policies);
        assertTrue(detail.getMessage(), detail.getMessage().contains("The platform said: bad header"));
        CodescoringException raw = failure(ErrorKind.REQUEST_REJECTED, client::policies);
        assertTrue(raw.getMessage(), raw.getMessage().contains("HTTP 422"));
        assertTrue(raw.getMessage(), raw.getMessage().contains("authorization=****"));
        CodescoringException server = failure(ErrorKind.SERVER_ERROR, client::policies);
        assertTrue(server.getMessage(), server.getMessage().contains("crash for token ****"));
    }

    @Test
    public void otherClientErrorsAreRejectionsWithTheShortDetail() throws Exception {
        server.enqueue(
                Reply.json(400, "{\"per_page\": [\"Ensure this value is less than or equal to 100.\"]}"),
                Reply.json(405, "{\"detail\": \"" + "z".repeat(1000) + "\"}"));
        CodescoringClient client = client();

        CodescoringException fields = failure(ErrorKind.REQUEST_REJECTED, client::policies);
        assertTrue(fields.getMessage(), fields.getMessage().contains("rejected GET /api/policies/ (HTTP 400)"));
        assertTrue(fields.getMessage(), fields.getMessage().contains("less than or equal to 100"));
        CodescoringException longDetail = failure(ErrorKind.REQUEST_REJECTED, client::policies);
        assertTrue(longDetail.getMessage(), longDetail.getMessage().contains("z".repeat(200) + "…"));
        assertFalse(longDetail.getMessage(), longDetail.getMessage().contains("z".repeat(201)));
    }

    @Test
    public void internalServerErrorIsNotRetried() throws Exception {
        server.enqueue(Reply.json(500, "{\"detail\": \"Internal Server Error\"}"));

        CodescoringException e = failure(ErrorKind.SERVER_ERROR, () -> client().policies());

        assertTrue(e.getMessage(), e.getMessage().contains("failed on GET /api/policies/ (HTTP 500)"));
        assertEquals(1, server.requests().size());
        assertTrue(clock.sleeps().isEmpty());
    }

    @Test
    public void wronglyShapedJsonIsUnreadable() throws Exception {
        server.enqueue(
                Reply.json("\"just text\""), Reply.json("{\"results\": {\"id\": 1}}"), Reply.json("{\"items\": []}"));
        CodescoringClient client = client();

        failure(ErrorKind.UNREADABLE_RESPONSE, client::overallAnalysisStatus);
        CodescoringException notAList = failure(ErrorKind.UNREADABLE_RESPONSE, client::policies);
        assertTrue(notAList.getMessage(), notAList.getMessage().contains("\"results\" is not a list"));
        CodescoringException noResults = failure(ErrorKind.UNREADABLE_RESPONSE, client::policies);
        assertTrue(noResults.getMessage(), noResults.getMessage().contains("neither a list nor a page"));
    }

    @Test
    public void anEmptySuccessfulAnswerToARead_isUnreadable() throws Exception {
        server.enqueue(Reply.status(200));

        CodescoringException e = failure(ErrorKind.UNREADABLE_RESPONSE, () -> client().overallAnalysisStatus());

        assertTrue(e.getMessage(), e.getMessage().contains("The answer was empty."));
    }

    @Test
    public void deeplyNestedJsonIsRefused() throws Exception {
        server.enqueue(Reply.json("[".repeat(5000) + "]".repeat(5000)));

        CodescoringException e = failure(ErrorKind.UNREADABLE_RESPONSE, () -> client().policies());

        assertTrue(e.getMessage(), e.getMessage().contains("nested too deeply"));
    }

    @Test
    public void anOverlongTextIsRefused() throws Exception {
        server.enqueue(Reply.json("[{\"id\": 1, \"name\": \"" + "n".repeat(Json.MAX_STRING_LENGTH + 1) + "\"}]"));

        CodescoringException e = failure(ErrorKind.UNREADABLE_RESPONSE, () -> client().policies());

        assertTrue(e.getMessage(), e.getMessage().contains("overlong text"));
    }

    @Test
    public void contradictingDuplicateFieldsAreRefused() throws Exception {
        server.enqueue(Reply.json("[{\"id\": 1, \"is_blocks_build\": true, \"is_blocks_build\": false}]"));

        failure(ErrorKind.UNREADABLE_RESPONSE, () -> client().policies());
    }

    @Test
    public void anAlertWithoutPolicyIsNamedNotSkipped() throws Exception {
        server.enqueue(
                Reply.json("{\"count\": 2, \"next\": null, \"results\": [{\"id\": 1, \"policy\": 3}, {\"id\": 2}]}"));

        CodescoringException e = failure(ErrorKind.UNREADABLE_RESPONSE, () -> client().activeAlerts(AlertScope.all()));

        assertTrue(e.getMessage(), e.getMessage().contains("page 1, item 2: alert 2 has no \"policy\""));
    }

    @Test
    public void aRefusedConnectionIsUnreachableAfterRetries() throws Exception {
        int closedPort = aClosedPort();
        CodescoringClient client = clientOnLoopback(closedPort);

        CodescoringException e = failure(ErrorKind.UNREACHABLE, client::checkConnection);

        assertTrue(
                e.getMessage(),
                e.getMessage().contains("Could not connect to the platform at http://127.0.0.1:" + closedPort));
        assertTrue(e.getMessage(), e.getMessage().contains("4 attempts"));
        assertTrue(
                e.getMessage(),
                e.getMessage().contains("the connection was refused or could not be made (ConnectException)"));
        assertEquals(3, clock.sleeps().size());
    }

    @Test
    public void aStartIsRetriedWhenTheConnectionWasNeverMade() throws Exception {
        CodescoringClient client = clientOnLoopback(aClosedPort());

        failure(ErrorKind.UNREACHABLE, client::startOverallAnalysis);

        assertEquals(3, clock.sleeps().size());
    }

    @Test
    public void aCertificateFromAnUntrustedAuthorityIsATlsFailureNotRetried() throws Exception {
        // What customers with a private CA meet: a real TLS server whose certificate Java does not trust.
        try (UntrustedHttpsServer https = UntrustedHttpsServer.start()) {
            CodescoringClient client = CodescoringClient.builder(https.url(), TOKEN)
                    .paths(ApiPaths.defaults())
                    .sleeper(clock.sleeper())
                    .clock(clock)
                    .requestTimeout(Duration.ofSeconds(10))
                    .build();

            CodescoringException e = failure(ErrorKind.TLS_FAILURE, client::checkConnection);

            assertTrue(e.getMessage(), e.getMessage().contains("certificate is not trusted"));
            assertTrue(e.getMessage(), e.getMessage().contains("SSLHandshakeException"));
            assertTrue(clock.sleeps().isEmpty());
            assertEquals("the handshake failed before any request was sent", 0, https.requests());
        }
    }

    @Test
    public void noAnswerInTimeIsRetriedForReadsThenATimeout() throws Exception {
        server.otherwise(request -> Reply.json("[]").delay(10_000));
        CodescoringClient client = builder()
                .requestTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(2))
                .build();

        CodescoringException e = failure(ErrorKind.TIMEOUT, client::checkConnection);

        assertTrue(
                e.getMessage(),
                e.getMessage().contains("gave no answer within 200 ms to GET /api/policies/ (2 attempts)"));
        assertEquals(2, server.requests().size());
    }

    @Test
    public void noAnswerInTimeToAStartIsNotRetried() throws Exception {
        server.otherwise(request -> Reply.json("{}").delay(10_000));
        CodescoringClient client =
                builder().requestTimeout(Duration.ofMillis(200)).build();

        CodescoringException e = failure(ErrorKind.TIMEOUT, client::startOverallAnalysis);

        assertTrue(e.getMessage(), e.getMessage().contains("may have reached the platform, so it was not repeated"));
        assertEquals(1, server.requests().size());
        assertTrue(clock.sleeps().isEmpty());
    }

    @Test
    public void aConnectionDroppedMidAnswerIsRetriedForReadsThenUnreachable() throws Exception {
        server.otherwise(request -> Reply.json("[{\"id\": 1,").dropMidBody());
        CodescoringClient client = client();

        CodescoringException e = failure(ErrorKind.UNREACHABLE, client::policies);

        assertTrue(e.getMessage(), e.getMessage().contains("broke during GET /api/policies/ (4 attempts"));
        assertEquals(4, server.requests().size());
    }

    @Test
    public void aConnectionDroppedMidStartIsNotRetried() throws Exception {
        server.otherwise(request -> Reply.json("{\"id\": 1,").dropMidBody());

        failure(ErrorKind.UNREACHABLE, () -> client().startOverallAnalysis());

        assertEquals(1, server.requests().size());
    }

    /** A loopback port that was free a moment ago, so nothing listens on it. */
    private static int aClosedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A client of that loopback port on the test clock, retrying as in production but without jitter. */
    private CodescoringClient clientOnLoopback(int port) throws CodescoringException {
        return CodescoringClient.builder("http://127.0.0.1:" + port, TOKEN)
                .paths(ApiPaths.defaults())
                .sleeper(clock.sleeper())
                .clock(clock)
                .retryPolicy(RetryPolicy.defaults().withJitter(0))
                .build();
    }
}
