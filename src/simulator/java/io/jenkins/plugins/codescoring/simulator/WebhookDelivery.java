package io.jenkins.plugins.codescoring.simulator;

import java.time.Instant;
import java.util.List;

/**
 * One attempt to deliver a webhook batch, as {@link CodescoringSimulator#webhookDeliveries()} records it.
 *
 * @param batch the batch's number, from 1; the same for its retries and duplicate; 0 for
 *              {@link CodescoringSimulator#sendRawWebhook(String, String)}
 * @param attempt 1 for the first POST of a copy, 2 for its first retry, ...
 * @param status the HTTP status of the answer, {@link #NO_ANSWER} when the connection failed (see
 *               {@code error}) or {@link #NOT_SENT} when a {@link WebhookFault.Kind#LOST} fault dropped it
 * @param error why there was no answer, else null
 * @param triggers the trigger of each event, in order
 * @param fault the fault applied to the batch, or null
 * @param lastAttempt whether no retry follows (delivered, dropped, or given up)
 */
public record WebhookDelivery(
        long batch,
        int attempt,
        Instant at,
        int status,
        String error,
        List<String> triggers,
        WebhookFault.Kind fault,
        boolean lastAttempt) {

    public static final int NO_ANSWER = -1;
    public static final int NOT_SENT = 0;

    public WebhookDelivery {
        triggers = List.copyOf(triggers);
    }

    public int events() {
        return triggers.size();
    }

    /** Whether the receiver answered 2xx. */
    public boolean delivered() {
        return status >= 200 && status < 300;
    }

    /** Whether a POST was made (even one that got no answer). */
    public boolean sent() {
        return status != NOT_SENT;
    }
}
