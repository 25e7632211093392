package io.jenkins.plugins.codescoring.webhook;

/**
 * One POST to the webhook endpoint, as the Jenkins adapter read it. Holds the platform's token only as its
 * digest, and the given token only to check it and to hide it from answers; {@link #toString()} never shows it.
 */
public final class WebhookDelivery {
    private final String platformName;
    private final byte[] expectedDigest;
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
    public WebhookDelivery(
            String platformName, String expectedToken, String givenToken, byte[] body, boolean bodyTooLong) {
        this(platformName, WebhookTokens.digest(expectedToken), givenToken, body, bodyTooLong);
    }

    private WebhookDelivery(
            String platformName, byte[] expectedDigest, String givenToken, byte[] body, boolean bodyTooLong) {
        this.platformName = platformName == null ? "" : platformName;
        this.expectedDigest = expectedDigest == null ? null : expectedDigest.clone();
        this.givenToken = givenToken;
        this.body = body == null ? new byte[0] : body.clone();
        this.bodyTooLong = bodyTooLong || this.body.length > WebhookReceiver.MAX_BODY_BYTES;
    }

    /**
     * As the Jenkins endpoint makes it: the platform's token as its digest ({@link WebhookTokens#digest}), null
     * for an unknown name or a platform without a token.
     */
    public static WebhookDelivery withDigest(
            String platformName, byte[] expectedDigest, String givenToken, byte[] body, boolean bodyTooLong) {
        return new WebhookDelivery(platformName, expectedDigest, givenToken, body, bodyTooLong);
    }

    String platformName() {
        return platformName;
    }

    byte[] expectedDigest() {
        return expectedDigest;
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
