package io.jenkins.plugins.codescoring.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One event of a delivery: its trigger and a fingerprint that tells a replay (the platform retries for
 * 48 hours) from a new event. The payload is kept only as part of the fingerprint.
 */
final class WebhookEvent {
    private final String trigger;
    private final String fingerprint;

    private WebhookEvent(String trigger, String fingerprint) {
        this.trigger = trigger;
        this.fingerprint = fingerprint;
    }

    /** An event from its JSON object, which has a textual "trigger". */
    static WebhookEvent of(JsonNode event) {
        String trigger = event.get("trigger").asText();
        return new WebhookEvent(
                trigger, fingerprint(text(event.get("created_at")), trigger, text(event.get("payload"))));
    }

    String trigger() {
        return trigger;
    }

    /** SHA-256 over created_at, trigger and the payload's JSON text. */
    String fingerprint() {
        return fingerprint;
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return "";
        }
        return node.isTextual() ? node.asText() : node.toString();
    }

    private static String fingerprint(String createdAt, String trigger, String payload) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {createdAt, trigger, payload}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
