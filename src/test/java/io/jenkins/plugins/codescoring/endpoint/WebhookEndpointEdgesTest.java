package io.jenkins.plugins.codescoring.endpoint;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.Assert.assertEquals;

import com.cloudbees.plugins.credentials.CredentialsScope;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.TestPlatforms;
import io.jenkins.plugins.codescoring.config.Platform;
import io.jenkins.plugins.codescoring.webhook.WebhookReceiver;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The edges of the webhook endpoint that its main test does not reach: the Retry-After header of a flood refusal,
 * bodies too long to read (announced or chunked), and paths of more than one segment.
 */
public class WebhookEndpointEdgesTest {
    private static final String TOKEN = "cs-edges-webhook-token-0123456789";
    private static final String EMPTY_BATCH = "{\"events\":[]}";

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Before
    public void platformWithAWebhookToken() throws Exception {
        TestCredentials.addToRoot(TestCredentials.secretText(CredentialsScope.SYSTEM, "edges-webhook", TOKEN));
        // Platform names of this class only: the endpoint's flood guard is static and outlives a test.
        for (String name : new String[] {"edges", "edges-flood"}) {
            TestPlatforms.add(name, "http://127.0.0.1:9/", TestCredentials.GLOBAL_ID)
                    .setWebhookCredentialsId("edges-webhook");
        }
        TestPlatforms.save();
    }

    private URI endpoint(String path) throws Exception {
        return new URI(r.getURL() + Platform.WEBHOOK_PATH + "/" + path);
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(endpoint(path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header(CodescoringWebhookEndpoint.TOKEN_HEADER, TOKEN)
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    public void aFloodRefusalSaysWhenToRetryInItsHeader() throws Exception {
        for (int i = 0; i < WebhookReceiver.DELIVERIES_PER_WINDOW; i++) {
            assertEquals(200, post("edges-flood", EMPTY_BATCH).statusCode());
        }
        HttpResponse<String> refused = post("edges-flood", EMPTY_BATCH);
        assertEquals(429, refused.statusCode());
        String retryAfter = refused.headers()
                .firstValue("Retry-After")
                .orElseThrow(() -> new AssertionError("a 429 without Retry-After: " + refused.headers()));
        long seconds = Long.parseLong(retryAfter);
        assertThat(
                "seconds until the flood window frees a delivery",
                seconds,
                allOf(greaterThan(0L), lessThanOrEqualTo(WebhookReceiver.FLOOD_WINDOW.toSeconds())));
        assertThat("the body says the same", refused.body(), containsString("Retry after " + seconds + " s."));
        assertEquals(
                "an accepted delivery has no Retry-After",
                java.util.Optional.empty(),
                post("edges", EMPTY_BATCH).headers().firstValue("Retry-After"));
    }

    @Test
    public void aChunkedBodyOverOneMebibyteIsAcceptedUnread() throws Exception {
        byte[] body = new byte[WebhookReceiver.MAX_BODY_BYTES + 4096];
        Arrays.fill(body, (byte) ' ');
        byte[] start = "{\"events\":[".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        body[body.length - 2] = ']';
        body[body.length - 1] = '}';
        // No length announced: the client sends the body in chunks, and the endpoint can only count what it reads.
        HttpResponse<String> answer =
                post("edges", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertEquals(200, answer.statusCode());
        assertThat(answer.body(), containsString("body is longer than " + WebhookReceiver.MAX_BODY_BYTES + " bytes"));
        HttpResponse<String> small = post(
                "edges",
                HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(EMPTY_BATCH.getBytes(StandardCharsets.UTF_8))));
        assertEquals("a short chunked body is read", 200, small.statusCode());
        assertThat(small.body(), org.hamcrest.Matchers.not(containsString("unread")));
    }

    /**
     * A body announced as longer than 8 MiB is not read at all: the answer comes although the client has sent none of
     * it. Reading or draining it would wait for bytes that never come, until the socket's timeout.
     */
    @Test
    public void aBodyAnnouncedOverEightMebibytesIsAnsweredWithoutBeingRead() throws Exception {
        long announced = DeliveryBody.MAX_DRAINED_BYTES + 1;
        URL url = r.getURL();
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(30_000);
            String request = "POST " + url.getPath() + Platform.WEBHOOK_PATH + "/edges HTTP/1.1\r\n"
                    + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + CodescoringWebhookEndpoint.TOKEN_HEADER + ": " + TOKEN + "\r\n"
                    + "Content-Length: " + announced + "\r\n"
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = readLine(in);
            assertEquals("HTTP/1.1 200 OK", statusLine);
            StringBuilder rest = new StringBuilder();
            byte[] buffer = new byte[4096];
            int read;
            while (!rest.toString().contains(" bytes") && (read = in.read(buffer)) > 0) {
                rest.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
            assertThat(
                    rest.toString(),
                    containsString("body is longer than " + WebhookReceiver.MAX_BODY_BYTES + " bytes"));
        }
    }

    private static String readLine(InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Test
    public void onlyAPathOfOneSegmentNamesAPlatform() throws Exception {
        HttpResponse<String> refused = post("no-such-platform", EMPTY_BATCH);
        assertEquals(403, refused.statusCode());
        for (String path : new String[] {"edges/extra", "extra/edges", "edges/edges", "x/y/edges"}) {
            HttpResponse<String> answer = post(path, EMPTY_BATCH);
            assertEquals(path, 403, answer.statusCode());
            assertEquals(path + " is refused like an unknown name", refused.body(), answer.body());
        }
        assertEquals(
                "a trailing slash is still one segment",
                200,
                post("edges/", EMPTY_BATCH).statusCode());
    }
}
