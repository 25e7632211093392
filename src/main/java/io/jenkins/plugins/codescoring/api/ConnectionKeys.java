package io.jenkins.plugins.codescoring.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Keys for {@link CodescoringApi#connectionKey()}: a SHA-256 of the URL and the token, never the token. */
public final class ConnectionKeys {
    private ConnectionKeys() {}

    public static String of(String platformUrl, String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(platformUrl.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
