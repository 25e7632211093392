package io.jenkins.plugins.codescoring.webhook;

/**
 * One POST to the webhook endpoint, as the Jenkins adapter read it. Holds the tokens only to hand them to
 * {@link WebhookReceiver}; {@link #toString()} never shows them.
 */
public final class WebhookDelivery {
    private final String platformName;
    private final String expectedToken;
    private final String givenToken;
    private final byte[] body;
    private final boolean bodyTooLong;

    /**
     * @param platformName the platform's name as given in the URL (untrusted)
     * @param expectedToken the platform's webhook token; null both when no platform has this name and when
     *     it has no webhook token, which the receiver refuses alike
     * @param givenToken the {@code X-CodeScoring-Authentication} header, or null when absent
     * @param body the body as read: at most {@link WebhookReceiver#MAX_BODY_BYTES} + 1 bytes
     * @param bodyTooLong whether the body went on past {@link WebhookReceiver#MAX_BODY_BYTES}
     */
    public WebhookDelivery(String platformName, String expectedToken, String givenToken, byte[] body, boolean bodyTooLong) {
        this.platformName = platformName == null ? "" : platformName;
        this.expectedToken = expectedToken;
        this.givenToken = givenToken;
        this.body = body == null ? new byte[0] : body.clone();
        this.bodyTooLong = bodyTooLong || this.body.length > WebhookReceiver.MAX_BODY_BYTES;
    }

    String platformName() {
        return platformName;
    }

    String expectedToken() {
        return expectedToken;
    }

    String givenToken() {
        return givenToken;
    }

    byte[] body() {
        return body;
    }

    boolean bodyTooLong() {
        return bodyTooLong;
    }

    @Override
    public String toString() {
        return "WebhookDelivery[" + body.length + " bytes" + (bodyTooLong ? ", too long" : "") + "]";
    }
}
