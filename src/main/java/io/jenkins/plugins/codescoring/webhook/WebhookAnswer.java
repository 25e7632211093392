package io.jenkins.plugins.codescoring.webhook;

import java.util.OptionalLong;

/**
 * What the webhook endpoint answers to one delivery. The message is one line of plain text, safe to send
 * back, to log and to show: it never holds a token or the raw body.
 */
public final class WebhookAnswer {
    private final int status;
    private final String message;
    private final boolean pollNow;
    private final int events;
    private final int statusChecks;
    private final int duplicates;
    private final int ignored;
    private final long retryAfterSeconds;
    private final boolean worthAWarning;

    private WebhookAnswer(
            int status,
            String message,
            boolean pollNow,
            BatchTally tally,
            long retryAfterSeconds,
            boolean worthAWarning) {
        this.status = status;
        this.message = message;
        this.pollNow = pollNow;
        this.events = tally == null ? 0 : tally.events;
        this.statusChecks = tally == null ? 0 : tally.statusChecks;
        this.duplicates = tally == null ? 0 : tally.duplicates;
        this.ignored = tally == null ? 0 : tally.ignored;
        this.retryAfterSeconds = retryAfterSeconds;
        this.worthAWarning = worthAWarning;
    }

    static WebhookAnswer accepted(BatchTally tally, String message) {
        return new WebhookAnswer(200, message, tally.statusChecks > 0, tally, 0, false);
    }

    /** A delivery with the right token that was not read whole: it asks for a status check all the same. */
    static WebhookAnswer acceptedUnread(String message) {
        return new WebhookAnswer(200, message, true, null, 0, false);
    }

    static WebhookAnswer refused(int status, String message, long retryAfterSeconds, boolean worthAWarning) {
        return new WebhookAnswer(status, message, false, null, retryAfterSeconds, worthAWarning);
    }

    /** The HTTP status: 200, or 403, 429, 400 for a refused delivery. */
    public int status() {
        return status;
    }

    public boolean accepted() {
        return status == 200;
    }

    /** One line of plain text for the response body and the log. */
    public String message() {
        return message;
    }

    /**
     * Whether the platform's waiting scans should read the status now: at least one new event says an
     * analysis finished, failed or was cancelled.
     */
    public boolean pollNow() {
        return pollNow;
    }

    /** Events in an accepted delivery. */
    public int events() {
        return events;
    }

    /** New events that ask for a status check. */
    public int statusChecks() {
        return statusChecks;
    }

    /** Events seen recently (replays). */
    public int duplicates() {
        return duplicates;
    }

    /** Events whose trigger needs nothing, known or not. */
    public int ignored() {
        return ignored;
    }

    /** For a 429: the value of the Retry-After header, in seconds. */
    public OptionalLong retryAfterSeconds() {
        return status == 429 ? OptionalLong.of(retryAfterSeconds) : OptionalLong.empty();
    }

    /**
     * Whether to log this refusal as a warning: the first of its kind for its platform in a minute. Log the
     * rest at a fine level, so that a flood of bad deliveries does not fill the log.
     */
    public boolean worthAWarning() {
        return worthAWarning;
    }

    @Override
    public String toString() {
        return status + " " + message;
    }
}
