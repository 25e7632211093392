package io.jenkins.plugins.codescoring.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the simulator sends its webhooks.
 *
 * @param target the receiver's absolute http(s) URL
 * @param token the value of {@value #TOKEN_HEADER}
 * @param batchInterval how often queued events go out as one POST (the platform: 5 s)
 * @param maxAttempts how many times a batch is tried before it is dropped (the platform retries for 48 h;
 *                    the simulator gives up sooner)
 */
public record WebhookSettings(URI target, String token, Duration batchInterval, int maxAttempts) {

    public static final String TOKEN_HEADER = "X-CodeScoring-Authentication";
    public static final Duration DEFAULT_BATCH_INTERVAL = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

    public WebhookSettings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(batchInterval, "batchInterval");
        String scheme = target.getScheme();
        if (!target.isAbsolute()
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                || target.getHost() == null) {
            throw new IllegalArgumentException("the webhook URL must be an absolute http(s) URL: " + target);
        }
        if (batchInterval.isNegative() || batchInterval.isZero()) {
            throw new IllegalArgumentException("the batch interval must be positive: " + batchInterval);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed: " + maxAttempts);
        }
    }

    /** Settings with the default number of attempts. */
    public static WebhookSettings of(URI target, String token, Duration batchInterval) {
        return new WebhookSettings(target, token, batchInterval, DEFAULT_MAX_ATTEMPTS);
    }

    public WebhookSettings withMaxAttempts(int attempts) {
        return new WebhookSettings(target, token, batchInterval, attempts);
    }

    /** The pause before attempt {@code failed + 1}: the batch interval, doubled after each failure, at most 30 s. */
    Duration retryDelay(int failed) {
        Duration delay = batchInterval.multipliedBy(1L << Math.min(failed - 1, 20));
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }
}
