package io.jenkins.plugins.codescoring.webhook;

/** A body that is not a batch of events; the message is one short line that never quotes the body. */
class MalformedBatch extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedBatch(String message) {
        super(message, null, false, false);
    }

    /**
     * A well-formed batch with more events than are read one by one: the platform's own (one overall analysis can
     * raise thousands of policy events in one batch), so it is accepted unread rather than refused.
     */
    static final class TooManyEvents extends MalformedBatch {
        private static final long serialVersionUID = 1L;

        TooManyEvents(String message) {
            super(message);
        }
    }
}
