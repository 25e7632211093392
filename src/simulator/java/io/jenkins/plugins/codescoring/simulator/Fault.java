package io.jenkins.plugins.codescoring.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour to inject: the next matching request(s) get it instead of (or on top of) the normal
 * answer. Immutable: {@link #times(int)} and {@link #onPath(String)} return changed copies. Queued faults
 * apply first come, first served; each applies to {@code times} requests (default 1) whose path starts
 * with {@code onPath} (default: any path).
 *
 * <p>Most faults replace the whole answer of any request, before the token is checked (as a proxy or
 * balancer in front of the platform would). The list faults ({@link #paginationLoop()},
 * {@link #countLies()}, {@link #repeatedPages()}) only apply to successful list answers, and
 * {@link #statusFlip()} only to {@code /status} answers about a finished run; other requests leave
 * them queued.
 */
public final class Fault {

    /** What the fault does. */
    public enum Kind {
        STATUS,
        TOO_MANY_REQUESTS,
        HTML_200,
        MALFORMED_JSON,
        TRUNCATED_JSON,
        EMPTY_BODY,
        DEEPLY_NESTED_JSON,
        WRONG_TYPES,
        HUGE_BODY,
        REDIRECT,
        DROP,
        SLOW,
        HANG,
        ECHO_AUTHORIZATION,
        FLAKY,
        PAGINATION_LOOP,
        COUNT_LIES,
        REPEATED_PAGES,
        STATUS_FLIP;

        /** Whether it replaces or delays the answer of any request (rather than changing a list or status answer). */
        boolean actsOnTransport() {
            return !distortsList() && this != STATUS_FLIP;
        }

        boolean distortsList() {
            return this == PAGINATION_LOOP || this == COUNT_LIES || this == REPEATED_PAGES;
        }
    }

    private final Kind kind;
    private final int code;
    private final String body;
    private final long amount;
    private final Duration delay;
    private final String location;
    private final int times;
    private final String pathPrefix;

    private Fault(
            Kind kind,
            int code,
            String body,
            long amount,
            Duration delay,
            String location,
            int times,
            String pathPrefix) {
        this.kind = kind;
        this.code = code;
        this.body = body;
        this.amount = amount;
        this.delay = delay;
        this.location = location;
        this.times = times;
        this.pathPrefix = pathPrefix;
    }

    private static Fault of(Kind kind) {
        return new Fault(kind, 0, null, 0, null, null, 1, null);
    }

    private static Fault withCode(Kind kind, int code, String body) {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + code);
        }
        return new Fault(kind, code, body, 0, null, null, 1, null);
    }

    private static Fault withAmount(Kind kind, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException(kind + " needs a non-negative amount: " + amount);
        }
        return new Fault(kind, 0, null, amount, null, null, 1, null);
    }

    /** That status with a small body: an nginx HTML page for 502/503/504, else {@code {"detail": ...}}. */
    public static Fault status(int code) {
        return withCode(Kind.STATUS, code, null);
    }

    /** That status with that body (JSON if it starts with { or [, else HTML). */
    public static Fault status(int code, String body) {
        return withCode(Kind.STATUS, code, Objects.requireNonNull(body, "body"));
    }

    /** 429 with {@code Retry-After: retryAfterSeconds} and DRF's throttling message. */
    public static Fault tooManyRequests(int retryAfterSeconds) {
        return withAmount(Kind.TOO_MANY_REQUESTS, retryAfterSeconds);
    }

    /** 200 {@code text/html}: the login page of an SSO gateway. */
    public static Fault html200() {
        return of(Kind.HTML_200);
    }

    /** 200 {@code application/json} whose body is not JSON. */
    public static Fault malformedJson() {
        return of(Kind.MALFORMED_JSON);
    }

    /** 200 {@code application/json} whose body is JSON cut off in the middle (with a correct Content-Length). */
    public static Fault truncatedJson() {
        return of(Kind.TRUNCATED_JSON);
    }

    /** 200 {@code application/json} with an empty body. */
    public static Fault emptyBody() {
        return of(Kind.EMPTY_BODY);
    }

    /** 200 JSON of {@code depth} nested arrays, streamed. */
    public static Fault deeplyNestedJson(int depth) {
        return withAmount(Kind.DEEPLY_NESTED_JSON, depth);
    }

    /** 200 JSON whose fields have the wrong types ({@code "results": "oops"}, {@code "id": {}}, ...). */
    public static Fault wrongTypes() {
        return of(Kind.WRONG_TYPES);
    }

    /** 200 valid JSON of {@code bytes} bytes, streamed chunked (no Content-Length), never held in memory. */
    public static Fault hugeBody(long bytes) {
        return withAmount(Kind.HUGE_BODY, bytes);
    }

    /** 302 to that location. */
    public static Fault redirect(String location) {
        return new Fault(Kind.REDIRECT, 302, null, 0, null, Objects.requireNonNull(location, "location"), 1, null);
    }

    /** 200 with a Content-Length larger than what is written, then the connection is closed mid-body. */
    public static Fault drop() {
        return of(Kind.DROP);
    }

    /** The normal answer, after that delay (the delay holds no handler thread). */
    public static Fault slow(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
        return new Fault(Kind.SLOW, 0, null, 0, delay, null, 1, null);
    }

    /** Never answers (the connection stays open until the simulator closes; it holds no handler thread). */
    public static Fault hang() {
        return of(Kind.HANG);
    }

    /**
     * A platform or proxy that is unavailable now and then: each request it applies to is answered, with a
     * chance of {@code percent} in 100, by 503 (nginx's page) or 429 (with {@code Retry-After:
     * retryAfterSeconds}), half and half, and otherwise as usual. Each request counts as one of
     * {@link #times(int)}, answered as usual or not.
     */
    public static Fault flaky(int percent, int retryAfterSeconds) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be from 0 to 100: " + percent);
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("negative Retry-After: " + retryAfterSeconds);
        }
        return new Fault(Kind.FLAKY, 0, null, percent, Duration.ofSeconds(retryAfterSeconds), null, 1, null);
    }

    /** That error status with a body quoting the received Authorization header, as careless servers do. */
    public static Fault echoAuthorization(int code) {
        return withCode(Kind.ECHO_AUTHORIZATION, code, null);
    }

    /** On a list answer, {@code next} points back at the same page. */
    public static Fault paginationLoop() {
        return of(Kind.PAGINATION_LOOP);
    }

    /** On a list answer, {@code count} is {@value PageEnvelope#LYING_COUNT_EXTRA} more than the items that exist. */
    public static Fault countLies() {
        return of(Kind.COUNT_LIES);
    }

    /** On a list answer, every page holds page 1's items. */
    public static Fault repeatedPages() {
        return of(Kind.REPEATED_PAGES);
    }

    /**
     * On {@code /status} answers about a finished run, alternately the run is reported as still running
     * ({@code in_progress}, no {@code finished_at}) and as it really is, starting with the former. Each
     * affected answer counts as one of {@link #times(int)}.
     */
    public static Fault statusFlip() {
        return of(Kind.STATUS_FLIP);
    }

    /** A copy that applies to that many requests. */
    public Fault times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + count);
        }
        return new Fault(kind, code, body, amount, delay, location, count, pathPrefix);
    }

    /** A copy that only applies to requests whose path starts with that prefix (e.g. {@code /api/alerts/}). */
    public Fault onPath(String prefix) {
        return new Fault(kind, code, body, amount, delay, location, times, Objects.requireNonNull(prefix, "prefix"));
    }

    public Kind kind() {
        return kind;
    }

    public int times() {
        return times;
    }

    int code() {
        return code;
    }

    String body() {
        return body;
    }

    long amount() {
        return amount;
    }

    /** For {@link Kind#SLOW}, the delay; for {@link Kind#FLAKY}, the Retry-After of its 429 answers. */
    Duration delay() {
        return delay;
    }

    String location() {
        return location;
    }

    boolean appliesTo(String path) {
        return pathPrefix == null || path.startsWith(pathPrefix);
    }

    @Override
    public String toString() {
        return "Fault[" + kind + (code != 0 ? " " + code : "") + (amount != 0 ? " " + amount : "")
                + (delay != null ? " " + delay : "") + (location != null ? " -> " + location : "")
                + " x" + times + (pathPrefix != null ? " on " + pathPrefix : "") + "]";
    }
}
