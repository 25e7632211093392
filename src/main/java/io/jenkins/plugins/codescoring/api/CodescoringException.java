package io.jenkins.plugins.codescoring.api;

/**
 * A typed failure talking to CodeScoring. The message never holds a token or a raw HTTP exception: it
 * is built by this plugin from facts it knows to be safe, and passes through {@link Redactor}.
 */
public final class CodescoringException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public CodescoringException(ErrorKind kind, String message) {
        super(Redactor.standard().redact(message));
        this.kind = kind;
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
