package io.jenkins.plugins.codescoring.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Jenkins' HTTP API as a person's script uses it: a real user with a password (HTTP basic), a session
 * cookie, and a CSRF crumb on every POST. Every answer is handed to the {@link SecretWatch}.
 */
public final class JenkinsClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** An HTTP answer. */
    public record Answer(int status, String body, HttpResponse<byte[]> raw) {
        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    private final String root;
    private final String authorization;
    private final SecretWatch watch;
    private HttpClient http;
    private String crumbField;
    private String crumb;

    public JenkinsClient(String rootUrl, String user, String password, SecretWatch watch) {
        this.root = rootUrl;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.watch = watch;
        newSession();
    }

    /** Forgets the session and crumb (a restarted controller has neither). */
    public void newSession() {
        http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        crumb = null;
    }

    public String root() {
        return root;
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public JsonNode json(String path) throws IOException, InterruptedException {
        Answer answer = get(path);
        if (answer.status() != 200) {
            throw new IOException("GET " + path + " answered " + answer.status());
        }
        return JSON.readTree(answer.body());
    }

    /** POST with the session's crumb (fetched on first use; fetched again once if Jenkins refuses it). */
    public Answer post(String path, String contentType, String body) throws IOException, InterruptedException {
        Answer answer = postOnce(path, contentType, body);
        if (answer.status() == 403 && answer.body().contains("crumb")) {
            crumb = null;
            answer = postOnce(path, contentType, body);
        }
        return answer;
    }

    /** POST a form ({@code application/x-www-form-urlencoded}) of name-value pairs. */
    public Answer postForm(String path, String... namesAndValues) throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
        }
        return post(path, "application/x-www-form-urlencoded", form.toString());
    }

    private Answer postOnce(String path, String contentType, String body) throws IOException, InterruptedException {
        if (crumb == null) {
            JsonNode issued = json("crumbIssuer/api/json");
            crumbField = issued.get("crumbRequestField").asText();
            crumb = issued.get("crumb").asText();
        }
        HttpRequest.Builder request = request(path)
                .header(crumbField, crumb)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        // Jenkins' tree ranges such as builds[number]{0,10} hold characters a URI must escape.
        String escaped = path.replace("{", "%7B").replace("}", "%7D");
        return HttpRequest.newBuilder(URI.create(root + escaped))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization);
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.build();
        HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        watch.checkPage(built.method() + " " + built.uri(), response.body());
        return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
