package io.jenkins.plugins.codescoring.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Compares the token of a delivery with the platform's in constant time: the platform's token is kept only as
 * its SHA-256 digest ({@link #digest}), the given one is hashed, and the two digests are compared whatever they
 * are. A name with no token (unknown, or without a webhook token) is compared against a random dummy digest, so
 * it costs exactly what a known name costs.
 */
public final class WebhookTokens {
    private static final int DIGEST_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What an unknown name, or a platform without a token, is compared against: equal to no token's digest. */
    private static final byte[] DUMMY = randomDigest();
    /** Comparisons made, each one digest of the given token and one constant-time comparison: the work tests count. */
    private static final LongAdder COMPARISONS = new LongAdder();

    private WebhookTokens() {}

    /** The digest a platform's token is kept as, or null for no token (null or blank). Surrounding spaces do not count. */
    public static byte[] digest(String token) {
        String wanted = token == null ? "" : token.trim();
        return wanted.isEmpty() ? null : sha256(wanted);
    }

    /** Whether a token was expected and the given one equals it (surrounding spaces aside). */
    static boolean matches(String expected, String given) {
        return matches(digest(expected), given);
    }

    /**
     * Whether the given token's digest equals the expected one; null expected (no token, unknown name) never
     * matches, after the same work.
     */
    static boolean matches(byte[] expectedDigest, String given) {
        String offered = given == null ? "" : given.trim();
        boolean known = expectedDigest != null && expectedDigest.length == DIGEST_BYTES;
        // The given token is hashed and compared whatever was expected, so no early exit tells the cases apart.
        boolean equal = MessageDigest.isEqual(known ? expectedDigest : DUMMY, sha256(offered));
        COMPARISONS.increment();
        return equal && known && !offered.isEmpty();
    }

    /** How many comparisons were made since the JVM started (for tests that count the work of a refusal). */
    public static long comparisons() {
        return COMPARISONS.sum();
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] randomDigest() {
        byte[] bytes = new byte[DIGEST_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
