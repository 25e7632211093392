package io.jenkins.plugins.codescoring.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Compares the token of a delivery with the platform's in constant time: both are hashed first, so the
 * comparison takes as long whatever their lengths and wherever they differ.
 */
final class WebhookTokens {
    private WebhookTokens() {
    }

    /** Whether a token was expected and the given one equals it (surrounding spaces aside). */
    static boolean matches(String expected, String given) {
        String wanted = expected == null ? "" : expected.trim();
        String offered = given == null ? "" : given.trim();
        // Both digests are computed and compared whatever the tokens are, so no early exit tells them apart.
        boolean equal = MessageDigest.isEqual(sha256(wanted), sha256(offered));
        return equal && !wanted.isEmpty();
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
