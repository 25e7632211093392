package io.jenkins.plugins.codescoring.api;

import io.jenkins.plugins.codescoring.api.ApiPaths.Endpoint;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@link CodescoringApi} over HTTP. The token is sent only to the platform URL plus one of the
 * {@link ApiPaths}; redirects are never followed. Thread-safe; {@link #withDeadline} views share the
 * same HTTP client.
 */
public final class CodescoringClient implements CodescoringApi {
    private final String platformUrl;
    private final ApiPaths paths;
    private final HttpTransport transport;
    private final ResponseReader responses;
    private final ModelReader models;
    private final Pager pager;
    private final StartAnswers startAnswers;
    private final Instant deadline;
    private final String connectionKey;

    private CodescoringClient(Builder builder, String platformUrl, String token) {
        this.platformUrl = platformUrl;
        this.connectionKey = ConnectionKeys.of(platformUrl, token);
        this.paths = builder.paths;
        Redactor redactor = Redactor.of(token);
        Failures failures = new Failures(platformUrl, redactor, builder.requestTimeout, builder.maxResponseBytes);
        HttpClient httpClient = builder.httpClient != null ? builder.httpClient : defaultHttpClient();
        this.transport = new HttpTransport(
                httpClient,
                platformUrl,
                token,
                builder.userAgent,
                builder.requestTimeout,
                builder.retryPolicy,
                builder.sleeper,
                builder.clock,
                (int) builder.maxResponseBytes,
                failures);
        this.responses = new ResponseReader(failures);
        this.models = new ModelReader(redactor);
        this.pager = new Pager(responses, failures);
        this.startAnswers = new StartAnswers(failures, responses, models);
        this.deadline = null;
    }

    private CodescoringClient(CodescoringClient shared, Instant deadline) {
        this.platformUrl = shared.platformUrl;
        this.connectionKey = shared.connectionKey;
        this.paths = shared.paths;
        this.transport = shared.transport;
        this.responses = shared.responses;
        this.models = shared.models;
        this.pager = shared.pager;
        this.startAnswers = shared.startAnswers;
        this.deadline = deadline;
    }

    /** A builder for the platform at this URL (see {@link #normalizeUrl}) using this API token. */
    public static Builder builder(String platformUrl, String token) {
        return new Builder(platformUrl, token);
    }

    /**
     * The base URL of the platform as a user may have typed it, cleaned: http or https only, no user
     * name, query or fragment, without trailing slashes and without a trailing "/api". For example
     * {@code " https://cs.example.com/api/ "} becomes {@code https://cs.example.com}.
     *
     * @throws CodescoringException of kind {@link ErrorKind#BAD_CONFIGURATION} saying what is wrong
     */
    public static String normalizeUrl(String url) throws CodescoringException {
        return PlatformUrl.normalize(url);
    }

    @Override
    public StartOutcome startOverallAnalysis() throws CodescoringException, InterruptedException {
        return startAnswers.outcome(send(ApiCall.post(paths.path(Endpoint.START_ANALYSIS))));
    }

    @Override
    public AnalysisStatus overallAnalysisStatus() throws CodescoringException, InterruptedException {
        return responses.read(send(ApiCall.get(paths.path(Endpoint.ANALYSIS_STATUS))), models::status);
    }

    @Override
    public List<Alert> activeAlerts(AlertScope scope) throws CodescoringException, InterruptedException {
        ApiCall call = ApiCall.get(paths.path(Endpoint.ALERTS))
                .with("status", "active")
                .with("project", scope.projectId())
                .with("stage", scope.stage());
        return pager.readAll(call, this::send, models::alert, Alert::id);
    }

    @Override
    public List<Policy> policies() throws CodescoringException, InterruptedException {
        return pager.readAll(ApiCall.get(paths.path(Endpoint.POLICIES)), this::send, models::policy, Policy::id);
    }

    @Override
    public List<Project> searchProjects(String name) throws CodescoringException, InterruptedException {
        if (name == null || name.isBlank()) {
            throw new CodescoringException(ErrorKind.BAD_CONFIGURATION, "No project name was given to look up.");
        }
        ApiCall call = ApiCall.get(paths.path(Endpoint.PROJECTS)).with("search", name.trim());
        return pager.readAll(call, this::send, models::project, Project::id);
    }

    @Override
    public Project project(String id) throws CodescoringException, InterruptedException {
        if (id == null || !id.trim().matches("[0-9]+")) {
            throw new CodescoringException(ErrorKind.BAD_CONFIGURATION, "A project id is a number.");
        }
        Answer answer = send(ApiCall.get(paths.path(Endpoint.PROJECTS) + id.trim() + "/"));
        if (answer.status() == 404) {
            throw new CodescoringException(
                    ErrorKind.BAD_CONFIGURATION,
                    "The platform at " + platformUrl + " has no project with id " + id.trim() + ".");
        }
        return responses.read(answer, models::project);
    }

    @Override
    public void checkConnection() throws CodescoringException, InterruptedException {
        Answer answer = send(
                ApiCall.get(paths.path(Endpoint.POLICIES)).with("page", "1").with("per_page", "1"));
        pager.items(responses.json(answer), answer);
    }

    @Override
    public CodescoringClient withDeadline(Instant newDeadline) {
        return new CodescoringClient(this, Objects.requireNonNull(newDeadline, "deadline"));
    }

    /** The deadline of this view, or null when retries are limited only by the retry policy. */
    public Instant deadline() {
        return deadline;
    }

    @Override
    public String platformUrl() {
        return platformUrl;
    }

    @Override
    public String connectionKey() {
        return connectionKey;
    }

    @Override
    public String toString() {
        return "CodescoringClient[" + platformUrl + "]";
    }

    private Answer send(ApiCall call) throws CodescoringException, InterruptedException {
        return transport.send(call, deadline);
    }

    private static HttpClient defaultHttpClient() {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10));
        ProxySelector proxies = ProxySelector.getDefault();
        if (proxies != null) {
            builder.proxy(proxies);
        }
        return builder.build();
    }

    /** Configures a {@link CodescoringClient}; only the URL and the token are required. */
    public static final class Builder {
        private static final long MIN_RESPONSE_BYTES = 1024;
        private static final long MAX_RESPONSE_BYTES = 256L * 1024 * 1024;

        private final String platformUrl;
        private final String token;
        private HttpClient httpClient;
        private ApiPaths paths = ApiPaths.fromSystem();
        private Duration requestTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.REAL;
        private Clock clock = Clock.systemUTC();
        private long maxResponseBytes = 4L * 1024 * 1024;
        private String userAgent = defaultUserAgent();

        private Builder(String platformUrl, String token) {
            this.platformUrl = platformUrl;
            this.token = token;
        }

        /**
         * The HTTP client to use, e.g. one that knows the proxy. It must not follow redirects: the JDK
         * client would send the token to the redirect target.
         */
        public Builder httpClient(HttpClient value) {
            if (value.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new IllegalArgumentException(
                        "the HttpClient must be built with followRedirects(HttpClient.Redirect.NEVER),"
                                + " or it would send the API token to wherever the platform redirects");
            }
            this.httpClient = value;
            return this;
        }

        public Builder paths(ApiPaths value) {
            this.paths = Objects.requireNonNull(value, "paths");
            return this;
        }

        /** How long one request may take, answer body included; 30 s by default. */
        public Builder requestTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("the request timeout must be positive: " + value);
            }
            this.requestTimeout = value;
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The largest answer body that is read; larger answers are refused. 4 MiB by default. */
        public Builder maxResponseBytes(long value) {
            if (value < MIN_RESPONSE_BYTES || value > MAX_RESPONSE_BYTES) {
                throw new IllegalArgumentException("maxResponseBytes must be between " + MIN_RESPONSE_BYTES + " and "
                        + MAX_RESPONSE_BYTES + ": " + value);
            }
            this.maxResponseBytes = value;
            return this;
        }

        public Builder userAgent(String value) {
            if (value == null || value.isBlank() || !isHeaderSafe(value.trim(), true)) {
                throw new IllegalArgumentException("invalid User-Agent");
            }
            this.userAgent = value.trim();
            return this;
        }

        /**
         * @throws CodescoringException of kind {@link ErrorKind#BAD_CONFIGURATION} for an invalid URL,
         *     a blank or malformed token or an API path that does not fit the URL
         */
        public CodescoringClient build() throws CodescoringException {
            String url = normalizeUrl(platformUrl);
            if (token == null || token.isBlank()) {
                throw new CodescoringException(ErrorKind.BAD_CONFIGURATION, "The API token is empty.");
            }
            String trimmedToken = token.trim();
            if (!isHeaderSafe(trimmedToken, false)) {
                throw new CodescoringException(
                        ErrorKind.BAD_CONFIGURATION,
                        "The API token contains spaces, line breaks or other characters a token cannot have.");
            }
            PlatformUrl.checkPaths(url, paths);
            return new CodescoringClient(this, url, trimmedToken);
        }

        private static boolean isHeaderSafe(String value, boolean spacesAllowed) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c > 0x7e || c < 0x20 || c == ' ' && !spacesAllowed) {
                    return false;
                }
            }
            return true;
        }

        private static String defaultUserAgent() {
            String version = CodescoringClient.class.getPackage().getImplementationVersion();
            return "codescoring-jenkins-plugin/" + (version == null ? "dev" : version) + " Java/"
                    + Runtime.version().feature();
        }
    }
}
