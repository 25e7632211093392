package io.jenkins.plugins.codescoring.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour of the webhook sender, applied to whole batches (see
 * {@link CodescoringSimulator#injectWebhookFault(WebhookFault, int)}).
 *
 * @param delay how long a {@link Kind#LATE} batch is held back; zero for the other kinds
 */
public record WebhookFault(Kind kind, Duration delay) {

    /** What happens to the batch. */
    public enum Kind {
        /** The batch is dropped and never sent. */
        LOST,
        /** The batch is sent twice, the same body each time. */
        DUPLICATE,
        /** The batch is sent after {@link #delay()}. */
        LATE,
        /** The batch is sent with {@link #WRONG_TOKEN} instead of the configured token. */
        WRONG_TOKEN
    }

    /** The token a {@link Kind#WRONG_TOKEN} batch carries. */
    public static final String WRONG_TOKEN = "wrong-webhook-token";

    public WebhookFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || (kind != Kind.LATE && !delay.isZero())) {
            throw new IllegalArgumentException("a " + kind + " fault cannot have a delay of " + delay);
        }
    }

    public static WebhookFault lost() {
        return new WebhookFault(Kind.LOST, Duration.ZERO);
    }

    public static WebhookFault duplicate() {
        return new WebhookFault(Kind.DUPLICATE, Duration.ZERO);
    }

    public static WebhookFault late(Duration delay) {
        return new WebhookFault(Kind.LATE, delay);
    }

    public static WebhookFault wrongToken() {
        return new WebhookFault(Kind.WRONG_TOKEN, Duration.ZERO);
    }
}
