package io.jenkins.plugins.codescoring.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes a blocking alert the same one in two scans: the platform's alert id, and where the platform
 * gave none, its policy, project, stage, dependency and vulnerability together. The fallback is kept as a
 * SHA-256 prefix, so an identity is at most {@value #MAX_LENGTH} characters whatever the purl's length.
 */
public final class AlertIdentity {
    /** The longest identity: {@code id:} and an id cut to 64 characters, or {@code key:} and 32 hex digits. */
    public static final int MAX_LENGTH = 67;

    private static final int MAX_ID = 64;

    private AlertIdentity() {}

    /** The identity of an alert of a policy. */
    public static String of(BlockingPolicy policy, BlockingAlert alert) {
        String id = alert.id();
        if (id != null && !id.isBlank()) {
            String trimmed = id.trim();
            return "id:"
                    + (trimmed.length() <= MAX_ID ? trimmed : sha256(trimmed).substring(0, MAX_ID));
        }
        String policyKey = policy.id() != null && !policy.id().isBlank() ? policy.id() : policy.name();
        String joined = String.join(
                "\u0000",
                part(policyKey),
                part(alert.project()),
                part(alert.stage()),
                part(alert.dependencyPurl()),
                part(alert.vulnerability()));
        return "key:" + sha256(joined).substring(0, 32);
    }

    private static String part(String value) {
        return value == null ? "" : value.trim();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
