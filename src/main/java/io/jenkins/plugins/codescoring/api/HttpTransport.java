package io.jenkins.plugins.codescoring.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends calls to the platform with the token, retrying what may be retried: failures to connect
 * always, timeouts and broken connections only for reads, and the answers 429, 502, 503 and 504
 * (honouring a short Retry-After; a longer one ends the call, and the answer keeps it for the scan, which
 * waits between its steps). Each call gets at most the policy's few quick attempts, and no retry whose wait
 * would end after the deadline; nor does an attempt wait for its answer past the deadline (a platform
 * that accepts and never answers cannot stretch a scan beyond its timeout). Requests only ever go to
 * the platform URL plus an API path; redirects are answers like any other, never followed.
 */
final class HttpTransport {
    static final int ERROR_BODY_LIMIT = 64 * 1024;
    /** The least an attempt waits for its answer, even at the deadline. */
    static final Duration MIN_PATIENCE = Duration.ofSeconds(1);

    private final HttpClient httpClient;
    private final String platformUrl;
    private final String authorization;
    private final String userAgent;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Random random = new Random();
    private final HttpResponse.BodyHandler<CappedBody> bodyHandler;
    private final Failures failures;

    HttpTransport(
            HttpClient httpClient,
            String platformUrl,
            String token,
            String userAgent,
            Duration requestTimeout,
            RetryPolicy retryPolicy,
            Sleeper sleeper,
            Clock clock,
            int maxResponseBytes,
            Failures failures) {
        this.httpClient = httpClient;
        this.platformUrl = platformUrl;
        this.authorization = "Token " + token;
        this.userAgent = userAgent;
        this.requestTimeout = requestTimeout;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.bodyHandler = CappedBody.handler(maxResponseBytes, ERROR_BODY_LIMIT);
        this.failures = failures;
    }

    /**
     * The platform's final answer to the call, whatever its status; throws when no answer came.
     * Retryable answers that stay unsuccessful are returned as the last one received. No retry is made
     * whose wait would end after the deadline (null: none).
     */
    Answer send(ApiCall call, Instant deadline) throws CodescoringException, InterruptedException {
        HttpRequest request = request(call);
        for (int attempt = 1; ; attempt++) {
            Answer answer = null;
            IoFailure failure = null;
            Duration wait = null;
            try {
                answer = exchange(call, request, attempt, patience(deadline));
                wait = retryWait(answer, attempt);
            } catch (FailedAttempt e) {
                failure = e.failure;
                wait = failure.isRetriable(call) ? retryPolicy.backoff(attempt, random) : null;
            }
            if (wait == null || attempt >= retryPolicy.maxAttempts() || endsAfterDeadline(wait, deadline)) {
                if (failure != null) {
                    throw failures.forIoFailure(call, failure, attempt);
                }
                return answer;
            }
            sleeper.sleep(wait);
        }
    }

    private HttpRequest request(ApiCall call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(platformUrl + call.pathAndQuery()))
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("User-Agent", userAgent);
        if (call.method() == ApiCall.Method.POST) {
            builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody());
        } else {
            builder.GET();
        }
        return builder.build();
    }

    /** How long an attempt may wait for its answer: the request timeout, but not past the deadline (null: none). */
    private Duration patience(Instant deadline) {
        if (deadline == null) {
            return requestTimeout;
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.compareTo(requestTimeout) >= 0) {
            return requestTimeout;
        }
        Duration least = MIN_PATIENCE.compareTo(requestTimeout) < 0 ? MIN_PATIENCE : requestTimeout;
        return left.compareTo(least) < 0 ? least : left;
    }

    private Answer exchange(ApiCall call, HttpRequest request, int attempt, Duration patience)
            throws FailedAttempt, InterruptedException {
        CompletableFuture<HttpResponse<CappedBody>> future = httpClient.sendAsync(request, bodyHandler);
        try {
            // The request timeout only covers the wait for the headers; this one also covers the body.
            HttpResponse<CappedBody> response = future.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            Answer answer = new Answer(call, response.statusCode(), response.headers(), response.body(), attempt);
            return answer.withRetryAfter(retryAfter(answer.header("Retry-After")));
        } catch (ExecutionException e) {
            throw new FailedAttempt(IoFailure.classify(e.getCause() == null ? e : e.getCause()));
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FailedAttempt(
                    patience.equals(requestTimeout) ? IoFailure.timedOut() : IoFailure.timedOutAt(patience));
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    /** How long to wait before retrying after this answer, or null when it is final. */
    private Duration retryWait(Answer answer, int attempt) {
        int status = answer.status();
        if (status != 429 && status != 502 && status != 503 && status != 504) {
            return null;
        }
        Duration asked = answer.retryAfter();
        // A long Retry-After is not slept here: the call ends, and the scan schedules its next try.
        return asked != null ? retryPolicy.retryAfter(asked) : retryPolicy.backoff(attempt, random);
    }

    /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
    private Duration retryAfter(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            try {
                Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return Duration.between(clock.instant(), until);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private boolean endsAfterDeadline(Duration wait, Instant deadline) {
        return deadline != null && clock.instant().plus(wait).isAfter(deadline);
    }

    /** An attempt that got no answer; internal to the retry loop. */
    private static final class FailedAttempt extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient IoFailure failure;

        FailedAttempt(IoFailure failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }
}
