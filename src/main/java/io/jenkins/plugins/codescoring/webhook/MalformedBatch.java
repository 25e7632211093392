package io.jenkins.plugins.codescoring.webhook;

/** A body that is not a batch of events; the message is one short line that never quotes the body. */
final class MalformedBatch extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedBatch(String message) {
        super(message, null, false, false);
    }
}
