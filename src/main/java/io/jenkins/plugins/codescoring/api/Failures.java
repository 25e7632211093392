package io.jenkins.plugins.codescoring.api;

import java.net.URI;
import java.time.Duration;

/**
 * Builds every exception the client throws. A message says what happened (platform, method, path,
 * HTTP status) and quotes at most a short excerpt of the platform's answer; the whole message passes
 * through a redactor that knows the token, because servers may echo the token or the Authorization
 * header. Raw exception messages are never used: they may contain URLs or headers.
 */
final class Failures {
    static final int EXCERPT_LENGTH = 200;
    /** How much of a body is redacted before the excerpt is cut, so a cut never exposes half a secret. */
    private static final int REDACTION_WINDOW = 16_384;

    private final String platformUrl;
    private final Redactor redactor;
    private final Duration requestTimeout;
    private final long maxResponseBytes;

    Failures(String platformUrl, Redactor redactor, Duration requestTimeout, long maxResponseBytes) {
        this.platformUrl = platformUrl;
        this.redactor = redactor;
        this.requestTimeout = requestTimeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** The error for an answer that is not a success. */
    CodescoringException forStatus(Answer answer) {
        int status = answer.status();
        String call = answer.call().describe();
        if (answer.isRedirect()) {
            String target = redirectTarget(answer);
            return new CodescoringException(
                    ErrorKind.REDIRECTED,
                    redactor.redact(at() + " redirected " + call + " to "
                            + (target == null ? "an address it did not name or that is invalid" : target) + " (HTTP "
                            + status
                            + "). The token is not sent to redirect targets."),
                    target == null ? null : redactor.redact(target));
        }
        String detail = detail(answer);
        switch (status) {
            case 401:
                return error(
                        ErrorKind.TOKEN_REJECTED,
                        at() + " rejected the API token (HTTP 401) on " + call + "." + detail);
            case 403:
                return error(
                        ErrorKind.TOKEN_REJECTED,
                        at() + " refused " + call + " (HTTP 403): the token's user may not"
                                + " use this part of the API; it needs the rights to read policies, alerts and projects and to"
                                + " start analyses." + detail);
            case 404:
                return error(
                        ErrorKind.NOT_CODESCORING_API,
                        at() + " answered " + call + " with HTTP 404 (not found): no"
                                + " CodeScoring API answers at this address, or this platform version uses another path.");
            case 429:
                return error(
                        ErrorKind.RATE_LIMITED,
                        at() + " kept asking to slow down (HTTP 429) on " + call + attempts(answer.attempts()) + "."
                                + detail,
                        answer.retryAfter());
            default:
                break;
        }
        if (status >= 500 && status < 600) {
            // 502, 503 and 504 come from a platform restarting or a proxy in front of it; a 500 would come again.
            boolean unavailable = status == 502 || status == 503 || status == 504;
            return new CodescoringException(
                    ErrorKind.SERVER_ERROR,
                    redactor.redact(
                            at() + " failed on " + call + " (HTTP " + status + attemptsInside(answer) + ")." + detail),
                    null,
                    answer.retryAfter(),
                    unavailable);
        }
        if (status >= 400 && status < 500) {
            return error(ErrorKind.REQUEST_REJECTED, at() + " rejected " + call + " (HTTP " + status + ")." + detail);
        }
        return unreadable(answer, "unexpected HTTP status " + status);
    }

    /** A successful answer that is not what the plugin expects. */
    CodescoringException unreadable(Answer answer, String reason) {
        String contentType = answer.contentType().isEmpty() ? "no content type" : shorten(answer.contentType(), 100);
        String excerpt =
                answer.isBodyBlank() ? " The answer was empty." : " The answer began with: " + excerpt(answer.text());
        return error(
                ErrorKind.UNREADABLE_RESPONSE,
                at() + " answered " + answer.call().describe() + " with something this" + " plugin cannot read (HTTP "
                        + answer.status() + ", " + contentType + "): " + reason + "." + excerpt);
    }

    CodescoringException html(Answer answer) {
        return error(
                ErrorKind.NOT_CODESCORING_API,
                at() + " answered " + answer.call().describe() + " with an HTML page," + " not JSON (HTTP "
                        + answer.status() + "): a login page or a proxy may answer instead of CodeScoring.");
    }

    CodescoringException tooLarge(Answer answer) {
        return error(
                ErrorKind.UNREADABLE_RESPONSE,
                at() + " answered " + answer.call().describe() + " with more than " + bytes(maxResponseBytes)
                        + " (HTTP " + answer.status() + "); the answer was not read.");
    }

    /** The error for a call that got no complete answer. */
    CodescoringException forIoFailure(ApiCall call, IoFailure failure, int attempts) {
        String tries = attempts(attempts);
        switch (failure.category()) {
            case TLS:
                return error(
                        ErrorKind.TLS_FAILURE,
                        "The secure connection to the platform at " + platformUrl + " failed on "
                                + call.describe() + " (" + failure.cause()
                                + "): the platform's certificate is not trusted by this"
                                + " Java runtime, or the TLS settings do not match.");
            case TIMED_OUT:
                String waited = failure.cutShortAfter() == null
                        ? seconds(requestTimeout)
                        : seconds(failure.cutShortAfter()) + " (all the time left before the deadline)";
                return error(
                        ErrorKind.TIMEOUT,
                        at() + " gave no answer within " + waited + " to " + call.describe() + tries + "."
                                + notRepeated(call));
            case NOT_CONNECTED:
                return error(
                        ErrorKind.UNREACHABLE,
                        "Could not connect to the platform at " + platformUrl + " for " + call.describe() + tries + ": "
                                + failure.describeCause() + ".");
            default:
                return error(
                        ErrorKind.UNREACHABLE,
                        "The connection to the platform at " + platformUrl + " broke during " + call.describe() + tries
                                + " (" + failure.cause() + ")." + notRepeated(call));
        }
    }

    /** The text with the token masked wherever it appears, and nothing else changed (see {@link Redactor#redactKnown}). */
    String redactKnown(String text) {
        return redactor.redactKnown(text);
    }

    /** The start of a text, redacted, on one line, at most {@value #EXCERPT_LENGTH} characters. */
    String excerpt(String text) {
        // The token is masked in the whole text first: the window may cut it, and the cut end may come
        // into view once the whitespace before it is collapsed.
        String masked = redactor.redactKnown(text);
        String window = masked.length() > REDACTION_WINDOW ? masked.substring(0, REDACTION_WINDOW) : masked;
        return shorten(redactor.redact(window).replaceAll("\\s+", " ").trim(), EXCERPT_LENGTH);
    }

    private String detail(Answer answer) {
        String detail = ErrorDetail.of(answer);
        return detail.isBlank() ? "" : " The platform said: " + excerpt(detail);
    }

    /** Scheme, host, port and path of the Location, or null when absent or invalid. */
    private String redirectTarget(Answer answer) {
        String location = answer.header("Location");
        if (location.isEmpty()) {
            return null;
        }
        try {
            URI target = URI.create(platformUrl + answer.call().path()).resolve(location.trim());
            if (target.getScheme() == null || target.getHost() == null) {
                return null;
            }
            String port = target.getPort() < 0 ? "" : ":" + target.getPort();
            return target.getScheme() + "://" + target.getHost() + port
                    + (target.getRawPath() == null ? "" : target.getRawPath());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String at() {
        return "The platform at " + platformUrl;
    }

    private static String attempts(int count) {
        return count > 1 ? " (" + count + " attempts)" : "";
    }

    private static String notRepeated(ApiCall call) {
        return call.isRepeatable() ? "" : " The request may have reached the platform, so it was not repeated.";
    }

    private static String attemptsInside(Answer answer) {
        return answer.attempts() > 1 ? ", " + answer.attempts() + " attempts" : "";
    }

    private CodescoringException error(ErrorKind kind, String message) {
        return new CodescoringException(kind, redactor.redact(message));
    }

    private CodescoringException error(ErrorKind kind, String message, Duration retryAfter) {
        return new CodescoringException(kind, redactor.redact(message), null, retryAfter);
    }

    private static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "…";
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    static String bytes(long count) {
        if (count % (1024 * 1024) == 0) {
            return count / (1024 * 1024) + " MiB";
        }
        return count % 1024 == 0 ? count / 1024 + " KiB" : count + " bytes";
    }
}
