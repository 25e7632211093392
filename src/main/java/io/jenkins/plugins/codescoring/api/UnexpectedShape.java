package io.jenkins.plugins.codescoring.api;

/**
 * JSON that parsed but does not have the shape the contract promises; the message names the field.
 * The client turns it into an {@link ErrorKind#UNREADABLE_RESPONSE} that also names the call.
 */
final class UnexpectedShape extends Exception {
    private static final long serialVersionUID = 1L;

    UnexpectedShape(String message) {
        super(message, null, false, false);
    }
}
