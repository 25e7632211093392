package io.jenkins.plugins.codescoring.api;

/**
 * A typed failure talking to CodeScoring. The message never holds a token or a raw HTTP exception: it
 * is built by this plugin from facts it knows to be safe, and passes through {@link Redactor}.
 */
public final class CodescoringException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String redirectTarget;

    public CodescoringException(ErrorKind kind, String message) {
        this(kind, message, null);
    }

    /** @param redirectTarget for {@link ErrorKind#REDIRECTED}: where the platform pointed (no query), or null */
    public CodescoringException(ErrorKind kind, String message, String redirectTarget) {
        super(Redactor.standard().redact(message));
        this.kind = kind;
        this.redirectTarget = redirectTarget;
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
