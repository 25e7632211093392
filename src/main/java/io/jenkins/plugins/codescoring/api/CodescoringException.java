package io.jenkins.plugins.codescoring.api;

import java.time.Duration;

/**
 * A typed failure talking to CodeScoring. The message never holds a token or a raw HTTP exception: it
 * is built by this plugin from facts it knows to be safe, and passes through {@link Redactor}.
 */
public final class CodescoringException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String redirectTarget;
    private final Duration retryAfter;
    private final boolean transientFailure;

    public CodescoringException(ErrorKind kind, String message) {
        this(kind, message, null);
    }

    /** @param redirectTarget for {@link ErrorKind#REDIRECTED}: where the platform pointed (no query), or null */
    public CodescoringException(ErrorKind kind, String message, String redirectTarget) {
        this(kind, message, redirectTarget, null);
    }

    /**
     * @param retryAfter how long the platform asked to wait before trying again (its Retry-After), or null
     */
    public CodescoringException(ErrorKind kind, String message, String redirectTarget, Duration retryAfter) {
        this(kind, message, redirectTarget, retryAfter, kind.isTransient() || kind == ErrorKind.TIMEOUT);
    }

    /** @param transientFailure whether the same call may well succeed a little later (see {@link #isTransient()}) */
    public CodescoringException(
            ErrorKind kind, String message, String redirectTarget, Duration retryAfter, boolean transientFailure) {
        super(Redactor.standard().redact(message));
        this.kind = kind;
        this.redirectTarget = redirectTarget;
        this.retryAfter = retryAfter;
        this.transientFailure = transientFailure;
    }

    /**
     * Whether the same call may well succeed a little later, so a scan tries it again for a while: the platform
     * or a proxy asked to slow down (429) or was unavailable (502, 503, 504), the connection could not be made or
     * broke, or no answer came in time. Not an HTTP 500 or any other answer that would come again.
     */
    public boolean isTransient() {
        return transientFailure;
    }

    /** How long the platform asked to wait before the next try (Retry-After), or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Where a redirect pointed (scheme, host, port and path), or null when unknown or not a redirect. */
    public String redirectTarget() {
        return redirectTarget;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The message followed by the advice of its kind, as shown to users. */
    public String describe() {
        return getMessage() + " " + kind.advice();
    }

    @Override
    public String toString() {
        return "CodescoringException[" + kind + "]: " + getMessage();
    }
}
